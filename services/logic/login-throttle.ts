// Failed-login throttle per username, in the cache port so that every logic instance sees the same count:
// login_max_failures failures within login_lockout_seconds lock the username (by its normalized form, the one
// login finds the account by: "Alice" and "alice" are one name) until the lock ends; logins are then refused with rate_limited before any password work.
// Unknown usernames are counted alike, so a lock says nothing about whether an account exists.
import { AppError } from '../../src/core/errors.js'
import type { Cache } from '../../src/ports/cache.js'
import { normalizeUsername } from '../../src/contracts/names.js'

export interface LoginThrottle {
  /** rate_limited (with the seconds left) while the username is locked */
  check(username: string): Promise<void>
  failed(username: string): Promise<void>
  succeeded(username: string): Promise<void>
}

/** the cache unreachable: logins wait for it rather than go unthrottled */
const unavailable = (err: unknown): never => {
  if (err instanceof AppError) throw err
  throw new AppError('unavailable', 'login is unavailable for a moment; try again shortly', 1)
}

export function createLoginThrottle(o: {
  cache: Cache
  maxFailures: number
  lockoutSeconds: number
  nowMs?: () => number
}): LoginThrottle {
  const now = o.nowMs ?? Date.now
  const windowMs = o.lockoutSeconds * 1000
  const failKey = (u: string) => `login-fail:${normalizeUsername(u)}`
  const lockKey = (u: string) => `login-lock:${normalizeUsername(u)}`
  return {
    async check(username) {
      const until = Number((await o.cache.get(lockKey(username)).catch(unavailable)) ?? 0)
      const left = until - now()
      if (left > 0)
        throw new AppError(
          'rate_limited',
          'too many failed logins for this username; try again later',
          Math.ceil(left / 1000),
        )
    },
    async failed(username) {
      const failures = await o.cache.incrWindow(failKey(username), windowMs).catch(unavailable)
      if (failures < o.maxFailures) return
      // the lock holds its end time, so that refusals can say how long is left
      await o.cache.set(lockKey(username), String(now() + windowMs), windowMs).catch(unavailable)
      await o.cache.del(failKey(username)).catch(unavailable)
    },
    async succeeded(username) {
      await o.cache.del(failKey(username)).catch(unavailable)
    },
  }
}
