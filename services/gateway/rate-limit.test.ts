// Token buckets and the keyed limiter on an injected clock: no waiting, no wall-clock assertions.
import { describe, expect, it } from 'vitest'
import { clientKey, KeyedLimiter, TokenBucket } from './rate-limit.js'

describe('TokenBucket', () => {
  it('allows a burst, then the rate, and says how long to wait', () => {
    const b = new TokenBucket(2, 0, 5)
    for (let i = 0; i < 5; i++) expect(b.take(0)).toBe(true)
    expect(b.take(0)).toBe(false)
    expect(b.waitMs()).toBe(500)
    expect(b.take(499)).toBe(false)
    expect(b.take(500)).toBe(true)
    expect(b.take(10_000_000)).toBe(true) // refills to the burst, not beyond
    for (let i = 0; i < 4; i++) expect(b.take(10_000_000)).toBe(true)
    expect(b.take(10_000_000)).toBe(false)
  })

  it('defaults the burst to one second of the rate', () => {
    const b = new TokenBucket(3, 0)
    expect([b.take(0), b.take(0), b.take(0), b.take(0)]).toEqual([true, true, true, false])
  })
})

describe('KeyedLimiter', () => {
  it('limits each key on its own and answers the wait', () => {
    const l = new KeyedLimiter(1, 2)
    expect([l.take('a', 0), l.take('a', 0)]).toEqual([0, 0])
    expect(l.take('a', 0)).toBe(1000)
    expect(l.take('b', 0)).toBe(0)
    expect(l.take('a', 1000)).toBe(0)
  })

  it('holds at most maxKeys keys, dropping the least recently used', () => {
    const l = new KeyedLimiter(1, 1, 3)
    for (let i = 0; i < 1000; i++) l.take(`ip-${i}`, 0)
    expect(l.size).toBe(3)
    const m = new KeyedLimiter(1, 1, 2)
    m.take('a', 0)
    m.take('b', 0)
    expect(m.take('a', 0)).toBeGreaterThan(0) // a is now most recent
    m.take('c', 0) // evicts b
    expect(m.take('a', 0)).toBeGreaterThan(0) // a is still limited
    expect(m.take('b', 0)).toBe(0) // b starts afresh
  })
})

describe('clientKey', () => {
  it('keys IPv4 as it is, IPv6 by its /64', () => {
    expect(clientKey('10.1.2.3')).toBe('10.1.2.3')
    expect(clientKey('::ffff:127.0.0.1')).toBe('127.0.0.1')
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64')
    expect(clientKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64')
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(clientKey('::1')).toBe('0:0:0:0::/64')
    expect(clientKey(undefined)).toBe('')
  })
})
