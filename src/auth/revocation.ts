// Revoked tokens (logout). The store keeps them (repo's revoked_tokens: MySQL, SQLite or memory), so neither a
// restart nor a cache that loses its keys brings a revoked token back; the cache port (Redis or memory) holds a
// copy for the one check every token use needs (logic's VerifyToken, the gateways' token cache and their sockets'
// recheck), one MGET a batch. Each row and key is kept until its token would be refused for its expiry anyway.
//
// The copy is complete only while the marker key `loaded` is there: repo sets it after copying every unexpired
// revocation from the store (reloadRevocations). A check reads the marker in the same MGET as the token keys; when
// it is missing (Redis flushed or restarted empty, a fresh in-memory cache after `gochat up` restarts, the marker's
// hour is up) the check asks the store instead (CheckRevoked, through logic and repo), and repo copies the store
// into the cache again, once. Every key carries the hash tag {rv}: on a Redis Cluster they live on one master, so
// they are lost together with the marker, and the MGET stays one call.
import { randomUUID } from 'node:crypto'
import type { Cache } from '../ports/cache.js'
import type { RevocationRow } from '../ports/store.js'

/** Kept this long past the token's exp, for clocks that differ between hosts. */
export const SKEW_MS = 60_000
const PREFIX = 'revoked:{rv}:'
export const revokedKey = (jti: string) => `${PREFIX}${jti}`
/** present while the cache holds every unexpired revocation of the store */
export const LOADED_KEY = `${PREFIX}loaded`
/** held by the one process copying the store into the cache */
const LOADING_KEY = `${PREFIX}loading`
/** the copy is made afresh at least this often, whatever happened to single keys (e.g. an evicting Redis) */
const LOADED_TTL_MS = 3_600_000
const LOADING_TTL_MS = 60_000
const RELOAD_PAGE = 1_000
/** token ids per CheckRevoked call (repo refuses more); a gateway's heartbeat checks all its connections' at once */
export const CHECK_MAX = 5_000

/** The revocation of every token of a user at once (`gochat users erase`), kept beside the tokens' own ids: every
 *  check of a token asks for both (revocationIds), in the same MGET. */
export const userRevocationId = (userId: string) => `user:${userId}`
/** what a check of one token asks for: its id and its user's */
export const revocationIds = (t: { jti: string; userId: string }) => [t.jti, userRevocationId(t.userId)]

/** which of `jtis` are revoked */
export type RevocationCheck = (jtis: string[]) => Promise<Set<string>>

/** when the revocation of a token that expires at `expSeconds` may be forgotten (epoch ms) */
export const revocationExpiry = (expSeconds: number) => expSeconds * 1000 + SKEW_MS

/** the cache's copy of one revocation, written after the store has it */
export async function cacheRevocation(cache: Cache, r: RevocationRow, nowMs = Date.now()): Promise<void> {
  await cache.set(revokedKey(r.jti), '1', Math.max(1000, r.expiresAt - nowMs))
}

/** The revoked ones among `jtis`, from the cache in one MGET; null while the cache's copy is not complete. */
export async function revokedInCache(cache: Cache, jtis: string[]): Promise<Set<string> | null> {
  const values = await cache.getMany([LOADED_KEY, ...jtis.map(revokedKey)])
  if (values[0] === null) return null
  return new Set(jtis.filter((_, i) => values[i + 1] !== null))
}

/** The check of every token use: the cache, or `fromStore` while the cache's copy is not complete. */
export function revocationCheck(cache: Cache, fromStore: RevocationCheck): RevocationCheck {
  return async (jtis) => {
    if (jtis.length === 0) return new Set()
    const cached = await revokedInCache(cache, jtis)
    if (cached) return cached
    const chunks = Array.from({ length: Math.ceil(jtis.length / CHECK_MAX) }, (_, i) =>
      jtis.slice(i * CHECK_MAX, (i + 1) * CHECK_MAX),
    )
    return new Set((await Promise.all(chunks.map(fromStore))).flatMap((s) => [...s]))
  }
}

/**
 * Copies the unexpired revocations `list` pages through (the store's, in jti order) into the cache, then sets
 * the marker. One process at a time does it (the `loading` key; null: another one is at it). A cache that loses
 * its keys during the copy loses the `loading` key with them, so the marker is then taken back: it is only ever
 * there over a complete copy. Returns how many revocations were copied.
 */
export async function reloadRevocations(
  cache: Cache,
  list: (afterJti: string, limit: number) => Promise<RevocationRow[]>,
  nowMs: () => number = Date.now,
): Promise<number | null> {
  const mine = randomUUID()
  if (!(await cache.setIfAbsent(LOADING_KEY, mine, LOADING_TTL_MS))) return null
  let copied = 0
  for (let after = ''; ; ) {
    const page = await list(after, RELOAD_PAGE)
    await Promise.all(page.map((r) => cacheRevocation(cache, r, nowMs())))
    copied += page.length
    if (page.length < RELOAD_PAGE) break
    after = page.at(-1)!.jti
  }
  await cache.set(LOADED_KEY, '1', LOADED_TTL_MS)
  if ((await cache.get(LOADING_KEY)) !== mine) {
    await cache.del(LOADED_KEY)
    return null
  }
  await cache.del(LOADING_KEY)
  return copied
}
