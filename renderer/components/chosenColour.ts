// Starting or joining a community takes a name; the colour chosen beside it
// is set just after, as a nicety: if it does not stick, you are still in, and
// can set it under Members.
import type { EngineConnection } from '../engine/connection.js'
import type { AppearanceValue } from './Appearance.js'

export async function keepChosenColour(
  engine: EngineConnection,
  communityId: string,
  me: AppearanceValue
): Promise<void> {
  if (!me.color) return
  await engine
    .call('profile.set', { communityId, displayName: me.name.trim(), color: me.color })
    .catch(() => undefined)
}
