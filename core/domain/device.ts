// A member proves which network key is theirs in a community by signing
// this message with it. Private conversations derive their keys from these
// proven device keys, so nobody can pass off someone else's device as theirs.
export function deviceClaimMessage(communityKey: Uint8Array, writerKey: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from('mutual/device/v1'), communityKey, writerKey])
}

const LINK_CONTEXT = Buffer.from('mutual/device-link/v1')

/**
 * What a new device signs with its writer to be linked to a member: bound to
 * the community and to that member, so a proof made for one member or
 * community cannot link the writer anywhere else.
 */
export function linkSignable(
  communityDiscoveryKey: Uint8Array,
  member: Uint8Array,
  writerKey: Uint8Array
): Buffer {
  return Buffer.concat([LINK_CONTEXT, communityDiscoveryKey, member, writerKey])
}
