// Liveness: a WebSocket ping to every connection each interval; a connection that let two pings go unanswered
// (no pong, no frame) is dropped. Each tick also runs `onTick` (the presence refresh) once for the whole gateway.
import type { Logger } from '../../src/observability/log.js'
import type { ConnectionRegistry } from './connections.js'

export const MAX_MISSED_PONGS = 2

export function startHeartbeat(opts: {
  intervalMs: number
  registry: ConnectionRegistry
  onTick: () => Promise<void>
  log: Logger
}): { stop(): void } {
  let ticking = false
  const timer = setInterval(() => {
    for (const conn of opts.registry.all()) {
      if (conn.missedPongs >= MAX_MISSED_PONGS) {
        conn.ws.terminate()
        continue
      }
      conn.missedPongs++
      conn.ws.ping()
    }
    // a slow cache must not stack refreshes on top of each other
    if (ticking) return
    ticking = true
    opts
      .onTick()
      .catch((err: unknown) => opts.log.warn('heartbeat tick failed', { err }))
      .finally(() => (ticking = false))
  }, opts.intervalMs)
  timer.unref()
  return { stop: () => clearInterval(timer) }
}
