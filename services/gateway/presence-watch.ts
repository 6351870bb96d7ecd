// Notices presence loss: Redis flushed, restarted empty, or out of reach for a while. Presence lives only in
// Redis, so while it is gone task sees this gateway's users as offline and their live deliveries are skipped.
// Every second the gateway reads `presence:epoch` (a random value made by the first gateway that finds it
// missing). A different epoch than the one last seen, or a check that failed since, means presence was lost:
// the gateway re-registers all its connections at once and sends every one of them a `resync` event
// (docs/protocol.md), since messages routed meanwhile may never have reached them live.
import { randomUUID } from 'node:crypto'
import type { Cache } from '../../src/ports/cache.js'
import type { Logger } from '../../src/observability/log.js'

export { RESYNC_FRAME } from '../../src/contracts/resync.js'
export const EPOCH_KEY = 'presence:epoch'
// longer than any outage worth telling apart; renewed by every check
const EPOCH_TTL_MS = 24 * 3_600_000

export function watchPresence(opts: {
  cache: Cache
  intervalMs: number
  log: Logger
  reregister: () => Promise<number>
  resync: () => number
}): { stop(): void } {
  let seen: string | undefined
  let failing: string | undefined
  let busy = false
  const check = async () => {
    let epoch = await opts.cache.get(EPOCH_KEY)
    if (epoch === null) {
      await opts.cache.setIfAbsent(EPOCH_KEY, randomUUID(), EPOCH_TTL_MS)
      epoch = await opts.cache.get(EPOCH_KEY)
    }
    const lost =
      failing !== undefined
        ? `presence unreachable (${failing})`
        : seen !== undefined && epoch !== seen
          ? 'presence epoch changed (Redis flushed or restarted empty)'
          : undefined
    if (lost) {
      const t0 = Date.now()
      const registered = await opts.reregister()
      const told = opts.resync()
      opts.log.info('presence re-registered after loss; connections told to resync', {
        cause: lost,
        connections: registered,
        resynced: told,
        ms: Date.now() - t0,
      })
    }
    seen = epoch ?? undefined
    failing = undefined
  }
  const timer = setInterval(() => {
    if (busy) return
    busy = true
    check()
      .catch((err: Error) => {
        if (failing === undefined)
          opts.log.warn('presence check failed: live delivery to this gateway may stop until the cache is back', {
            err: err.message,
          })
        failing = err.message
      })
      .finally(() => {
        busy = false
      })
  }, opts.intervalMs)
  timer.unref()
  return { stop: () => clearInterval(timer) }
}
