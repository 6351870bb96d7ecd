import { describe, expect, it } from 'vitest'
import { LatencyRecorder, nearestRank, summarizeSmall } from './stats.js'

describe('latency statistics', () => {
  it('gives ordered percentiles within 0.1% of the exact values', () => {
    const r = new LatencyRecorder()
    for (let i = 1; i <= 10_000; i++) r.record(i / 10) // 0.1 … 1000 ms
    const s = r.summary()
    expect(s.count).toBe(10_000)
    expect(s.p50).toBeCloseTo(500, -1)
    expect(Math.abs(s.p99 - 990) / 990).toBeLessThan(0.001)
    expect(s.max).toBe(1000)
    expect(s.min).toBe(0.1)
    expect(s.p50).toBeLessThanOrEqual(s.p90)
    expect(s.p90).toBeLessThanOrEqual(s.p99)
    expect(s.p99).toBeLessThanOrEqual(s.p999)
    expect(s.p999).toBeLessThanOrEqual(s.max)
  })

  it('never reports a percentile above the true maximum (HDR buckets round up)', () => {
    const r = new LatencyRecorder()
    r.record(137)
    r.record(137)
    expect(r.summary().p999).toBeLessThanOrEqual(137)
    expect(r.summary().max).toBe(137)
  })

  it('merges recorders through their encoding, as the workers do', () => {
    const a = new LatencyRecorder()
    const b = new LatencyRecorder()
    for (let i = 0; i < 100; i++) a.record(1)
    for (let i = 0; i < 100; i++) b.record(100)
    const all = new LatencyRecorder()
    all.add(a.encode())
    all.add(b.encode())
    all.add(new LatencyRecorder().encode()) // an idle worker
    expect(all.count).toBe(200)
    expect(all.summary().min).toBe(1)
    expect(all.summary().max).toBe(100)
    expect(all.at(25)).toBeCloseTo(1, 2)
    expect(all.at(75)).toBeCloseTo(100, 0)
  })

  it('summarises an empty run as zeros and an empty CDF', () => {
    const r = new LatencyRecorder()
    expect(r.summary()).toMatchObject({ count: 0, p50: 0, max: 0 })
    expect(r.cdf()).toEqual([])
  })

  it('builds a monotone CDF ending at the maximum', () => {
    const r = new LatencyRecorder()
    for (let i = 1; i <= 1000; i++) r.record(i)
    const cdf = r.cdf()
    expect(cdf[0]).toEqual([0, 1])
    expect(cdf.at(-1)).toEqual([100, 1000])
    for (let k = 1; k < cdf.length; k++) {
      expect(cdf[k]![0]).toBeGreaterThan(cdf[k - 1]![0])
      expect(cdf[k]![1]).toBeGreaterThanOrEqual(cdf[k - 1]![1])
    }
  })

  it('uses nearest-rank percentiles for per-message figures', () => {
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)).toBe(5)
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 99)).toBe(10)
    expect(nearestRank([], 50)).toBe(0)
    expect(summarizeSmall([30, 10, 20])).toEqual({ count: 3, p50: 20, p99: 30, max: 30 })
  })
})
