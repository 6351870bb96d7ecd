// Bearer tokens are verified by logic (which holds the secret); the gateway remembers a verified token briefly so
// that a busy client costs one VerifyToken call per TTL rather than one per request. Never past the token's own
// expiry, read from its (unverified) claims — the entry only exists because logic verified the token.
import { decodeJwt } from 'jose'
import type { LogicApi } from '../../src/rpc/api.js'

export const TOKEN_CACHE_MS = 30_000
const MAX_ENTRIES = 50_000

export interface TokenVerifier {
  /** the user id; rejects with logic's invalid_token */
  verify(token: string): Promise<string>
}

export function cachedVerifier(logic: Pick<LogicApi, 'VerifyToken'>, nowMs: () => number = Date.now): TokenVerifier {
  const entries = new Map<string, { userId: string; until: number }>()
  return {
    async verify(token) {
      const hit = entries.get(token)
      if (hit && hit.until > nowMs()) return hit.userId
      if (hit) entries.delete(token)
      const { user_id } = await logic.VerifyToken({ token })
      let expMs = Infinity
      try {
        const { exp } = decodeJwt(token)
        if (typeof exp === 'number') expMs = exp * 1000
      } catch {
        // verified but not a JWT we can read: cache for the plain TTL
      }
      // Map keeps insertion order: dropping the first key evicts the oldest entry
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!)
      entries.set(token, { userId: user_id, until: Math.min(nowMs() + TOKEN_CACHE_MS, expMs) })
      return user_id
    },
  }
}

/** The token of `Authorization: Bearer <token>`, if any. */
export function bearer(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')
  return m?.[1]
}
