import { describe, expect, it } from 'vitest'
import { Backoff, parseRetryAfter } from './backoff.js'

describe('Backoff (full jitter)', () => {
  it('draws each delay uniformly from [0, min(cap, base·2^n)) and stops growing at the cap', () => {
    const top = new Backoff({ baseMs: 100, capMs: 1000, random: () => 0.999999 })
    expect(Array.from({ length: 6 }, () => top.next())).toEqual([99, 199, 399, 799, 999, 999])
    const bottom = new Backoff({ baseMs: 100, capMs: 1000, random: () => 0 })
    expect(Array.from({ length: 4 }, () => bottom.next())).toEqual([0, 0, 0, 0])
  })

  it('spreads a crowd over the whole window instead of a wave', () => {
    const delays = Array.from({ length: 2000 }, () => {
      const b = new Backoff({ baseMs: 1000, capMs: 8000 })
      b.next()
      b.next()
      return b.next() // the third attempt: window 4 s
    })
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...delays)).toBeLessThan(4000)
    // every quarter of the window gets about a quarter of the crowd
    for (let q = 0; q < 4; q++) {
      const n = delays.filter((d) => d >= q * 1000 && d < (q + 1) * 1000).length
      expect(n).toBeGreaterThan(350)
      expect(n).toBeLessThan(650)
    }
  })

  it('never waits less than Retry-After, and starts over after reset', () => {
    const b = new Backoff({ baseMs: 100, capMs: 1000, random: () => 0.5 })
    expect(b.next(5000)).toBe(5000)
    expect(b.window).toBe(200)
    b.next()
    b.reset()
    expect(b.window).toBe(100)
    expect(b.attempts).toBe(0)
  })

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('3')).toBe(3000)
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10_000)
    expect(parseRetryAfter('soon')).toBeUndefined()
    expect(parseRetryAfter(null)).toBeUndefined()
  })
})
