// A smoke test of the lean-receive probe (bench/probes/lean-receive.ts): every way receives every frame (a lost frame
// would hang the probe) and yields a CPU figure per frame; no speed is asserted here. Thread CPU is read in clock
// ticks (10 ms), so the burst is big enough for each way to use several (a small one measured 0 on a fast machine).
import { expect, it } from 'vitest'
import { leanReceive } from './lean-receive.js'

it('bursts the same frames through bare ws and the lean library path, round by round', async () => {
  const summary = await leanReceive({ sockets: 3, frames: 20_000, rounds: 2 })
  expect(summary.map((s) => s.way)).toEqual(['bare ws', 'lean'])
  for (const s of summary) {
    expect(s.medianUsPerFrame).toBeGreaterThan(0)
    expect(s.vsBare[0]).toBeGreaterThan(0)
  }
  expect(summary[0]!.vsBare).toEqual([1, 1, 1])
}, 60_000)
