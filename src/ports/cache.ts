// The cache port: Redis (src/drivers/redis/cache.ts) or in-memory (src/drivers/memory/cache.ts). Nothing in
// it is durable: seq counters are re-seeded from the store, presence expires and is refreshed by heartbeats,
// cached values have a TTL. One contract suite (test/contract/cache.contract.ts) runs against both drivers.

/** One field of an expiring hash, for batched writes. */
export interface HashFieldWrite {
  key: string
  field: string
  value: string
}

export interface Cache {
  readonly kind: 'redis' | 'memory'
  ping(): Promise<void>
  close(): Promise<void>

  /** INCR of an existing counter; null when the key is missing (it is never created here) */
  incrExisting(key: string): Promise<number | null>
  /** atomically: raise the counter to at least `floor` (creating it), then INCR it */
  incrAtLeast(key: string, floor: number): Promise<number>
  /** atomically: create the counter at `floor` if it is missing (an existing one is left as it is), then INCR it */
  incrSeeded(key: string, floor: number): Promise<number>

  /**
   * A fixed-window counter (login throttling): INCRBY `by` (default 1; negative gives back), and when that created
   * the key, expire it in `windowMs`; later increments keep the expiry. Returns the count.
   */
  incrWindow(key: string, windowMs: number, by?: number): Promise<number>

  get(key: string): Promise<string | null>
  /** many values in one round trip (MGET), in the order of `keys` */
  getMany(keys: string[]): Promise<Array<string | null>>
  set(key: string, value: string, ttlMs: number): Promise<void>
  /** sets only when the key is missing; true when it did */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>
  del(key: string): Promise<void>

  // Hashes whose fields expire one by one (presence: one hash per user, one field per connection). A write
  // (re)sets the field's expiry; expired fields are invisible and dropped on the next write to the hash.
  /** returns the number of live fields after the write */
  hashPut(key: string, field: string, value: string, ttlMs: number): Promise<number>
  /** returns the number of live fields left */
  hashRemove(key: string, field: string): Promise<number>
  /** many writes in one round trip, applied in order; per write, the live fields of its hash right after it */
  hashPutMany(writes: HashFieldWrite[], ttlMs: number): Promise<number[]>
  /** the live fields of many hashes in one round trip, in the order of `keys` */
  hashGetMany(keys: string[]): Promise<Array<Map<string, string>>>
}
