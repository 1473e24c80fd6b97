// The backup a member may keep beside their recovery phrase: what no other
// member holds, so a phrase alone cannot bring it back. The keys that open
// their private conversations in each community, their support plan, and
// where the phrase could not be recorded, sealed with a key derived from the
// phrase. Read as untrusted input.
import { z } from 'zod'
import { hexBytes as hex } from '../domain/ids.js'
import { MutualError } from '../errors.js'
import { open, seal } from '../profile/sealed.js'
import { planContent } from '../reaching/payload.js'
import { MAX_LINKED_COMMUNITIES, notShared } from './channel.js'

const backupFile = z
  .object({
    v: z.literal(1),
    communities: z
      .array(z.object({ key: hex(32), conversationKey: hex(64) }).strict())
      .max(MAX_LINKED_COMMUNITIES),
    plan: planContent.nullable(),
    // Where the phrase could not be recorded when the backup was made, so a restore can say so.
    // Absent from backups made before it was kept.
    notRecorded: notShared.optional()
  })
  .strict()
export type Backup = z.infer<typeof backupFile>

export function sealBackup(backup: Backup, key: Buffer): string {
  // Checked as a restore will check it: a backup that could never be opened must not be handed out.
  if (!backupFile.safeParse(backup).success)
    throw new MutualError('internal', 'this device holds more than one backup file can carry')
  return seal(Buffer.from(JSON.stringify(backup), 'utf8'), key).toString('base64')
}

const NOT_OURS = 'this backup file was not made with this recovery phrase, or it is damaged'

export function openBackup(text: string, key: Buffer): Backup {
  const plain = open(Buffer.from(text.trim(), 'base64'), key)
  if (!plain) throw new MutualError('bad-request', NOT_OURS)
  let json: unknown
  try {
    json = JSON.parse(plain.toString('utf8'))
  } catch {
    throw new MutualError('bad-request', NOT_OURS)
  }
  const parsed = backupFile.safeParse(json)
  if (!parsed.success) throw new MutualError('bad-request', NOT_OURS)
  return parsed.data
}
