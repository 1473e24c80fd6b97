// Caps shared by RPC validation and by apply. Apply enforces them again
// because any member could append ops without going through our RPC.
export const LIMITS = {
  postText: 20_000,
  note: 200,
  displayName: 60,
  communityName: 80,
  topicName: 40,
  pageDefault: 20,
  pageMax: 200,
  agreementsText: 10_000,
  reason: 1_000,
  flagReason: 500,
  inviteMaxUses: 100,
  inviteDefaultUses: 1,
  inviteDefaultLifetimeMs: 7 * 24 * 60 * 60 * 1000,
  inviteMaxLifetimeMs: 90 * 24 * 60 * 60 * 1000,
  /** Indexers order the log; a few keep it live without one member's absence stalling it. */
  targetIndexers: 3,
  maxIndexers: 5
} as const
