import { describe, expect, it } from 'vitest'
import { behindMs, fellBehind, type ProgressSample } from './lag.js'

/** an agent beating every 500 ms from t = 0 with these receipts per connection */
const beats = (...perConnection: number[]): ProgressSample[] =>
  perConnection.map((p, k) => ({ at: k * 500, perConnection: p }))

describe('an agent falling behind', () => {
  it('is not behind while it keeps within one message of the leader, nor when all have stopped together', () => {
    const leader = beats(1, 6, 11, 16, 21)
    expect(behindMs({ at: 2000, perConnection: 20.5 }, [leader])).toBe(0)
    // the end of a run: everyone at the last message for a long time
    const done = beats(21, 21, 21, 21, 21, 21, 21, 21)
    expect(behindMs({ at: 3500, perConnection: 21 }, [done])).toBe(0)
  })

  it('is as far behind as the leader was first one message ahead of where it is now', () => {
    // the leader passed 7 at 1000 ms; at 4000 ms this agent is still at 6
    const leader = beats(1, 5, 9, 13, 17, 21, 25, 29, 33)
    expect(behindMs({ at: 4000, perConnection: 6 }, [leader])).toBe(3000)
    // the furthest-ahead of several is the one that counts
    expect(behindMs({ at: 4000, perConnection: 6 }, [beats(1, 2, 3, 4, 5, 6, 7, 8, 9), leader])).toBe(3000)
  })

  it('names the reason past the bound: a stalled loop first, else its receipts trailing', () => {
    const leader = beats(1, 5, 9, 13, 17, 21, 25, 29, 33)
    const mine = { at: 4000, perConnection: 6 }
    expect(fellBehind(0, mine, [leader], 5000)).toBeNull()
    expect(fellBehind(0, mine, [leader], 2000)).toBe("fell behind: its receipts trail the leading agent's by 3.0 s")
    expect(fellBehind(6200, mine, [leader], 5000)).toBe(
      'fell behind: its event loop or worker threads stalled 6.2 s (saturated)',
    )
    // before any count came back, only a stall says anything
    expect(fellBehind(100, undefined, [leader], 2000)).toBeNull()
  })
})
