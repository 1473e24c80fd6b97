// A member proves which network key is theirs in a community by signing
// this message with it. Peers then know whose connections to refuse if the
// community removes that member, and nobody can pin their own removal on
// someone else's device.
export function deviceClaimMessage(communityKey: Uint8Array, writerKey: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from('mutual/device/v1'), communityKey, writerKey])
}
