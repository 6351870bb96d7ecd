// The live connections of this gateway, by user: one user may hold several (devices), and every one of them gets
// every frame addressed to the user.
import { revocationIds, userRevocationId } from '../../src/auth/revocation.js'
import { randomUUID } from 'node:crypto'
import WebSocket from 'ws'

/**
 * A socket whose unsent backlog passes this is a client that stopped reading: it is dropped (it resyncs by seq
 * after reconnecting) instead of letting one slow reader grow the gateway's memory without bound.
 */
export const MAX_BUFFERED_BYTES = 8 * 1024 * 1024

/** The part of the upgraded TCP socket that batches writes: corked, several frames leave in one writev. */
export interface Corkable {
  cork(): void
  uncork(): void
}

export class Connection {
  readonly id = randomUUID()
  /** pings sent since the last sign of life; the heartbeat drops the connection at two */
  missedPongs = 0
  /** the id of the token the connection was opened with: closed when that token is revoked */
  jti?: string

  constructor(
    readonly userId: string,
    readonly ws: WebSocket,
    /** the socket under `ws`; without it every frame is its own write */
    private readonly socket?: Corkable,
  ) {}

  /** Writes one text frame (a Buffer is written as-is: the same bytes for every recipient). */
  send(data: string | Buffer): void {
    if (this.ws.readyState !== WebSocket.OPEN) return
    if (this.ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.ws.terminate()
      return
    }
    this.ws.send(data, { binary: false })
  }

  /**
   * Writes several text frames, in order, in one system call: under load a gateway's batch often holds more than
   * one message for the same socket, and a write per frame costs more than the frame (one syscall and TCP segment).
   */
  sendAll(frames: readonly Buffer[]): void {
    if (frames.length === 1 || !this.socket) {
      for (const f of frames) this.send(f)
      return
    }
    this.socket.cork()
    try {
      for (const f of frames) this.send(f)
    } finally {
      this.socket.uncork()
    }
  }
}

export class ConnectionRegistry {
  private readonly byUser = new Map<string, Set<Connection>>()
  private count = 0

  add(conn: Connection): void {
    let set = this.byUser.get(conn.userId)
    if (!set) this.byUser.set(conn.userId, (set = new Set()))
    if (set.has(conn)) return
    set.add(conn)
    this.count++
  }

  remove(conn: Connection): void {
    const set = this.byUser.get(conn.userId)
    if (!set?.delete(conn)) return
    this.count--
    if (set.size === 0) this.byUser.delete(conn.userId)
  }

  of(userId: string): ReadonlySet<Connection> {
    return this.byUser.get(userId) ?? new Set()
  }

  *all(): Iterable<Connection> {
    for (const set of this.byUser.values()) yield* set
  }

  get size(): number {
    return this.count
  }

  get users(): number {
    return this.byUser.size
  }
}

/** Close code and reason of a connection whose token was revoked (logout). */
export const REVOKED_CLOSE = { code: 1008, reason: 'token revoked' } as const

/**
 * Closes the connections opened with a revoked token: `revoked` answers which of the token ids are (one cache
 * round trip for the lot). Returns how many were closed.
 */
export async function closeRevoked(
  conns: Iterable<Connection>,
  revoked: (jtis: string[]) => Promise<Set<string>>,
): Promise<number> {
  const withToken = [...conns].filter((c) => c.jti !== undefined)
  if (withToken.length === 0) return 0
  const gone = await revoked([...new Set(withToken.flatMap((c) => revocationIds({ jti: c.jti!, userId: c.userId })))])
  let closed = 0
  for (const c of withToken) {
    if (!gone.has(c.jti!) && !gone.has(userRevocationId(c.userId))) continue
    c.ws.close(REVOKED_CLOSE.code, REVOKED_CLOSE.reason)
    closed++
  }
  return closed
}

/**
 * Closes the connections opened with the revoked token `revocationId` (a token id, or user:<id> for every token of
 * the user) among `conns`, as a revocation announced on the bus asks; returns how many.
 */
export function closeWithToken(conns: Iterable<Connection>, revocationId: string): number {
  let closed = 0
  for (const c of [...conns]) {
    if (revocationId !== userRevocationId(c.userId) && (c.jti === undefined || c.jti !== revocationId)) continue
    c.ws.close(REVOKED_CLOSE.code, REVOKED_CLOSE.reason)
    closed++
  }
  return closed
}
