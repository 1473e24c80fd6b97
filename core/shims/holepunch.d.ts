// Types for the untyped Holepunch modules, limited to what Mutual uses.
// Kept in one place so an upstream API change shows up as one diff.

declare module 'b4a' {
  const b4a: {
    from(input: string, encoding?: 'hex' | 'utf8' | 'base64'): Buffer
    toString(buf: Uint8Array, encoding?: 'hex' | 'utf8' | 'base64'): string
    equals(a: Uint8Array, b: Uint8Array): boolean
    isBuffer(value: unknown): value is Buffer
  }
  export default b4a
}

declare module 'z32' {
  const z32: { encode(buf: Uint8Array): string; decode(str: string): Buffer }
  export default z32
}

declare module 'hypercore-crypto' {
  const crypto: {
    randomBytes(n: number): Buffer
    discoveryKey(key: Uint8Array): Buffer
    keyPair(seed?: Uint8Array): { publicKey: Buffer; secretKey: Buffer }
    hash(data: Uint8Array | Uint8Array[]): Buffer
    sign(message: Uint8Array, secretKey: Uint8Array): Buffer
    verify(message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): boolean
  }
  export default crypto
}

declare module 'hypercore' {
  import type { EventEmitter } from 'node:events'
  interface HypercorePeer {
    remoteLength: number
    remoteContiguousLength: number
  }
  class Hypercore extends EventEmitter {
    /** A core's key from the public key that signs it (the hash of its manifest). */
    static key(signer: Buffer, opts?: { version?: number }): Buffer
    /** The protocol muxer of a replication stream, for extra channels beside replication. */
    static getProtocolMuxer(stream: unknown): import('protomux').default
    readonly key: Buffer
    readonly discoveryKey: Buffer
    readonly length: number
    readonly contiguousLength: number
    readonly signedLength: number
    readonly writable: boolean
    readonly peers: HypercorePeer[]
    /** Present on a writable core: the key pair it signs with. */
    readonly keyPair: { publicKey: Buffer; secretKey: Buffer | null } | null
    ready(): Promise<void>
    close(): Promise<void>
    readonly byteLength: number
    treeHash(length?: number): Promise<Buffer>
    /** A block, decoded as the core's session says (Autobase's local writer: an oplog message). */
    get(index: number, opts?: { wait?: boolean }): Promise<unknown>
    /** Fetches blocks in the background; with no range, everything, following new appends. */
    download(range?: { start?: number; end?: number; linear?: boolean }): {
      done(): Promise<void>
      destroy(): void
    }
    getUserData(key: string): Promise<Buffer | null>
    setUserData(key: string, value: Uint8Array | string | null): Promise<void>
    /** Whether this device holds blocks [start, end). */
    has(start: number, end?: number): Promise<boolean>
    /** Drops blocks [start, end) from this device; the core keeps its length. */
    clear(start: number, end?: number): Promise<unknown>
  }
  export default Hypercore
}

declare module 'hypercore-storage' {
  /** The RocksDB a Corestore keeps its cores in; `writeBufferSize` is each memtable's size in bytes. */
  class HypercoreStorage {
    constructor(dir: string, opts?: { writeBufferSize?: number })
    /** The store's seed: every key pair the Corestore makes derives from it. Null before the first open. */
    getSeed(): Promise<Buffer | null>
    /** Stores `seed` (unless one exists and `overwrite` is false) and returns the seed now kept. */
    setSeed(seed: Buffer, opts?: { overwrite?: boolean }): Promise<Buffer>
    /** Compacts the whole database: values overwritten or deleted are gone from its files after. */
    compact(): Promise<void>
    close(): Promise<void>
  }
  export default HypercoreStorage
}

declare module 'rache' {
  /** A size-bounded cache; Hyperbee keeps its decoded tree nodes in one made from the store's. */
  class Rache {
    constructor(opts?: { maxSize?: number })
    readonly maxSize: number
    readonly globalSize: number
  }
  export default Rache
}

declare module 'corestore' {
  import type { EventEmitter } from 'node:events'
  import type Hypercore from 'hypercore'
  import type HypercoreStorage from 'hypercore-storage'
  class Corestore extends EventEmitter {
    constructor(
      storage: string | HypercoreStorage,
      opts?: { primaryKey?: Uint8Array; globalCache?: import('rache').default }
    )
    ready(): Promise<void>
    close(): Promise<void>
    namespace(name: string): Corestore
    get(
      opts:
        | { name: string; valueEncoding?: string }
        | { key: Uint8Array; valueEncoding?: string; active?: boolean }
    ): Hypercore
    replicate(stream: unknown): unknown
    /** The seed every key pair of this store derives from; set once the store is ready. */
    readonly primaryKey: Buffer | null
    /** The cache every Hyperbee over this store's cores keeps its decoded nodes in, if one was given. */
    readonly globalCache: import('rache').default | null
    /** The RocksDB behind the store; `compact` with a FORCE (1) blob policy gives cleared space back. */
    readonly storage: {
      compact(opts?: {
        blobGarbageCollectionPolicy?: number
        blobGarbageCollectionAgeCutoff?: number
      }): Promise<void>
    }
    createKeyPair(name: string): Promise<{ publicKey: Buffer; secretKey: Buffer }>
    suspend(): Promise<void>
    resume(): Promise<void>
  }
  export default Corestore
}

declare module 'hyperbee' {
  import type Hypercore from 'hypercore'
  interface Entry<V> {
    seq: number
    key: string
    value: V
  }
  interface RangeOptions {
    gt?: string
    gte?: string
    lt?: string
    lte?: string
    reverse?: boolean
    limit?: number
  }
  interface BeeReader {
    get(key: string): Promise<Entry<unknown> | null>
    createReadStream(range?: RangeOptions): AsyncIterable<Entry<unknown>>
  }
  interface Batch extends BeeReader {
    put(key: string, value: unknown): Promise<void>
    del(key: string): Promise<void>
    flush(): Promise<void>
    close(): Promise<void>
  }
  /** `wait: false` answers from blocks held here, failing with BLOCK_NOT_AVAILABLE rather than fetching. */
  interface ReadOptions {
    wait?: boolean
  }
  class Hyperbee implements BeeReader {
    constructor(core: Hypercore, opts?: { keyEncoding?: string; valueEncoding?: string; extension?: boolean })
    readonly core: Hypercore
    readonly version: number
    ready(): Promise<void>
    close(): Promise<void>
    get(key: string, opts?: ReadOptions): Promise<Entry<unknown> | null>
    /** A read-only copy at this version, with caches of its own; close it when done. */
    snapshot(): Hyperbee
    put(key: string, value: unknown): Promise<void>
    createReadStream(range?: RangeOptions, opts?: ReadOptions): AsyncIterable<Entry<unknown>>
    batch(opts?: { update?: boolean }): Batch
    /** A read-only view of the bee as it was when its core had `version` blocks. */
    checkout(version: number): Hyperbee
  }
  namespace Hyperbee {
    export type { Entry, RangeOptions, Batch, BeeReader }
  }
  export default Hyperbee
}

declare module 'autobase' {
  import type { EventEmitter } from 'node:events'
  import type Hypercore from 'hypercore'
  import type Corestore from 'corestore'

  interface AutobaseNode {
    value: Buffer | null
    from: { key: Buffer }
    length: number
  }
  interface ApplyHost {
    readonly key: Buffer
    readonly discoveryKey: Buffer
    addWriter(key: Uint8Array, opts?: { indexer?: boolean }): Promise<void>
    removeWriter(key: Uint8Array): Promise<void>
    removeable(key: Uint8Array): boolean
    interrupt(reason?: unknown): void
  }
  interface ViewStore {
    get(name: string | { name: string; valueEncoding?: string }): Hypercore
  }
  interface AutobaseHandlers<V> {
    open: (store: ViewStore, host: ApplyHost) => V
    apply: (nodes: AutobaseNode[], view: V, host: ApplyHost) => Promise<void>
    close?: (view: V) => Promise<void>
    valueEncoding?: string
    ackInterval?: number
    encrypt?: boolean
    encryptionKey?: Uint8Array | null
    /** Keeps the stored encryption key wrapped (blind-encryption-sodium); a plain one is wrapped on open. */
    blindEncryption?: import('blind-encryption-sodium').default
    fastForward?: boolean
    bigBatches?: boolean
  }
  class Autobase<V> extends EventEmitter {
    constructor(store: Corestore, bootstrap: Uint8Array | null, handlers: AutobaseHandlers<V>)
    readonly key: Buffer
    readonly discoveryKey: Buffer
    readonly encryptionKey: Buffer | null
    readonly local: Hypercore
    readonly view: V
    readonly writable: boolean
    readonly isIndexer: boolean
    readonly length: number
    readonly signedLength: number
    /** The system core's state; null until opened. */
    readonly system: {
      readonly indexers: readonly { key: Buffer }[]
      /** Writers now: one more each time a writer is added. */
      readonly members: number
    } | null
    readonly closing: boolean
    readonly closed: boolean
    readonly opened: boolean
    ready(): Promise<void>
    close(): Promise<void>
    /** Resolves once this device may write again (it never rejects; a close leaves it pending). */
    waitForWritable(): Promise<boolean>
    append(value: Uint8Array | null | Uint8Array[]): Promise<void>
    update(): Promise<void>
    ack(bg?: boolean): Promise<void>
    replicate(stream: unknown): unknown
    static getLocalCore(store: Corestore): Hypercore
  }
  namespace Autobase {
    export type { AutobaseNode, ApplyHost, ViewStore, AutobaseHandlers }
  }
  export default Autobase
}

declare module 'hyperdht' {
  import type { EventEmitter } from 'node:events'
  interface BootstrapNode {
    host: string
    port: number
  }
  class HyperDHT extends EventEmitter {
    constructor(opts?: {
      bootstrap?: BootstrapNode[]
      host?: string
      port?: number
      ephemeral?: boolean
      firewalled?: boolean
    })
    ready(): Promise<void>
    destroy(opts?: { force?: boolean }): Promise<void>
    fullyBootstrapped(): Promise<void>
    address(): { host: string; port: number }
    readonly bootstrapped: boolean
    /** The routing table: it stays empty when no bootstrap node could be reached. */
    readonly table: { readonly size: number }
  }
  namespace HyperDHT {
    export type { BootstrapNode }
  }
  export default HyperDHT
}

declare module 'hyperdht/testnet.js' {
  import type HyperDHT from 'hyperdht'
  interface Testnet {
    nodes: HyperDHT[]
    bootstrap: { host: string; port: number }[]
    createNode(opts?: object): HyperDHT
    destroy(): Promise<void>
  }
  function createTestnet(
    size?: number,
    opts?: { host?: string; port?: number; teardown?: unknown }
  ): Promise<Testnet>
  namespace createTestnet {
    export type { Testnet }
  }
  export default createTestnet
}

declare module 'hyperswarm' {
  import type { EventEmitter } from 'node:events'
  import type { Duplex } from 'node:stream'
  import type HyperDHT from 'hyperdht'
  interface PeerDiscovery {
    flushed(): Promise<void>
    refresh(opts?: { client?: boolean; server?: boolean }): Promise<void>
    destroy(): Promise<void>
  }
  interface SwarmConnection extends Duplex {
    remotePublicKey: Buffer
    readonly isInitiator: boolean
    /** The Noise handshake hash: unique to this connection, the same on both ends. */
    readonly handshakeHash: Buffer | null
    /** Bytes received and sent after the stream header, keep-alives included. */
    readonly rawBytesRead: number
    readonly rawBytesWritten: number
    /** Protomux of this connection, once anyone has made one. */
    userData: unknown
    setKeepAlive(ms: number): void
  }
  class Hyperswarm extends EventEmitter {
    constructor(opts?: {
      dht?: HyperDHT
      keyPair?: { publicKey: Buffer; secretKey: Buffer }
      /** Return true to refuse a peer. */
      firewall?: (remotePublicKey: Buffer, payload: unknown) => boolean
    })
    readonly dht: HyperDHT
    readonly connections: Set<SwarmConnection>
    join(topic: Uint8Array, opts?: { server?: boolean; client?: boolean }): PeerDiscovery
    leave(topic: Uint8Array): Promise<void>
    /** Keeps a connection to this one peer, by its public key. */
    joinPeer(publicKey: Uint8Array): void
    leavePeer(publicKey: Uint8Array): void
    flush(): Promise<void>
    destroy(opts?: { force?: boolean }): Promise<void>
    suspend(): Promise<void>
    resume(): Promise<void>
    on(event: 'connection', listener: (conn: SwarmConnection) => void): this
    on(event: 'update', listener: () => void): this
  }
  namespace Hyperswarm {
    export type { SwarmConnection, PeerDiscovery }
  }
  export default Hyperswarm
}

declare module 'blind-pairing' {
  import type Hyperswarm from 'hyperswarm'
  interface MemberRequest {
    inviteId: Buffer
    userData: Buffer | null
    /** Set once opened: the request's session id, the same each time one candidate asks again. */
    id: Buffer | null
    open(publicKey: Uint8Array): Buffer
    confirm(opts: {
      key: Uint8Array
      encryptionKey?: Uint8Array | null
      additional?: InviteAdditional | null
    }): void
    deny(opts?: { status?: number }): void
  }
  interface PairingResult {
    key: Buffer
    encryptionKey: Buffer | null
    data: Buffer | null
  }
  interface PairingMember {
    ready(): Promise<void>
    flushed(): Promise<void>
    close(): Promise<void>
  }
  interface PairingCandidate {
    pairing: Promise<PairingResult | null>
    paired: PairingResult | null
    /** The connections this candidate has sent its request on; each is asked once (blind-pairing 2.3). */
    readonly visited: Set<unknown>
    /** Sends the request on every connection not yet in `visited`, one after another (debounced). */
    broadcast(): Promise<void>
    close(): Promise<void>
    on(event: 'announce', listener: () => void): this
    /**
     * Emits 'rejected' for a refusal (code PAIRING_REJECTED, INVITE_USED or INVITE_EXPIRED) and for a
     * reply it could not open (no code).
     */
    request: { on(event: 'rejected', listener: (err: Error & { code?: string }) => void): unknown }
  }
  interface InviteAdditional {
    data: Buffer
    signature: Buffer
  }
  interface CreatedInvite {
    id: Buffer
    invite: Buffer
    publicKey: Buffer
    discoveryKey: Buffer
    expires: number
    /** `data` signed with the invite's key: sent in a confirmation, checked by the candidate. */
    additional: InviteAdditional | null
  }
  interface DecodedInvite {
    id: Buffer
    seed: Buffer
    discoveryKey: Buffer
    expires: number
  }
  class BlindPairing {
    constructor(swarm: Hyperswarm, opts?: { poll?: number })
    static createInvite(key: Uint8Array, opts?: { expires?: number; data?: Buffer }): CreatedInvite
    static decodeInvite(invite: Uint8Array): DecodedInvite
    addMember(opts: {
      discoveryKey: Uint8Array
      onadd: (request: MemberRequest) => Promise<void>
    }): PairingMember
    addCandidate(opts: {
      invite: Uint8Array
      userData: Uint8Array
      onadd: (result: PairingResult) => Promise<void>
    }): PairingCandidate
    suspend(): Promise<void>
    resume(): void
    refresh(): Promise<void>
    close(): Promise<void>
  }
  namespace BlindPairing {
    export type { MemberRequest, PairingResult, PairingCandidate, PairingMember }
  }
  export default BlindPairing
}

declare module 'sodium-universal' {
  const sodium: {
    crypto_sign_ed25519_pk_to_curve25519(out: Buffer, edPk: Buffer): void
    crypto_sign_ed25519_sk_to_curve25519(out: Buffer, edSk: Buffer): void
    crypto_scalarmult(out: Buffer, secretKey: Buffer, publicKey: Buffer): void
    crypto_generichash(out: Buffer, input: Buffer, key?: Buffer): void
    crypto_secretbox_easy(out: Buffer, message: Buffer, nonce: Buffer, key: Buffer): void
    crypto_secretbox_open_easy(out: Buffer, box: Buffer, nonce: Buffer, key: Buffer): boolean
    randombytes_buf(out: Buffer): void
    sodium_memzero(buf: Buffer): void
    crypto_scalarmult_BYTES: number
    crypto_secretbox_MACBYTES: number
    crypto_secretbox_NONCEBYTES: number
    crypto_secretbox_KEYBYTES: number
    crypto_pwhash_async(
      out: Buffer,
      passwd: Buffer,
      salt: Buffer,
      opslimit: number,
      memlimit: number,
      alg: number,
      callback: (err: Error | null) => void
    ): void
    crypto_pwhash_SALTBYTES: number
    crypto_pwhash_OPSLIMIT_MIN: number
    crypto_pwhash_MEMLIMIT_MIN: number
    crypto_pwhash_OPSLIMIT_MODERATE: number
    crypto_pwhash_MEMLIMIT_MODERATE: number
    crypto_pwhash_ALG_ARGON2ID13: number
  }
  export default sodium
}

declare module 'blind-encryption-sodium' {
  /** Autobase's blindEncryption hook: wraps the stored encryption key with `entropy` (secretbox). */
  class BlindEncryptionSodium {
    /** With `oldEntropy`, what was wrapped under it is rewrapped under `entropy` when next read. */
    constructor(entropy: Buffer, oldEntropy?: Buffer)
  }
  export default BlindEncryptionSodium
}

declare module 'protomux' {
  import type { Duplex } from 'node:stream'
  interface Encoding<T> {
    preencode(state: unknown, value: T): void
    encode(state: unknown, value: T): void
    decode(state: unknown): T
  }
  interface Message<T> {
    send(value: T): boolean
  }
  interface Channel {
    readonly closed: boolean
    readonly opened: boolean
    open(handshake?: unknown): void
    close(): void
    addMessage<T>(opts: { encoding: Encoding<T>; onmessage: (value: T) => void }): Message<T>
  }
  class Protomux {
    static from(stream: Duplex): Protomux
    /** Calls `notify` when the remote opens this protocol and no local channel is waiting. */
    pair(opts: { protocol: string; id?: Buffer | null }, notify: (id: Buffer | null) => void): void
    createChannel(opts: {
      protocol: string
      id?: Buffer | null
      unique?: boolean
      onopen?: () => void
      onclose?: () => void
    }): Channel | null
  }
  namespace Protomux {
    export type { Channel, Message, Encoding }
  }
  export default Protomux
}

declare module 'compact-encoding' {
  import type Protomux from 'protomux'
  const c: {
    json: Protomux.Encoding<unknown>
    /** Length-prefixed bytes; an empty one decodes as null. */
    buffer: Protomux.Encoding<Buffer | null>
    encode<T>(encoding: Protomux.Encoding<T>, value: T): Buffer
  }
  export default c
}

declare module 'blind-pairing-core' {
  import type { EventEmitter } from 'node:events'
  import type BlindPairing from 'blind-pairing'
  /** What a candidate sends; tests build these by hand, as an attacker would. */
  class CandidateRequest extends EventEmitter {
    constructor(invite: Uint8Array, userData: Uint8Array)
    encode(): Buffer
    /** The pairing result, or null (and a 'rejected' event) when refused. */
    handleResponse(payload: Buffer): BlindPairing.PairingResult | null
  }
  const MemberRequest: {
    from(encoded: Buffer): BlindPairing.MemberRequest & { response: Buffer | null }
  }
  export { CandidateRequest, MemberRequest }
}
