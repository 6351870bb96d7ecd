// auth_rate_per_ip over all gateways (issue 23: each gateway counted alone, so N gateways gave an address N times
// the budget). Each gateway keeps its token bucket (rate r, burst b) and also counts the request in the cache: a
// fixed window of W = b/r seconds per address, shared by every gateway, holding at most b + r·W = 2b requests.
// One gateway's bucket never lets more than that through in any W, so the shared window changes nothing for an
// address that uses one gateway; spread over several, the address gets 2b per W in all. One INCR per sign-in
// request (never on the connect or send path); a cache that does not answer leaves the local buckets in charge.
import type { Cache } from '../../src/ports/cache.js'
import type { Logger } from '../../src/observability/log.js'

/** resolves 0 when allowed, else the milliseconds until the address's window ends */
export type SharedLimit = (key: string, nowMs: number) => Promise<number>

export function sharedWindowLimit(
  cache: Cache,
  opts: { name: string; ratePerSecond: number; burst: number; log: Logger },
): SharedLimit {
  const windowMs = Math.max(1000, Math.ceil((opts.burst / opts.ratePerSecond) * 1000))
  const limit = opts.burst + Math.floor((opts.ratePerSecond * windowMs) / 1000)
  let warned = false
  return async (key, nowMs) => {
    const window = Math.floor(nowMs / windowMs)
    try {
      const n = await cache.incrWindow(`${opts.name}:${key}:${window}`, windowMs)
      warned = false
      return n > limit ? Math.max(1, (window + 1) * windowMs - nowMs) : 0
    } catch (err) {
      if (!warned)
        opts.log.warn(`shared ${opts.name} limit not checked (cache unavailable): local limits only`, { err })
      warned = true
      return 0
    }
  }
}
