import { describe, expect, it } from 'vitest'
import { renderSoak, slopePerSec, soakSummary, type MemorySample } from './soak.js'

describe('soak summary', () => {
  it('fits the slope after the warm-up and turns it into KB per message', () => {
    expect(
      slopePerSec([
        [0, 0],
        [1000, 10],
      ]),
    ).toBeNull()
    expect(
      slopePerSec([
        [0, 5],
        [1000, 15],
        [2000, 25],
      ]),
    ).toBeCloseTo(10)
    // 100 MB in the first minute, then 1 KB/s more at 100 messages/s: 0.01 KB per message
    const samples: MemorySample[] = [{ atMs: 0, rssBytes: 50e6, heapUsedBytes: 20e6 }]
    for (let t = 60_000; t <= 300_000; t += 5_000)
      samples.push({ atMs: t, rssBytes: 150e6 + (t - 60_000) * 1.024, heapUsedBytes: 60e6 })
    const s = soakSummary(samples, 100)
    expect(s.rssKbPerMessage).toBeCloseTo(0.01)
    expect(s.heapKbPerMessage).toBeCloseTo(0)
    expect(renderSoak(s)).toContain('KB per message')
    expect(soakSummary(samples.slice(0, 2), 100).rssKbPerMessage).toBeNull()
  })
})
