import { describe, expect, it } from 'vitest'
import { parseSince } from './since.js'

const now = Date.parse('2026-11-25T12:00:00Z')

describe('parseSince', () => {
  it('takes a duration back from now', () => {
    expect(parseSince('500ms', now)).toBe(now - 500)
    expect(parseSince('90s', now)).toBe(now - 90_000)
    expect(parseSince('15m', now)).toBe(now - 15 * 60_000)
    expect(parseSince('2h', now)).toBe(now - 2 * 3_600_000)
    expect(parseSince('1d', now)).toBe(now - 86_400_000)
    expect(parseSince('0s', now)).toBe(now)
    expect(parseSince(' 10m ', now)).toBe(now - 600_000)
  })

  it('takes an ISO date or date-time', () => {
    expect(parseSince('2026-11-25T10:00:00Z', now)).toBe(Date.parse('2026-11-25T10:00:00Z'))
    expect(parseSince('2026-11-25T10:00:00.250Z', now)).toBe(Date.parse('2026-11-25T10:00:00.250Z'))
    expect(parseSince('2026-11-25T10:00:00+02:00', now)).toBe(Date.parse('2026-11-25T08:00:00Z'))
    expect(parseSince('2026-11-25T10:00Z', now)).toBe(Date.parse('2026-11-25T10:00:00Z'))
    expect(parseSince('2026-11-25', now)).toBe(Date.parse('2026-11-25T00:00:00Z'))
  })

  it('refuses anything else, naming both forms', () => {
    for (const bad of [
      '',
      'banana',
      '10',
      '90',
      '15 m',
      '-5m',
      '1w',
      'Dec 25',
      '12/25/2026',
      'yesterday',
      '2026-13-45T10:00:00Z',
    ]) {
      expect(() => parseSince(bad, now), bad).toThrow(/neither an ISO time .* nor a duration \(90s, 15m, 2h, 1d\)/)
    }
  })
})
