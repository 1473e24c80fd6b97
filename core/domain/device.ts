// A member proves which network key is theirs in a community by signing
// this message with it. Private conversations derive their keys from these
// proven device keys, so nobody can pass off someone else's device as theirs.
export function deviceClaimMessage(communityKey: Uint8Array, writerKey: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from('mutual/device/v1'), communityKey, writerKey])
}
