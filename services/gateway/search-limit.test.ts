// The people search's limit over the memory cache, with the clock moved by hand: per user, per address, a window
// that starts with its first search and a Retry-After that says when it ends.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { AppError } from '../../src/core/errors.js'
import { MemoryCache } from '../../src/drivers/memory/cache.js'
import { createSearchLimit } from './search-limit.js'

let clock = 1_700_000_000_000
vi.spyOn(Date, 'now').mockImplementation(() => clock)
afterEach(() => {
  clock += 3_600_000
})

const outcome = (p: Promise<void>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof AppError ? `${e.code} ${e.retryAfterSeconds}` : String(e)),
  )

describe('people search limit', () => {
  it('allows perUser searches of one user in a window, then refuses until the window ends', async () => {
    const limit = createSearchLimit({ cache: new MemoryCache(), perUser: 3, perIp: 100, windowSeconds: 60 })
    for (let i = 0; i < 3; i++) expect(await outcome(limit('u1', '10.0.0.1'))).toBe('ok')
    clock += 20_000
    expect(await outcome(limit('u1', '10.0.0.1'))).toBe('rate_limited 40')
    // another user is not held back by u1's count
    expect(await outcome(limit('u2', '10.0.0.1'))).toBe('ok')
    clock += 40_000
    expect(await outcome(limit('u1', '10.0.0.1'))).toBe('ok')
  })

  it('counts every user of one address together: fresh accounts bring no fresh budget', async () => {
    const limit = createSearchLimit({ cache: new MemoryCache(), perUser: 2, perIp: 5, windowSeconds: 60 })
    const results: string[] = []
    for (let u = 0; u < 4; u++) for (let i = 0; i < 2; i++) results.push(await outcome(limit(`g${u}`, '10.0.0.9')))
    expect(results).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'rate_limited 60', 'rate_limited 60', 'rate_limited 60'])
    // another address is not
    expect(await outcome(limit('g9', '10.0.0.10'))).toBe('ok')
  })

  it('answers unavailable when the cache does not', async () => {
    const cache = new MemoryCache()
    await cache.close()
    cache.incrWindow = () => Promise.reject(new Error('down'))
    const limit = createSearchLimit({ cache, perUser: 2, perIp: 5, windowSeconds: 60 })
    expect(await outcome(limit('u', '10.0.0.1'))).toBe('unavailable 1')
  })
})
