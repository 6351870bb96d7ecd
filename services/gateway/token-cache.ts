// Bearer tokens are verified by logic (which holds the secret); the gateway remembers a verified token briefly so
// that a busy client costs one VerifyToken call per TTL rather than one per request. Never past the token's own
// expiry, read from its (unverified) claims — the entry only exists because logic verified the token.
//
// Logout revokes a token in the cache port (src/auth/revocation.ts). A remembered token is rechecked there at
// most once per REVOCATION_CHECK_MS while it is used — one cache GET a second per busy token instead of a
// VerifyToken call per request — so a token logged out at any gateway stops working at every gateway within a
// second. The gateway that served the logout forgets the token at once.
import { decodeJwt } from 'jose'
import { revokedAmong } from '../../src/auth/revocation.js'
import { AppError } from '../../src/core/errors.js'
import type { Cache } from '../../src/ports/cache.js'
import type { LogicApi } from '../../src/rpc/api.js'

export const TOKEN_CACHE_MS = 30_000
export const REVOCATION_CHECK_MS = 1000
const MAX_ENTRIES = 50_000

export interface TokenVerifier {
  /** the user id; rejects with logic's invalid_token */
  verify(token: string): Promise<string>
}

export interface CachedVerifier extends TokenVerifier {
  /** drops a token at once (after its logout here) */
  forget(token: string): void
}

interface Entry {
  userId: string
  jti: string | undefined
  until: number
  /** next revocation check */
  checkAt: number
}

/** The token's subject, id and expiry (epoch ms) from its claims, not verified: for tokens logic has verified. */
export function tokenClaims(token: string): { sub?: string; jti?: string; expMs: number } {
  try {
    const { sub, jti, exp } = decodeJwt(token)
    return {
      ...(typeof sub === 'string' ? { sub } : {}),
      ...(typeof jti === 'string' ? { jti } : {}),
      expMs: typeof exp === 'number' ? exp * 1000 : Infinity,
    }
  } catch {
    return { expMs: Infinity }
  }
}

export function cachedVerifier(
  logic: Pick<LogicApi, 'VerifyToken'>,
  opts: { cache: Cache; nowMs?: () => number },
): CachedVerifier {
  const nowMs = opts.nowMs ?? Date.now
  const entries = new Map<string, Entry>()
  const revoked = () => new AppError('invalid_token', 'the token was revoked (logged out)')
  return {
    async verify(token) {
      const hit = entries.get(token)
      if (hit && hit.until > nowMs()) {
        if (hit.checkAt > nowMs() || !hit.jti) return hit.userId
        if ((await revokedAmong(opts.cache, [hit.jti])).size > 0) {
          entries.delete(token)
          throw revoked()
        }
        hit.checkAt = nowMs() + REVOCATION_CHECK_MS
        return hit.userId
      }
      if (hit) entries.delete(token)
      const { user_id } = await logic.VerifyToken({ token })
      const { jti, expMs } = tokenClaims(token)
      // Map keeps insertion order: dropping the first key evicts the oldest entry
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!)
      entries.set(token, {
        userId: user_id,
        jti,
        until: Math.min(nowMs() + TOKEN_CACHE_MS, expMs),
        checkAt: nowMs() + REVOCATION_CHECK_MS,
      })
      return user_id
    },
    forget: (token) => void entries.delete(token),
  }
}

/** The token of `Authorization: Bearer <token>`, if any. */
export function bearer(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')
  return m?.[1]
}
