// The profile file lists the communities this device belongs to and how
// this device reads them. It is sealed under the profile key (keyring.ts),
// read as untrusted input (a file on disk can be damaged) and written
// atomically. Profiles from before the lock kept it as plain profile.json;
// the first open seals it and removes the plain file.
import { mkdir, readFile, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { communityId, deviceId, hexBytes, memberId, postId } from '../domain/ids.js'
import { MutualError } from '../errors.js'
import { LIMITS } from '../domain/limits.js'
import { SEALED_PROFILE, derivedKey, readSealed, writeSealed } from './sealed.js'

const entry = z.object({
  id: communityId,
  /** Folder under communities/ holding this community's store. */
  folder: z.string().regex(/^[0-9a-f]{16,64}$/),
  /** This device's reading position: posts after it count as unread. */
  lastReadSeq: z.number().int().nonnegative().default(0),
  notifications: z.boolean().default(true),
  /** Personal moderation: members muted and posts hidden on this device only. */
  muted: z.array(memberId).max(10_000).default([]),
  hiddenPosts: z.array(postId).max(100_000).default([]),
  /** Whether members connected to this device may see that I am around. */
  presence: z.boolean().default(true),
  /** Set once this community started again by consent and this device holds the new one. */
  refoundedAs: communityId.nullable().default(null),
  /** How far I have read each private conversation, by the other member's id. */
  conversationsRead: z
    .record(memberId, z.number().int().min(-1))
    .refine((r) => Object.keys(r).length <= 10_000)
    .default({}),
  /**
   * Whether the community's store keeps its seed and encryption key sealed under the profile key.
   * Stores made before the lock kept them plain; see store-keys.ts.
   */
  keysSealed: z.boolean().default(false),
  /** While sealing an old store's seed: a hash of the plain seed, so an interrupted sealing can tell where it stopped. */
  seedCheck: hexBytes(32).nullable().default(null),
  /**
   * On a device linked to a member first written elsewhere: that member, and
   * their key for private conversations there (core/linking/).
   */
  linkedTo: z
    .object({
      member: memberId,
      /** Null on a device restored from a phrase without the backup file. */
      conversationKey: hexBytes(64).nullable()
    })
    .nullable()
    .default(null)
})
/** This device among the member's devices: an id it chose, and the name the person gave it. */
const thisDevice = z.object({
  id: deviceId,
  name: z.string().min(1).max(LIMITS.deviceName)
})
export type ThisDevice = z.infer<typeof thisDevice>
const profileFile = z.object({
  version: z.literal(1),
  communities: z.array(entry),
  /** Minutes without use before the app locks itself (with a passphrase set); 0 never. */
  lockAfterMinutes: z.number().int().min(0).max(1440).default(15),
  device: thisDevice.nullable().default(null),
  /** The public half of my latest recovery phrase's key: which communities hold the phrase I have. */
  recoveryKey: hexBytes(32).nullable().default(null)
})

export type ProfileEntry = z.output<typeof entry>

export class Profile {
  private entries: ProfileEntry[] = []
  private lockAfter = 15
  private thisDevice: ThisDevice | null = null
  private recovery: string | null = null
  private readonly file: string
  private readonly legacyFile: string
  private key: Buffer | null = null
  private writing: Promise<void> = Promise.resolve()

  constructor(readonly dir: string) {
    this.file = join(dir, SEALED_PROFILE)
    this.legacyFile = join(dir, 'profile.json')
  }

  async load(profileKey: Buffer): Promise<void> {
    this.key = derivedKey(profileKey, 'profile-file')
    await mkdir(join(this.dir, 'communities'), { recursive: true })
    const sealed = await readSealed(this.file, this.key)
    const legacy = await readFile(this.legacyFile, 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null
      throw err
    })
    if (sealed !== null && sealed !== 'damaged') {
      this.parse(sealed.toString('utf8'), this.file)
    } else if (legacy !== null) {
      // Sealing was interrupted before (or the sealed copy is torn): the plain file is still whole.
      this.parse(legacy, this.legacyFile)
      await this.save()
    } else if (sealed === 'damaged') {
      throw new MutualError('internal', `${this.file} is damaged or was sealed with another key`)
    }
    // Once the sealed file holds it all, the plain one goes, even if a crash came between the two before.
    if (legacy !== null) await unlink(this.legacyFile)
  }

  private parse(raw: string, file: string): void {
    let parsed: unknown
    try {
      parsed = JSON.parse(raw)
    } catch {
      throw new MutualError('internal', `${file} is damaged (not JSON); move it aside to start fresh`)
    }
    const result = profileFile.safeParse(parsed)
    if (!result.success) throw new MutualError('internal', `${file} is damaged; move it aside to start fresh`)
    this.entries = result.data.communities
    this.lockAfter = result.data.lockAfterMinutes
    this.thisDevice = result.data.device
    this.recovery = result.data.recoveryKey
  }

  get recoveryKey(): string | null {
    return this.recovery
  }

  setRecoveryKey(key: string): Promise<void> {
    this.recovery = key
    return this.save()
  }

  /** This device, once it has been named or linked; null before. */
  get device(): ThisDevice | null {
    return this.thisDevice
  }

  setDevice(device: ThisDevice): Promise<void> {
    this.thisDevice = device
    return this.save()
  }

  get lockAfterMinutes(): number {
    return this.lockAfter
  }

  setLockAfterMinutes(minutes: number): Promise<void> {
    this.lockAfter = minutes
    return this.save()
  }

  list(): readonly ProfileEntry[] {
    return this.entries
  }

  folderPath(folder: string): string {
    return join(this.dir, 'communities', folder)
  }

  get(id: string): ProfileEntry | undefined {
    return this.entries.find((e) => e.id === id)
  }

  update(
    id: string,
    patch: Partial<
      Pick<
        ProfileEntry,
        | 'lastReadSeq'
        | 'notifications'
        | 'muted'
        | 'hiddenPosts'
        | 'presence'
        | 'conversationsRead'
        | 'refoundedAs'
        | 'keysSealed'
        | 'seedCheck'
      >
    >
  ): Promise<void> {
    this.entries = this.entries.map((e) => (e.id === id ? { ...e, ...patch } : e))
    return this.save()
  }

  add(e: ProfileEntry): Promise<void> {
    this.entries = [...this.entries.filter((x) => x.id !== e.id), e]
    return this.save()
  }

  remove(id: string): Promise<void> {
    this.entries = this.entries.filter((x) => x.id !== id)
    return this.save()
  }

  /** Resolves once every write asked for so far has landed. */
  settled(): Promise<void> {
    return this.writing.catch(() => undefined)
  }

  private save(): Promise<void> {
    const key = this.key
    if (!key) return Promise.reject(new Error('the profile is saved before it was loaded'))
    const body = Buffer.from(
      JSON.stringify({
        version: 1,
        communities: this.entries,
        lockAfterMinutes: this.lockAfter,
        device: this.thisDevice,
        recoveryKey: this.recovery
      }),
      'utf8'
    )
    this.writing = this.writing.then(() => writeSealed(this.file, body, key))
    return this.writing
  }
}
