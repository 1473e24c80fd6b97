// How big each scenario is. The full sizes are the ones the targets are set
// for; --quick shrinks them so a run takes under two minutes.

export interface Sizes {
  localPosts: number
  propagationPosts: number
  feedTopicPosts: number
  feedSamples: number
  threadReplies: number
  joinPosts: number
  joinWriters: number
  scalePosts: number
  offlineMembers: number
  offlinePostsEach: number
  sustainedSeconds: number
  profileCommunities: number
  profilePosts: number
  /** Coming back: how many stop, miss, restart rounds, and how many posts are missed each time. */
  comebackRounds: number
  comebackPosts: number
  /** Mesh: members of the grown community (one daemon each), and newcomers timed into each community. */
  meshMembers: number
  meshJoins: number
}

export const FULL: Sizes = {
  localPosts: 300,
  propagationPosts: 200,
  feedTopicPosts: 100_000,
  feedSamples: 100,
  threadReplies: 1000,
  joinPosts: 10_000,
  joinWriters: 5,
  scalePosts: 100_000,
  offlineMembers: 5,
  offlinePostsEach: 1000,
  sustainedSeconds: 10,
  profileCommunities: 5,
  profilePosts: 100_000,
  comebackRounds: 20,
  comebackPosts: 100,
  meshMembers: 12,
  meshJoins: 20
}

export const QUICK: Sizes = {
  localPosts: 100,
  propagationPosts: 50,
  feedTopicPosts: 10_000,
  feedSamples: 30,
  threadReplies: 1000,
  joinPosts: 2000,
  joinWriters: 5,
  scalePosts: 10_000,
  offlineMembers: 5,
  offlinePostsEach: 200,
  sustainedSeconds: 3,
  profileCommunities: 5,
  profilePosts: 10_000,
  comebackRounds: 10,
  comebackPosts: 100,
  meshMembers: 12,
  meshJoins: 20
}
