// Bearer tokens are verified here with the shared jwt_secret and the code logic uses (src/auth/tokens.ts), plus a
// revocation lookup in the cache: the connects of one event-loop turn cost one cache MGET, not a logic round trip
// each (logic's CheckRevoked, which asks the store, only while the cache's copy is incomplete; see
// src/auth/revocation.ts). Without a secret (a
// gateway given none) logic's VerifyToken decides. A verified token is remembered briefly so that a busy client
// costs one verification per TTL rather than one per request, never past the token's own expiry.
//
// Logout revokes a token in the store and the cache (src/auth/revocation.ts). A remembered token is rechecked there at
// most once per REVOCATION_CHECK_MS while it is used — one cache GET a second per busy token instead of a
// VerifyToken call per request — so a token logged out at any gateway stops working at every gateway within a
// second. The gateway that served the logout forgets the token at once.
import { decodeJwt } from 'jose'
import { revocationCheck, type RevocationCheck, revocationIds } from '../../src/auth/revocation.js'
import { AppError } from '../../src/core/errors.js'
import { Batcher } from '../../src/core/batcher.js'
import type { Cache } from '../../src/ports/cache.js'
import type { LogicApi } from '../../src/rpc/api.js'
import type { Tokens } from '../../src/auth/tokens.js'

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
  /** which of these token ids are revoked (the heartbeat's check of open connections) */
  revoked: RevocationCheck
}

interface Entry {
  userId: string
  jti: string | undefined
  until: number
  /** next revocation check */
  checkAt: number
}

/** The token's subject, id and expiry (epoch ms) from its claims, not verified: for tokens already verified. */
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
  logic: Pick<LogicApi, 'VerifyToken' | 'CheckRevoked'>,
  opts: { cache: Cache; tokens?: Pick<Tokens, 'verify'>; nowMs?: () => number },
): CachedVerifier {
  const nowMs = opts.nowMs ?? Date.now
  const entries = new Map<string, Entry>()
  const revoked = () => new AppError('invalid_token', 'the token was revoked (logged out)')
  const { tokens } = opts
  const check = revocationCheck(opts.cache, async (jtis) => new Set((await logic.CheckRevoked({ jtis })).revoked_jtis))
  // the revocation lookups of one event-loop turn (a connect burst) go to the cache as one MGET
  const revocations = new Batcher<string, boolean>(
    async (jtis) => {
      const gone = await check(jtis)
      return jtis.map((jti) => ({ value: gone.has(jti) }))
    },
    { maxBatch: 1_000, maxInFlight: 4 },
  )
  const anyRevoked = async (ids: string[]) => (await Promise.all(ids.map((id) => revocations.add(id)))).some(Boolean)
  // the same checks as logic's VerifyToken: signature, claims and lifetime, then revocation
  const verifyFresh = tokens
    ? async (token: string) => {
        const claims = await tokens.verify(token)
        if (await anyRevoked(revocationIds(claims))) throw revoked()
        return claims.userId
      }
    : async (token: string) => (await logic.VerifyToken({ token })).user_id
  return {
    async verify(token) {
      const hit = entries.get(token)
      if (hit && hit.until > nowMs()) {
        if (hit.checkAt > nowMs() || !hit.jti) return hit.userId
        if (await anyRevoked(revocationIds({ jti: hit.jti, userId: hit.userId }))) {
          entries.delete(token)
          throw revoked()
        }
        hit.checkAt = nowMs() + REVOCATION_CHECK_MS
        return hit.userId
      }
      if (hit) entries.delete(token)
      const user_id = await verifyFresh(token)
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
    revoked: check,
  }
}

/** The token of `Authorization: Bearer <token>`, if any. */
export function bearer(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')
  return m?.[1]
}
