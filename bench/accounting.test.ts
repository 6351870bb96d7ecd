import { describe, expect, it } from 'vitest'
import { ConnectionTally, addTallies, completions, emptyArrivals, mergeArrivals, recordArrival } from './accounting.js'
import { decodeContent, encodeContent } from './content.js'

describe('delivery accounting', () => {
  it('counts each message once and the repeats as duplicates', () => {
    const t = new ConnectionTally()
    expect(t.record(1, 11)).toBe(true)
    expect(t.record(1, 11)).toBe(false)
    expect(t.record(2, 12)).toBe(true)
    expect(t.tally(2)).toEqual({ received: 2, duplicates: 1, outOfOrder: 0, missing: 0 })
  })

  it('counts a lower seq after a higher one as out of order, and a gap as missing', () => {
    const t = new ConnectionTally()
    t.record(0, 10) // warm-up
    t.record(1, 11)
    t.record(3, 13)
    t.record(2, 12) // late
    expect(t.tally(4)).toEqual({ received: 3, duplicates: 0, outOfOrder: 1, missing: 1 })
  })

  it('keeps the warm-up message out of the figures', () => {
    const t = new ConnectionTally()
    t.record(0, 5)
    t.record(0, 5)
    expect(t.tally(2)).toEqual({ received: 0, duplicates: 0, outOfOrder: 0, missing: 2 })
  })

  it('sums tallies over connections and workers', () => {
    const a = { received: 3, duplicates: 1, outOfOrder: 0, missing: 1 }
    const b = { received: 4, duplicates: 0, outOfOrder: 2, missing: 0 }
    expect(addTallies(a, b)).toEqual({ received: 7, duplicates: 1, outOfOrder: 2, missing: 1 })
  })

  it('derives per-message fanout completion from the last arrival over all workers', () => {
    const w1 = emptyArrivals(2)
    const w2 = emptyArrivals(2)
    recordArrival(w1, 1, 1010)
    recordArrival(w2, 1, 1030)
    recordArrival(w1, 2, 2005)
    recordArrival(w1, 9, 1) // out of range: ignored
    const merged = mergeArrivals(w1, w2)
    expect(merged.count).toEqual([0, 2, 1])
    const done = completions([NaN, 1000, 2000], merged, 2)
    expect(done).toEqual([
      { index: 1, ms: 30, received: 2, complete: true },
      { index: 2, ms: 5, received: 1, complete: false },
    ])
  })

  it('gives no completion time to a message nobody received', () => {
    const done = completions([0, 1000], emptyArrivals(1), 3)
    expect(done).toEqual([{ index: 1, ms: null, received: 0, complete: false }])
  })
})

describe('message content', () => {
  it('round-trips run, index and timestamp, padded to the payload size', () => {
    const text = encodeContent('abcd', 7, 1700000000123.456, 200)
    expect(text.length).toBe(200)
    expect(decodeContent(text, 'abcd')).toEqual({ r: 'abcd', i: 7, t: 1700000000123.456 })
  })

  it('ignores other runs and foreign content', () => {
    expect(decodeContent(encodeContent('abcd', 1, 1, 50), 'other')).toBeUndefined()
    expect(decodeContent('hello', 'abcd')).toBeUndefined()
    expect(decodeContent('{"r":broken', 'abcd')).toBeUndefined()
  })
})
