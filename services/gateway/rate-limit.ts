// Token buckets: `ratePerSecond` on average, bursts of up to `burst` (default: one second's worth). Time is passed
// in, so the behaviour is testable without waiting. KeyedLimiter holds one bucket per key (client IP, user id) in
// a map of bounded size: the least recently used key goes first, so no stream of new keys grows memory unbounded
// (an evicted key starts again with a full bucket, which is what it would have after a quiet while anyway).
export class TokenBucket {
  private tokens: number
  private last: number

  constructor(
    private readonly ratePerSecond: number,
    nowMs: number,
    private readonly burst: number = ratePerSecond,
  ) {
    this.tokens = burst
    this.last = nowMs
  }

  /** takes one token; false when the bucket is empty */
  take(nowMs: number): boolean {
    this.tokens = Math.min(this.burst, this.tokens + (Math.max(0, nowMs - this.last) / 1000) * this.ratePerSecond)
    this.last = nowMs
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }

  /** milliseconds until a token is there (0: one is) */
  waitMs(): number {
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) / this.ratePerSecond) * 1000)
  }
}

/** Keys a limiter holds at most unless told otherwise: ~100 bytes each, about 10 MB */
export const MAX_KEYS = 100_000

export class KeyedLimiter {
  private readonly buckets = new Map<string, TokenBucket>()

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number = ratePerSecond,
    private readonly maxKeys: number = MAX_KEYS,
  ) {}

  /** takes a token of `key`'s bucket: 0 when allowed, else the milliseconds until the next one */
  take(key: string, nowMs: number): number {
    let bucket = this.buckets.get(key)
    if (bucket) {
      this.buckets.delete(key)
    } else {
      bucket = new TokenBucket(this.ratePerSecond, nowMs, this.burst)
      if (this.buckets.size >= this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!)
    }
    this.buckets.set(key, bucket) // most recently used last
    return bucket.take(nowMs) ? 0 : Math.max(1, bucket.waitMs())
  }

  get size(): number {
    return this.buckets.size
  }
}

/**
 * The key of a client address: IPv4 as it is (also when IPv6-mapped), IPv6 by its /64, the block one subscriber
 * usually holds, so that walking through one's own addresses does not multiply the limit.
 */
export function clientKey(address: string | undefined): string {
  if (!address) return ''
  if (address.startsWith('::ffff:') && address.includes('.')) return address.slice(7)
  if (!address.includes(':')) return address
  const [head = '', tail] = address.split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const groups =
    tail === undefined ? left : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g || '0', 16).toString(16))
    .join(':')}::/64`
}
