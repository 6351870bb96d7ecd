// The Redis cache (ioredis).
//
// Seq counters: `incrExisting` INCRs only a key that exists (a Lua script, so a missing key is never created
// at 1 behind the store's back), and `incrAtLeast` raises the counter to a floor and INCRs it in one script.
// Re-seeding from MySQL MAX(seq) is therefore race-free: two callers that both found the key missing both
// raise it to the same floor and get different, consecutive values.
//
// Expiring hashes (presence): Redis 7.0 has no per-field TTL (HEXPIRE is 7.4+), so every field's value is
// stored as `<expiresAtMs>|<value>`. Writes go through a script that drops expired fields and sets the key's
// own expiry to the latest field expiry, so a hash vanishes once its last field expired; readers filter
// expired fields. A per-user key TTL alone would not do: one live device would keep the dead connections of a
// crashed gateway alive. Expiry times come from the clock of the process that writes or reads; skew between
// hosts matters only at the scale of the TTL (a minute), not of the milliseconds NTP leaves.
//
// Redis Cluster (redis+cluster://, src/drivers/redis/connection.ts): every script but the batched ones touches one
// key, so it runs wherever that key's slot lives. The batched reads and writes (getMany, hashGetMany,
// hashPutMany) are split by hash tag, one call per `{tag}` (keys without a tag: one call each), all sent at once;
// presence keys carry one of a few tags (src/presence/presence.ts) so that a fanout shard's lookup stays a
// handful of script calls. On one server the whole batch is one group.
import { ReplyError, type Cluster, type Redis } from 'ioredis'
import { AppError } from '../../core/errors.js'
import { log } from '../../observability/log.js'
import { redactUrl } from '../../observability/redact.js'
import type { Cache, HashFieldWrite } from '../../ports/cache.js'
import { connectRedis, type RedisSecurity } from './connection.js'

const PRUNE = `
local function prune(key, now)
  local all = redis.call('HGETALL', key)
  local live, last = 0, 0
  for i = 1, #all, 2 do
    local exp = tonumber(string.match(all[i + 1], '^(%d+)|'))
    if exp and exp > now then
      live = live + 1
      if exp > last then last = exp end
    else
      redis.call('HDEL', key, all[i])
    end
  end
  if live > 0 then redis.call('PEXPIREAT', key, string.format('%d', last)) end
  return live
end
`

const scripts = {
  gochatIncrExisting: `
if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('INCR', KEYS[1]) end
return false`,
  // ARGV[1] is SET as given: Lua would print a large number as 1e+15
  gochatIncrAtLeast: `
local cur = tonumber(redis.call('GET', KEYS[1]) or '0')
if cur < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], ARGV[1]) end
return redis.call('INCR', KEYS[1])`,
  gochatIncrSeeded: `
redis.call('SET', KEYS[1], ARGV[1], 'NX')
return redis.call('INCR', KEYS[1])`,
  // ARGV: windowMs, by. A key left without expiry (never by this script) gets one too.
  gochatIncrWindow: `
local n = redis.call('INCRBY', KEYS[1], ARGV[2])
if n == tonumber(ARGV[2]) or redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n`,
  // ARGV: field, value, now, ttlMs
  gochatHashPut: `${PRUNE}
local now = tonumber(ARGV[3])
redis.call('HSET', KEYS[1], ARGV[1], string.format('%d', now + tonumber(ARGV[4])) .. '|' .. ARGV[2])
return prune(KEYS[1], now)`,
  // ARGV: field, now
  gochatHashRemove: `${PRUNE}
redis.call('HDEL', KEYS[1], ARGV[1])
return prune(KEYS[1], tonumber(ARGV[2]))`,
}

// Reads many hashes with one command instead of one HGETALL each: for the fanout's presence lookups (500 users a
// shard), a command per key cost more client CPU in ioredis than Redis spent answering. Returns, per key, the
// flat field/value list of its live fields. Every key in one script call: fine on one Redis, or keys of one slot.
// ARGV: now
const HASH_GET_MANY = `
local now, out = tonumber(ARGV[1]), {}
for i, key in ipairs(KEYS) do
  local all, live = redis.call('HGETALL', key), {}
  for j = 1, #all, 2 do
    local exp, value = string.match(all[j + 1], '^(%d+)|(.*)$')
    if exp and tonumber(exp) > now then
      live[#live + 1] = all[j]
      live[#live + 1] = value
    end
  end
  out[i] = live
end
return out`
// The heartbeat's refresh of every connection of a gateway, one script call per chunk instead of one per
// connection. ARGV: now, ttlMs, then a field and a value per key.
const HASH_PUT_MANY = `${PRUNE}
local now = tonumber(ARGV[1])
local exp = string.format('%d', now + tonumber(ARGV[2])) .. '|'
local live = {}
for i, key in ipairs(KEYS) do
  redis.call('HSET', key, ARGV[1 + 2 * i], exp .. ARGV[2 + 2 * i])
  live[i] = prune(key, now)
end
return live`
/** keys per script call: bounds how long one call holds Redis */
const MANY_CHUNK = 1000
/** a command unanswered this long fails (unavailable): a hung Redis must not hold requests; not less, as a loaded
 *  host may take seconds to answer, and that is no outage */
const COMMAND_TIMEOUT_MS = 5000

type Scripted<T> = T & {
  gochatIncrExisting(key: string): Promise<number | null>
  gochatIncrAtLeast(key: string, floor: string): Promise<number>
  gochatIncrSeeded(key: string, floor: string): Promise<number>
  gochatIncrWindow(key: string, windowMs: number, by: number): Promise<number>
  gochatHashPut(key: string, field: string, value: string, now: number, ttlMs: number): Promise<number>
  gochatHashRemove(key: string, field: string, now: number): Promise<number>
}
/** the key count comes first in each call of these */
type ManyKeys = {
  gochatHashGetMany(numKeys: number, ...keysThenNow: Array<string | number>): Promise<string[][]>
  gochatHashPutMany(numKeys: number, ...keysThenArgs: Array<string | number>): Promise<number[]>
}

export interface RedisCacheOptions extends RedisSecurity {
  /** prepended to every key (config redis_key_prefix; tests use one per run) */
  keyPrefix?: string
}

export class RedisCache implements Cache {
  readonly kind = 'redis' as const
  private readonly redis: Scripted<Redis | Cluster> & ManyKeys
  /** batches are split by hash tag only on a Redis Cluster */
  private readonly cluster: boolean
  private closing = false

  /**
   * Connects in the background (commands queue until the first connection is ready); `ping()` tells whether Redis
   * answers. Once connected, a request never waits for an outage: while Redis is unreachable, or does not answer
   * within COMMAND_TIMEOUT_MS, commands fail at once with `unavailable` (no offline queue), and ioredis keeps
   * reconnecting in the background (every 50 ms, backing off to 2 s), so service is back within a couple of seconds
   * of Redis. Throws at once on a malformed URL or an unreadable TLS file.
   */
  constructor(url: string, opts: RedisCacheOptions = {}) {
    const { keyPrefix, ...security } = opts
    const { client: redis, target } = connectRedis(url, security, {
      keyPrefix,
      maxRetriesPerRequest: 2,
      connectTimeout: 3000,
      commandTimeout: COMMAND_TIMEOUT_MS,
    })
    this.cluster = target.cluster
    // ioredis emits an error per failed reconnection: say it once per outage, and when it is over
    let down = false
    let wasReady = false
    const outage = (err: Error) => {
      if (!down)
        log.warn('Redis connection failed; requests needing it get unavailable until it is back', {
          url: redactUrl(url),
          err,
        })
      down = true
    }
    redis.on('error', outage)
    // a server that goes away cleanly closes the socket without an error (and may be back before the first failed
    // reconnection): that is an outage too, unless this cache is closing
    redis.on('close', () => {
      if (wasReady && !this.closing) outage(new Error('connection closed by the server'))
    })
    redis.on('ready', () => {
      if (down) log.info('Redis connection is back', { url: redactUrl(url) })
      down = false
      wasReady = true
      redis.options.enableOfflineQueue = false
    })
    for (const [name, lua] of Object.entries(scripts)) redis.defineCommand(name, { numberOfKeys: 1, lua })
    redis.defineCommand('gochatHashGetMany', { lua: HASH_GET_MANY })
    redis.defineCommand('gochatHashPutMany', { lua: HASH_PUT_MANY })
    this.redis = redis as Scripted<Redis | Cluster> & ManyKeys
  }

  async ping(): Promise<void> {
    await this.redis.ping()
  }

  async close(): Promise<void> {
    this.closing = true
    await this.redis.quit().catch(() => this.redis.disconnect())
  }

  incrExisting(key: string): Promise<number | null> {
    return this.redis.gochatIncrExisting(key).catch(outage)
  }

  incrAtLeast(key: string, floor: number): Promise<number> {
    return this.redis.gochatIncrAtLeast(key, String(Math.trunc(floor))).catch(outage)
  }

  incrSeeded(key: string, floor: number): Promise<number> {
    return this.redis.gochatIncrSeeded(key, String(Math.trunc(floor))).catch(outage)
  }

  incrWindow(key: string, windowMs: number, by = 1): Promise<number> {
    return this.redis.gochatIncrWindow(key, Math.max(1, Math.trunc(windowMs)), Math.trunc(by)).catch(outage)
  }

  get(key: string): Promise<string | null> {
    return this.redis.get(key).catch(outage)
  }

  async getMany(keys: string[]): Promise<Array<string | null>> {
    return this.batched(keys, (chunk) => this.redis.mget(chunk))
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    await this.redis.set(key, value, 'PX', ttlMs).catch(outage)
  }

  async setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.set(key, value, 'PX', ttlMs, 'NX').catch(outage)) === 'OK'
  }

  async del(key: string): Promise<void> {
    await this.redis.del(key).catch(outage)
  }

  hashPut(key: string, field: string, value: string, ttlMs: number): Promise<number> {
    return this.redis.gochatHashPut(key, field, value, Date.now(), ttlMs).catch(outage)
  }

  hashRemove(key: string, field: string): Promise<number> {
    return this.redis.gochatHashRemove(key, field, Date.now()).catch(outage)
  }

  async hashPutMany(writes: HashFieldWrite[], ttlMs: number): Promise<number[]> {
    const now = Date.now()
    return this.batched(writes, (chunk) => {
      const args = chunk.flatMap((w) => [w.field, w.value])
      return this.redis.gochatHashPutMany(chunk.length, ...chunk.map((w) => w.key), now, ttlMs, ...args)
    })
  }

  async hashGetMany(keys: string[]): Promise<Array<Map<string, string>>> {
    const now = Date.now()
    const flats = await this.batched(keys, (chunk) => this.redis.gochatHashGetMany(chunk.length, ...chunk, now))
    return flats.map((flat) => {
      const out = new Map<string, string>()
      for (let j = 0; j < flat.length; j += 2) out.set(flat[j]!, flat[j + 1]!)
      return out
    })
  }

  /**
   * Runs `call` on chunks of at most MANY_CHUNK items whose keys may go in one command (on a cluster: one hash
   * tag each), all at once, and returns the per-item results in the order of `items`.
   */
  private async batched<I extends string | { key: string }, R>(
    items: I[],
    call: (chunk: I[]) => Promise<R[]>,
  ): Promise<R[]> {
    const groups = this.cluster ? groupBySlot(items) : [items.map((_, i) => i)]
    const chunks = groups.flatMap((g) =>
      Array.from({ length: Math.ceil(g.length / MANY_CHUNK) }, (_, c) => g.slice(c * MANY_CHUNK, (c + 1) * MANY_CHUNK)),
    )
    const out = new Array<R>(items.length)
    await Promise.all(
      chunks.map(async (idx) => {
        const results = await call(idx.map((i) => items[i]!)).catch(outage)
        idx.forEach((i, j) => (out[i] = results[j]!))
      }),
    )
    return out
  }
}

/**
 * An error of Redis itself (a script's, a wrong type) stays what it is; any other (unreachable, connection lost,
 * no answer in time) is an outage, which the connection's error listener has logged: the caller gets `unavailable`.
 */
function outage(err: unknown): never {
  if (err instanceof ReplyError || err instanceof AppError) throw err
  throw new AppError('unavailable', 'the cache is unavailable; try again shortly', 1)
}

/** What decides a key's slot (Redis Cluster's rule): the first non-empty `{…}`, else the whole key. */
export function hashTag(key: string): string {
  const open = key.indexOf('{')
  if (open < 0) return key
  const close = key.indexOf('}', open + 1)
  return close > open + 1 ? key.slice(open + 1, close) : key
}

/** indices of the items grouped by hash tag: each group's keys share a slot */
function groupBySlot(items: Array<string | { key: string }>): number[][] {
  const groups = new Map<string, number[]>()
  items.forEach((item, i) => {
    const tag = hashTag(typeof item === 'string' ? item : item.key)
    const group = groups.get(tag)
    if (group) group.push(i)
    else groups.set(tag, [i])
  })
  return [...groups.values()]
}
