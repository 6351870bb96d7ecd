// The people search's own limit (GET /v1/users?q=): people_search_per_user searches per user and
// people_search_per_ip per client address in each people_search_window_seconds, counted in the cache port, so
// every gateway draws on one budget (as logic's login throttle does), and a fresh guest account brings no fresh
// budget for its address. A window starts with its first search (incrWindow); its start is kept beside the count
// so that a refusal's Retry-After says when the window ends.
import { AppError } from '../../src/core/errors.js'
import type { Cache } from '../../src/ports/cache.js'

/** rate_limited with the seconds left of the window; unavailable when the cache does not answer (never unlimited) */
export type SearchLimit = (userId: string, client: string) => Promise<void>

export function createSearchLimit(o: {
  cache: Cache
  perUser: number
  perIp: number
  windowSeconds: number
  nowMs?: () => number
}): SearchLimit {
  const windowMs = o.windowSeconds * 1000
  const now = o.nowMs ?? Date.now
  const unavailable = (): never => {
    throw new AppError('unavailable', 'search is unavailable for a moment; try again shortly', 1)
  }
  /** the count of this window after this search, and when the window ends */
  async function count(key: string): Promise<{ n: number; endsAt: () => Promise<number> }> {
    const at = now()
    const n = await o.cache.incrWindow(`people-search:${key}`, windowMs).catch(unavailable)
    if (n === 1) await o.cache.set(`people-search:${key}:start`, String(at), windowMs).catch(unavailable)
    return {
      n,
      endsAt: async () => Number((await o.cache.get(`people-search:${key}:start`).catch(unavailable)) ?? at) + windowMs,
    }
  }
  const refuse = async (c: { endsAt: () => Promise<number> }, message: string): Promise<never> => {
    throw new AppError('rate_limited', message, Math.max(1, Math.ceil(((await c.endsAt()) - now()) / 1000)))
  }
  return async (userId, client) => {
    const [byUser, byIp] = await Promise.all([count(`u:${userId}`), client ? count(`ip:${client}`) : undefined])
    if (byUser.n > o.perUser) await refuse(byUser, 'too many people searches; retry later')
    if (byIp && byIp.n > o.perIp) await refuse(byIp, 'too many people searches from this address; retry later')
  }
}
