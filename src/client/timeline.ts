// One conversation's messages as the app sees them: each (conversation, seq) once, in seq order. Live pushes may
// come twice, late, or after a gap (a frame lost while the server did not know where this connection was). A
// message above a gap is held back until a sync from the highest delivered seq says what lies below it; history
// is complete once a sync page says `hasMore: false`, so a gap that sync does not fill is final (a deleted
// message) and never waited on, and a sync never loops.

import type { Message } from './types.js'

export type Source = 'live' | 'sync'

export interface Delivery {
  message: Message
  source: Source
  /** below a seq already delivered: history did not have it when the gap was closed (async persistence lag) */
  late: boolean
}

/** How many seqs below the highest delivered are remembered one by one; anything lower counts as seen. */
const MEMORY = 4096

export class Timeline {
  /** highest seq delivered to the app (or given as the starting point) */
  high: number
  /** the starting point: the app holds everything up to it already */
  private readonly floor: number
  /** messages above a gap, waiting for a sync */
  private held = new Map<number, Message>()
  /** seqs delivered in (high - MEMORY, high] */
  private seen = new Set<number>()

  constructor(
    readonly conversationId: string,
    start = 0,
  ) {
    this.high = this.floor = start
  }

  /** whether a sync is needed: messages wait above a gap */
  get gapped(): boolean {
    return this.held.size > 0
  }

  private has(seq: number): boolean {
    return seq <= this.floor || seq <= this.high - MEMORY || this.seen.has(seq)
  }

  /** A pushed message: delivered now when it follows what was delivered, held when above a gap, dropped if seen. */
  live(m: Message): Delivery[] {
    if (this.has(m.seq) || this.held.has(m.seq)) return []
    if (m.seq > this.high + 1) {
      this.held.set(m.seq, m)
      return []
    }
    return [...this.accept(m, 'live'), ...this.drain(false)]
  }

  /**
   * One page of a sync from `high` (ascending). With `complete` (hasMore false) every held message is released:
   * history had everything below it that exists.
   */
  synced(messages: Message[], complete: boolean): Delivery[] {
    const out: Delivery[] = []
    for (const m of messages) {
      this.held.delete(m.seq)
      if (!this.has(m.seq)) out.push(...this.accept(m, 'sync'))
    }
    out.push(...this.drain(complete))
    return out
  }

  private accept(m: Message, source: Source): Delivery[] {
    const late = m.seq < this.high
    this.seen.add(m.seq)
    if (m.seq > this.high) this.high = m.seq
    if (this.seen.size > MEMORY) for (const s of this.seen) if (s <= this.high - MEMORY) this.seen.delete(s)
    return [{ message: m, source, late }]
  }

  /** Held messages that now follow on (all of them, in order, when the gaps below them are known to be final). */
  private drain(all: boolean): Delivery[] {
    const out: Delivery[] = []
    for (const seq of [...this.held.keys()].sort((a, b) => a - b)) {
      if (seq <= this.high && this.has(seq)) {
        this.held.delete(seq)
        continue
      }
      if (!all && seq !== this.high + 1) break
      const m = this.held.get(seq)!
      this.held.delete(seq)
      out.push(...this.accept(m, 'live'))
    }
    return out
  }
}
