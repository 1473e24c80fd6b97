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
  /** A member let in who writes nothing for this long lapses, and the invite use comes back. */
  admissionLapseMs: 24 * 60 * 60 * 1000,
  /** Indexers order the log; a few keep it live without one member's absence stalling it. */
  targetIndexers: 3,
  availabilityNote: 120,
  conversationLimit: 20,
  reachContext: 280,
  /** A private message's sealed bytes, base64; room for a full support plan. */
  sealed: 24_000,
  /** One op's encoded size, from op version 3: above any honest op (a 20,000-character post is under 61 KB). */
  opBytes: 65_536,
  privateText: 4_000,
  planField: 2_000,
  mood: 24,
  resourceName: 80,
  resourceContact: 200,
  maxIndexers: 5,
  deviceName: 40,
  /** Writers one member may hold at once, the first included: each is a writer every peer tracks. */
  devicesPerMember: 5
} as const
