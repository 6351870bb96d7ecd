// Revoked tokens (logout), in the cache port so that every logic instance and every gateway sees them: one key
// per token id (jti), kept until the token would have expired anyway, after which the token is refused for its
// expiry. Shared by logic (which writes and checks them) and the gateway (which rechecks the tokens it caches
// and the tokens of its open connections).
import type { Cache } from '../ports/cache.js'

/** Kept this long past the token's exp, for clocks that differ between hosts. */
const SKEW_MS = 60_000

export const revokedKey = (jti: string) => `revoked:${jti}`

export async function revoke(cache: Cache, jti: string, expSeconds: number, nowMs = Date.now()): Promise<void> {
  await cache.set(revokedKey(jti), '1', Math.max(1000, expSeconds * 1000 - nowMs + SKEW_MS))
}

/** The token ids among `jtis` that are revoked, with one round trip (MGET). */
export async function revokedAmong(cache: Cache, jtis: string[]): Promise<Set<string>> {
  const values = await cache.getMany(jtis.map(revokedKey))
  return new Set(jtis.filter((_, i) => values[i] !== null))
}
