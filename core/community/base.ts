// Builds the Autobase for one community: encrypted, with a Hyperbee view
// derived by apply. Each community owns its Corestore; the base gets a
// namespace of it because closing a base closes the store it was given.
import Autobase from 'autobase'
import type Corestore from 'corestore'
import Hyperbee from 'hyperbee'
import { createApply } from '../view/apply.js'

export type CommunityBase = Autobase<Hyperbee>

export interface BaseOptions {
  key: Buffer | null
  encryptionKey: Buffer | null
  /** How often indexers ack so posts become confirmed; Autobase's own default is 10 s. */
  ackInterval: number
  newestOpVersion?: number | undefined
}

export function createBase(store: Corestore, opts: BaseOptions): CommunityBase {
  return new Autobase<Hyperbee>(store.namespace('community'), opts.key, {
    open: (viewStore) =>
      new Hyperbee(viewStore.get('view'), { keyEncoding: 'utf-8', valueEncoding: 'json', extension: false }),
    apply: createApply(opts.newestOpVersion),
    close: (view) => view.close(),
    encrypt: true,
    encryptionKey: opts.encryptionKey,
    ackInterval: opts.ackInterval
  })
}

/** The writer key a new member will have, needed before the base exists (for pairing). */
export async function localWriterKey(store: Corestore): Promise<Buffer> {
  const core = Autobase.getLocalCore(store.namespace('community'))
  await core.ready()
  const key = core.key
  await core.close()
  return key
}
