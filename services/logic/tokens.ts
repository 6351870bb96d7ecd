// Access tokens: HS256 JWTs signed with jwt_secret, `sub` = user id, expiring after token_ttl_seconds. They are
// stateless, so any logic instance verifies any token; the clock is injectable for tests of expiry.
import { SignJWT, jwtVerify } from 'jose'
import { AppError } from '../../src/core/errors.js'

export interface Tokens {
  issue(userId: string): Promise<string>
  /** the user id of a valid token; invalid_token for anything else (bad signature, expired, malformed) */
  verify(token: string): Promise<string>
}

export function createTokens(opts: { secret: string; ttlSeconds: number; nowSeconds?: () => number }): Tokens {
  const key = new TextEncoder().encode(opts.secret)
  const now = opts.nowSeconds ?? (() => Math.floor(Date.now() / 1000))
  return {
    issue: (userId) => {
      const iat = now()
      return new SignJWT({}).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setSubject(userId).setIssuedAt(iat).setExpirationTime(iat + opts.ttlSeconds).sign(key)
    },
    verify: async (token) => {
      try {
        // algorithms pinned: a token that claims another algorithm (or "none") is refused, not interpreted
        const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], currentDate: new Date(now() * 1000), requiredClaims: ['sub', 'exp'] })
        if (!payload.sub) throw new Error('no subject')
        return payload.sub
      } catch {
        throw new AppError('invalid_token', 'invalid or expired token')
      }
    },
  }
}
