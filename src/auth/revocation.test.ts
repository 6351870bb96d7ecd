// The revocation copy in the cache (src/auth/revocation.ts): the check answers from the cache only over a complete
// copy, one process copies at a time, and a copy that the cache lost keys during never sets the marker.
import { describe, expect, it, vi } from 'vitest'
import { MemoryCache } from '../drivers/memory/cache.js'
import type { RevocationRow } from '../ports/store.js'
import { CHECK_MAX, LOADED_KEY, reloadRevocations, revocationCheck, revokedKey } from './revocation.js'

const rows = (n: number, from = 0): RevocationRow[] =>
  Array.from({ length: n }, (_, i) => ({
    jti: `j${String(from + i).padStart(5, '0')}`,
    expiresAt: Date.now() + 60_000,
  }))
/** the store's listRevocations over `all`, in jti order */
const lister = (all: RevocationRow[]) => async (after: string, limit: number) =>
  all.filter((r) => r.jti > after).slice(0, limit)

describe('revocations in the cache', () => {
  it('answers from the cache over a complete copy, from the store without one', async () => {
    const cache = new MemoryCache()
    const fromStore = vi.fn(async (jtis: string[]) => new Set(jtis.filter((j) => j === 'j00001')))
    const check = revocationCheck(cache, fromStore)
    expect(await check(['j00001', 'j00002'])).toEqual(new Set(['j00001']))
    expect(fromStore).toHaveBeenCalledTimes(1)
    expect(await reloadRevocations(cache, lister(rows(2)))).toBe(2)
    expect(await check(['j00001', 'j00009'])).toEqual(new Set(['j00001']))
    expect(await check([])).toEqual(new Set())
    expect(fromStore).toHaveBeenCalledTimes(1)
  })

  it('asks the store at most CHECK_MAX token ids a call', async () => {
    const fromStore = vi.fn(async (jtis: string[]) => new Set(jtis.filter((j) => j.endsWith('7'))))
    const ids = Array.from({ length: CHECK_MAX * 2 + 1 }, (_, i) => `t${i}`)
    const revoked = await revocationCheck(new MemoryCache(), fromStore)(ids)
    expect(fromStore.mock.calls.map(([c]) => c.length)).toEqual([CHECK_MAX, CHECK_MAX, 1])
    expect(revoked.size).toBe(ids.filter((j) => j.endsWith('7')).length)
  })

  it('copies page after page; one copy at a time', async () => {
    const cache = new MemoryCache()
    const all = rows(2_500)
    let release: () => void = () => {}
    const gate = new Promise<void>((r) => (release = r))
    const slow = async (after: string, limit: number) => {
      await gate
      return lister(all)(after, limit)
    }
    const first = reloadRevocations(cache, slow)
    expect(await reloadRevocations(cache, lister(all))).toBeNull() // the first holds the loading key
    release()
    expect(await first).toBe(2_500)
    expect(await cache.get(revokedKey('j02499'))).not.toBeNull()
    expect(await cache.get(LOADED_KEY)).not.toBeNull()
  })

  it('sets no marker when the cache lost its keys during the copy', async () => {
    const cache = new MemoryCache()
    const flushing = async (after: string, limit: number) => {
      await cache.del('revoked:{rv}:loading') // what FLUSHALL does to the loading key, mid-copy
      return lister(rows(3))(after, limit)
    }
    expect(await reloadRevocations(cache, flushing)).toBeNull()
    expect(await cache.get(LOADED_KEY)).toBeNull()
    expect(await reloadRevocations(cache, lister(rows(3)))).toBe(3) // the next copy completes
    expect(await cache.get(LOADED_KEY)).not.toBeNull()
  })
})
