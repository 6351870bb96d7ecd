// The in-process cache: the same behaviour as the Redis driver for one process. Expired entries are invisible
// at once and swept from memory every SWEEP_MS, so keys that are never read again do not pile up.
import type { Cache, HashFieldWrite } from '../../ports/cache.js'

const SWEEP_MS = 30_000

interface Entry {
  value: string
  /** epoch ms; Infinity for counters, which never expire */
  expiresAt: number
}

export class MemoryCache implements Cache {
  readonly kind = 'memory' as const
  private readonly values = new Map<string, Entry>()
  private readonly hashes = new Map<string, Map<string, Entry>>()
  private readonly sweeper = setInterval(() => this.sweep(), SWEEP_MS).unref()

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    clearInterval(this.sweeper)
  }

  async incrExisting(key: string): Promise<number | null> {
    const e = this.live(key)
    if (!e) return null
    return this.bump(key, Number(e.value))
  }

  async incrAtLeast(key: string, floor: number): Promise<number> {
    return this.bump(key, Math.max(Number(this.live(key)?.value ?? 0), floor))
  }

  async incrSeeded(key: string, floor: number): Promise<number> {
    return this.bump(key, Number(this.live(key)?.value ?? floor))
  }

  async incrWindow(key: string, windowMs: number, by = 1): Promise<number> {
    const e = this.live(key)
    const next = Number(e?.value ?? 0) + by
    this.values.set(key, { value: String(next), expiresAt: e ? e.expiresAt : Date.now() + windowMs })
    return next
  }

  async get(key: string): Promise<string | null> {
    return this.live(key)?.value ?? null
  }

  async getMany(keys: string[]): Promise<Array<string | null>> {
    return keys.map((key) => this.live(key)?.value ?? null)
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    this.values.set(key, { value, expiresAt: Date.now() + ttlMs })
  }

  async setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    if (this.live(key)) return false
    await this.set(key, value, ttlMs)
    return true
  }

  async del(key: string): Promise<void> {
    this.values.delete(key)
    this.hashes.delete(key)
  }

  async hashPut(key: string, field: string, value: string, ttlMs: number): Promise<number> {
    return this.put(key, field, value, ttlMs)
  }

  async hashRemove(key: string, field: string): Promise<number> {
    const hash = this.hashes.get(key)
    if (!hash) return 0
    hash.delete(field)
    return this.prune(key, hash, Date.now())
  }

  async hashPutMany(writes: HashFieldWrite[], ttlMs: number): Promise<number[]> {
    return writes.map((w) => this.put(w.key, w.field, w.value, ttlMs))
  }

  async hashGetMany(keys: string[]): Promise<Array<Map<string, string>>> {
    const now = Date.now()
    return keys.map((key) => {
      const out = new Map<string, string>()
      for (const [field, e] of this.hashes.get(key) ?? []) if (e.expiresAt > now) out.set(field, e.value)
      return out
    })
  }

  private put(key: string, field: string, value: string, ttlMs: number): number {
    let hash = this.hashes.get(key)
    if (!hash) this.hashes.set(key, (hash = new Map()))
    const now = Date.now()
    hash.set(field, { value, expiresAt: now + ttlMs })
    return this.prune(key, hash, now)
  }

  /** drops expired fields (and the hash when none is left); returns the live count */
  private prune(key: string, hash: Map<string, Entry>, now: number): number {
    for (const [field, e] of hash) if (e.expiresAt <= now) hash.delete(field)
    if (hash.size === 0) this.hashes.delete(key)
    return hash.size
  }

  private bump(key: string, from: number): number {
    const next = from + 1
    this.values.set(key, { value: String(next), expiresAt: Infinity })
    return next
  }

  private live(key: string): Entry | undefined {
    const e = this.values.get(key)
    if (e && e.expiresAt <= Date.now()) {
      this.values.delete(key)
      return undefined
    }
    return e
  }

  private sweep(): void {
    const now = Date.now()
    for (const [key, e] of this.values) if (e.expiresAt <= now) this.values.delete(key)
    for (const [key, hash] of this.hashes) this.prune(key, hash, now)
  }
}
