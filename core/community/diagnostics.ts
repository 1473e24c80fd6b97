// What a community's connections look like from this device, for checking
// the mesh from outside (bench/scenarios/mesh.ts). Both ends of a connection
// share its Noise handshake hash, so reports from several devices show a
// connection that is open on one side only.
import type Hyperswarm from 'hyperswarm'
import type { ConnectionInfo, ConnectionsReport } from '../domain/types.js'

interface Connected {
  me: string
  connections: Iterable<Hyperswarm.SwarmConnection>
  swarmKeyPair(): Promise<{ publicKey: Buffer }>
  memberOn(conn: Hyperswarm.SwarmConnection): string | null
}

export async function connectionsReport(community: Connected): Promise<ConnectionsReport> {
  const { publicKey } = await community.swarmKeyPair()
  const connections: ConnectionInfo[] = []
  for (const conn of community.connections) {
    if (conn.destroyed) continue
    connections.push({
      remote: conn.remotePublicKey.toString('hex'),
      session: conn.handshakeHash?.subarray(0, 8).toString('hex') ?? '',
      initiator: conn.isInitiator,
      member: community.memberOn(conn),
      bytesRead: conn.rawBytesRead,
      bytesWritten: conn.rawBytesWritten
    })
  }
  return { self: publicKey.toString('hex'), me: community.me, connections }
}
