// The searches' own limits, counted in the cache port so every gateway draws on one budget (as logic's login
// throttle does). People search (GET /v1/users?q=): people_search_per_user searches per user and
// people_search_per_ip per client address in each people_search_window_seconds, so a fresh guest account brings no
// fresh budget for its address. History search (GET /v1/search): message_search_per_user per user in each
// message_search_window_seconds. A window starts with its first search (incrWindow); its start is kept beside the
// count so that a refusal's Retry-After says when the window ends.
import { AppError } from '../../src/core/errors.js'
import type { Cache } from '../../src/ports/cache.js'

export const PEOPLE_SEARCH = { key: 'people-search', what: 'people searches' }
export const MESSAGE_SEARCH = { key: 'message-search', what: 'history searches' }

/** rate_limited with the seconds left of the window; unavailable when the cache does not answer (never unlimited) */
export type SearchLimit = (userId: string, client: string) => Promise<void>

export function createSearchLimit(o: {
  cache: Cache
  perUser: number
  /** none: not counted per address */
  perIp?: number
  windowSeconds: number
  /** what is limited: the cache keys' prefix and the refusal's words (default: the people search) */
  kind?: { key: string; what: string }
  nowMs?: () => number
}): SearchLimit {
  const { key: prefix, what } = o.kind ?? PEOPLE_SEARCH
  const windowMs = o.windowSeconds * 1000
  const now = o.nowMs ?? Date.now
  const unavailable = (): never => {
    throw new AppError('unavailable', 'search is unavailable for a moment; try again shortly', 1)
  }
  /** the count of this window after this search, and when the window ends */
  async function count(key: string): Promise<{ n: number; endsAt: () => Promise<number> }> {
    const at = now()
    const n = await o.cache.incrWindow(`${prefix}:${key}`, windowMs).catch(unavailable)
    if (n === 1) await o.cache.set(`${prefix}:${key}:start`, String(at), windowMs).catch(unavailable)
    return {
      n,
      endsAt: async () => Number((await o.cache.get(`${prefix}:${key}:start`).catch(unavailable)) ?? at) + windowMs,
    }
  }
  const refuse = async (c: { endsAt: () => Promise<number> }, message: string): Promise<never> => {
    throw new AppError('rate_limited', message, Math.max(1, Math.ceil(((await c.endsAt()) - now()) / 1000)))
  }
  return async (userId, client) => {
    const perIp = o.perIp
    const [byUser, byIp] = await Promise.all([
      count(`u:${userId}`),
      client && perIp !== undefined ? count(`ip:${client}`) : undefined,
    ])
    if (byUser.n > o.perUser) await refuse(byUser, `too many ${what}; retry later`)
    if (byIp && byIp.n > perIp!) await refuse(byIp, `too many ${what} from this address; retry later`)
  }
}
