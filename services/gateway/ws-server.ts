// The WebSocket endpoint, GET /v1/ws: the token (?token= or Authorization: Bearer) is verified before the
// upgrade, so a bad or missing one is refused with a plain HTTP 401 and no socket is ever opened for it.
import { STATUS_CODES, type IncomingMessage, type Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import { AppError } from '../../src/core/errors.js'
import type { Logger } from '../../src/observability/log.js'
import { connectionsRefused } from './metrics.js'
import { requestTarget } from './request-target.js'
import { bearer, type TokenVerifier } from './token-cache.js'

export const WS_PATH = '/v1/ws'

/**
 * ws cuts a connection (close 1009) as soon as a frame exceeds maxPayload. It is set this far above
 * max_frame_bytes so that moderately oversized frames reach the session, which answers too_large and keeps the
 * connection; only frames far beyond any sane size cost the client its connection.
 */
export const PAYLOAD_HEADROOM = 64 * 1024

export interface WsDeps {
  verifier: TokenVerifier
  maxFrameBytes: number
  /** socket: the upgraded TCP socket under ws, for batched writes; token: what the connection was opened with */
  onConnection(ws: WebSocket, userId: string, socket: Duplex, token: string): void
  log: Logger
  /** the user's open connections on this gateway, and how many they may hold (ws_max_connections_per_user) */
  connectionsOf?: (userId: string) => number
  maxConnectionsPerUser?: number
  /** ws_upgrade_timeout_ms: an upgrade not answered by then (its token check hangs) is closed */
  upgradeTimeoutMs?: number
  /** ws_max_upgrades_per_ip: upgrades one address may have in progress; the key of an address (undefined: exempt) */
  maxUpgradesPerAddress?: number
  addressKey?: (address: string | undefined) => string | undefined
}

/** Retry-After of a refused connection over the per-user cap: by then one of the others may have closed */
const CAP_RETRY_AFTER_S = 5

function refuse(socket: Duplex, status: number, code: string, message: string, retryAfterS?: number): void {
  if (!socket.writable) return void socket.destroy()
  const body = JSON.stringify({ error: { code, message } })
  socket.once('finish', () => socket.destroy())
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      (retryAfterS ? `Retry-After: ${retryAfterS}\r\n` : '') +
      `Content-Length: ${Buffer.byteLength(body)}\r\nX-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\n` +
      `Connection: close\r\n\r\n${body}`,
  )
}

export function attachWebSockets(server: Server, deps: WsDeps): { stopAccepting(): void } {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: deps.maxFrameBytes + PAYLOAD_HEADROOM,
    perMessageDeflate: false,
    clientTracking: false,
  })
  let accepting = true
  /** upgrades in progress by address key */
  const pending = new Map<string, number>()

  /** counts the upgrade of `req` as in progress until `done` is called; false when its address has too many */
  const begin = (req: IncomingMessage, socket: Duplex): (() => void) | false => {
    const key = deps.addressKey?.(req.socket.remoteAddress)
    const max = deps.maxUpgradesPerAddress
    if (key !== undefined && max) {
      const n = pending.get(key) ?? 0
      if (n >= max) return false
      pending.set(key, n + 1)
    }
    const timer = deps.upgradeTimeoutMs
      ? setTimeout(() => {
          connectionsRefused.inc({ reason: 'upgrade_timeout' })
          refuse(socket, 503, 'unavailable', 'the WebSocket upgrade timed out; try again')
        }, deps.upgradeTimeoutMs)
      : undefined
    let finished = false
    return () => {
      if (finished) return
      finished = true
      clearTimeout(timer)
      if (key === undefined || !max) return
      const n = (pending.get(key) ?? 1) - 1
      if (n > 0) pending.set(key, n)
      else pending.delete(key)
    }
  }

  const upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = requestTarget(req.url)
    if (!url) return refuse(socket, 400, 'bad_request', 'malformed request target')
    if (url.pathname !== WS_PATH) return refuse(socket, 404, 'not_found', `no WebSocket endpoint at ${url.pathname}`)
    if (!accepting) return refuse(socket, 503, 'unavailable', 'the gateway is shutting down')
    const token = url.searchParams.get('token') || bearer(req.headers.authorization)
    if (!token) return refuse(socket, 401, 'unauthorized', 'missing token (?token= or Authorization: Bearer)')
    const done = begin(req, socket)
    if (!done) {
      connectionsRefused.inc({ reason: 'upgrades_per_address' })
      return refuse(socket, 429, 'rate_limited', 'too many WebSocket upgrades in progress from this address', 1)
    }
    // a socket the timeout closed is not upgraded when the check comes back late
    socket.once('close', done)
    deps.verifier
      .verify(token)
      .finally(done)
      .then(
        (userId) => {
          if (socket.destroyed || !socket.writable) return
          if (!accepting) return refuse(socket, 503, 'unavailable', 'the gateway is shutting down')
          const max = deps.maxConnectionsPerUser
          // handleUpgrade registers the connection synchronously (onConnection), so the count below is never stale
          if (max && deps.connectionsOf && deps.connectionsOf(userId) >= max) {
            return refuse(socket, 429, 'rate_limited', `at most ${max} connections per user`, CAP_RETRY_AFTER_S)
          }
          wss.handleUpgrade(req, socket, head, (ws) => deps.onConnection(ws, userId, socket, token))
        },
        (err: unknown) => {
          if (err instanceof AppError) return refuse(socket, err.httpStatus, err.code, err.message)
          deps.log.error('token verification failed', { err })
          refuse(socket, 500, 'internal', 'internal error')
        },
      )
      .catch((err: unknown) => {
        // a throw while upgrading (or refusing) ends this socket, not the process
        deps.log.error('WebSocket upgrade failed', { err })
        socket.destroy()
      })
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // a client that vanishes mid-handshake must not take the process down with an unhandled 'error'
    socket.on('error', () => socket.destroy())
    try {
      upgrade(req, socket, head)
    } catch (err) {
      deps.log.error('WebSocket upgrade failed', { err })
      socket.destroy()
    }
  })

  return { stopAccepting: () => void (accepting = false) }
}
