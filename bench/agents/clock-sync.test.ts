import { describe, expect, it } from 'vitest'
import { estimateOffset } from './clock-sync.js'

describe('estimateOffset', () => {
  it('takes the midpoint of the shortest round trip and half of it as the uncertainty', () => {
    // the agent's clock runs 250 ms ahead; one-way delays vary, the 2nd ping had the shortest trip (4 ms)
    const truth = 250
    const pings = [
      { t0: 1000, out: 10, back: 30 },
      { t0: 1100, out: 2, back: 2 },
      { t0: 1200, out: 6, back: 9 },
    ]
    const samples = pings.map((p) => ({ t0: p.t0, t1: p.t0 + p.out + truth, t2: p.t0 + p.out + p.back }))
    const o = estimateOffset(samples)
    expect(o).toEqual({ offsetMs: 250, uncertaintyMs: 2, samples: 3 })
  })

  it('keeps the truth within offset ± uncertainty when the paths are asymmetric', () => {
    const truth = -40
    const o = estimateOffset([{ t0: 0, t1: 9 + truth, t2: 10 }]) // 9 ms out, 1 ms back
    expect(Math.abs(o.offsetMs - truth)).toBeLessThanOrEqual(o.uncertaintyMs)
    expect(o.offsetMs).toBe(-36)
    expect(o.uncertaintyMs).toBe(5)
  })

  it('ignores answers stamped before their ping and fails without any usable sample', () => {
    expect(
      estimateOffset([
        { t0: 10, t1: 0, t2: 5 },
        { t0: 0, t1: 1, t2: 2 },
      ]).samples,
    ).toBe(1)
    expect(() => estimateOffset([])).toThrow(/no clock sample/)
  })
})
