import { describe, expect, it } from 'vitest'
import { UsageError } from '../src/core/operator-errors.js'
import { compare, loadSide } from './compare.js'

const send = (messagesPerSec: number, p99: number, missing = 0) => ({
  messagesPerSec,
  latencyMs: { count: 1, mean: p99 / 2, min: 1, p50: p99 / 2, p90: p99, p99, p999: p99, max: p99 },
  send: { failed: 0 },
  completeness: {
    expected: 100,
    received: 100 - missing,
    missing,
    duplicates: 0,
    outOfOrder: 0,
    lostConnections: 0,
    connectFailures: 0,
  },
  clientCpu: { coresUsed: 0.5 },
})

const files: Record<string, string> = {
  'a.json': JSON.stringify([send(1000, 20), send(1100, 22), send(1050, 21)]),
  'b.json': JSON.stringify([send(1500, 10), send(1600, 21.5), send(1550, 12)]),
  'one.json': JSON.stringify(send(1000, 20)),
  'two.json': JSON.stringify(send(2000, 20, 3)),
  'fanout.json': JSON.stringify({
    gochat: {
      ...send(0, 1),
      send: { failed: 0, ackMs: { p99: 1 } },
      deliveriesPerSec: 5,
      completionMs: { p50: 1, p99: 2, max: 3 },
      setup: { connectsPerSec: 100 },
    },
  }),
  'junk.json': '{"hello": 1}',
  'broken.json': '{',
}
const read = (p: string) => {
  const f = files[p]
  if (f === undefined) throw new Error(`ENOENT ${p}`)
  return f
}
const by = (rows: ReturnType<typeof compare>, figure: string) => rows.find((r) => r.figure === figure)!

describe('bench compare', () => {
  it('gives B as a multiple of A and judges differences against the spread of repeats', () => {
    const rows = compare(loadSide('a.json', read), loadSide('b.json', read))
    const rate = by(rows, 'messagesPerSec')
    expect(rate.a).toEqual({ mean: 1050, min: 1000, max: 1100, runs: 3 })
    expect(rate.ratio).toBe(1.476) // 1550 / 1050
    expect(rate.beyondSpread).toBe(true) // 1500..1600 vs 1000..1100
    expect(rate.verdict).toBe('better')
    const p99 = by(rows, 'p99')
    expect(p99.beyondSpread).toBe(false) // 10..21.5 overlaps 20..22
    expect(p99.verdict).toBe('within noise')
    expect(by(rows, 'missing').verdict).toBe('same')
  })

  it('says when single runs give no spread to judge by, and calls more missing worse only with repeats', () => {
    const rows = compare(loadSide('one.json', read), loadSide('two.json', read))
    expect(by(rows, 'messagesPerSec')).toMatchObject({ ratio: 2, beyondSpread: null, verdict: 'no repeats' })
    expect(by(rows, 'missing').ratio).toBeNull()
    const repeated = compare(loadSide('one.json,one.json', read), loadSide('two.json,two.json', read))
    expect(by(repeated, 'missing').verdict).toBe('worse')
    expect(by(repeated, 'messagesPerSec').verdict).toBe('better')
  })

  it('rejects files that are not bench reports, and mixed benches, as usage errors', () => {
    expect(() => loadSide('junk.json', read)).toThrow(UsageError)
    expect(() => loadSide('broken.json', read)).toThrow(/cannot read broken.json/)
    expect(() => loadSide('missing.json', read)).toThrow(UsageError)
    expect(() => loadSide('one.json,fanout.json', read)).toThrow(/mixes/)
    expect(() => compare(loadSide('one.json', read), loadSide('fanout.json', read))).toThrow(/cannot compare/)
  })
})
