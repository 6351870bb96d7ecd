// Access tokens: HS256 JWTs signed with jwt_secret: `sub` = user id, `jti` = a random id (what logout revokes),
// `iat` and `exp` = iat + token_ttl_seconds. They are stateless, so any process holding the secret verifies any
// token: logic issues them, logic and the gateways verify them with this same code. The clock is injectable for tests
// of expiry.
import { randomUUID } from 'node:crypto'
import { SignJWT, jwtVerify } from 'jose'
import { AppError } from '../core/errors.js'

/** Clock difference between processes that a token's iat and lifetime may show. */
export const CLOCK_SKEW_SECONDS = 60

export interface TokenClaims {
  userId: string
  jti: string
  /** epoch seconds */
  exp: number
}

export interface Tokens {
  /** how long a token lives */
  ttlSeconds: number
  /**
   * a new token; a refresh passes the session's `jti` on (one logout ends the session) and may end it earlier
   * (`notAfter`, epoch seconds)
   */
  issue(userId: string, opts?: { jti?: string; notAfter?: number }): Promise<string>
  /** the claims of a valid token; invalid_token for anything else (bad signature, expired, malformed) */
  verify(token: string): Promise<TokenClaims>
}

export function createTokens(opts: { secret: string; ttlSeconds: number; nowSeconds?: () => number }): Tokens {
  const key = new TextEncoder().encode(opts.secret)
  const now = opts.nowSeconds ?? (() => Math.floor(Date.now() / 1000))
  return {
    ttlSeconds: opts.ttlSeconds,
    issue: (userId, o = {}) => {
      const iat = now()
      return new SignJWT({})
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(userId)
        .setJti(o.jti ?? randomUUID())
        .setIssuedAt(iat)
        .setExpirationTime(Math.min(iat + opts.ttlSeconds, o.notAfter ?? Number.POSITIVE_INFINITY))
        .sign(key)
    },
    verify: async (token) => {
      try {
        // algorithms pinned: a token that claims another algorithm (or "none") is refused, not interpreted
        const { payload: p } = await jwtVerify(token, key, {
          algorithms: ['HS256'],
          currentDate: new Date(now() * 1000),
          requiredClaims: ['sub', 'exp', 'iat', 'jti'],
        })
        if (!p.sub || !p.jti || typeof p.iat !== 'number' || typeof p.exp !== 'number')
          throw new Error('claims missing')
        // whoever holds the secret cannot mint a token longer-lived than this deployment issues, nor date one ahead
        if (p.iat > now() + CLOCK_SKEW_SECONDS || p.exp - p.iat > opts.ttlSeconds + CLOCK_SKEW_SECONDS)
          throw new Error('lifetime out of bounds')
        return { userId: p.sub, jti: p.jti, exp: p.exp }
      } catch {
        throw new AppError('invalid_token', 'invalid or expired token')
      }
    },
  }
}
