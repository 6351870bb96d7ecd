// Delivery accounting, per receiving connection and then summed: what arrived once, twice, out of seq order,
// or not at all. Kept free of I/O so that it is unit-tested on its own and runs unchanged inside the workers.

export interface Tally {
  /** distinct measured messages received */
  received: number
  /** a measured message (same index) received again on the same connection */
  duplicates: number
  /** a measured message whose seq is lower than one the connection already had */
  outOfOrder: number
  /** measured messages the connection never got */
  missing: number
}

export const emptyTally = (): Tally => ({ received: 0, duplicates: 0, outOfOrder: 0, missing: 0 })

export function addTallies(a: Tally, b: Tally): Tally {
  return {
    received: a.received + b.received,
    duplicates: a.duplicates + b.duplicates,
    outOfOrder: a.outOfOrder + b.outOfOrder,
    missing: a.missing + b.missing,
  }
}

/** One connection's view. Index 0 is the warm-up: it moves the seq watermark but is not counted. */
export class ConnectionTally {
  private readonly seen = new Set<number>()
  private highestSeq = -Infinity
  duplicates = 0
  outOfOrder = 0

  /** true when this is the first copy of the message on this connection */
  record(index: number, seq: number): boolean {
    if (this.seen.has(index)) {
      if (index > 0) this.duplicates++
      return false
    }
    this.seen.add(index)
    if (seq < this.highestSeq) {
      if (index > 0) this.outOfOrder++
    } else {
      this.highestSeq = seq
    }
    return true
  }

  has(index: number): boolean {
    return this.seen.has(index)
  }

  /** the highest seq recorded (0 before any): where a sync after `resync` starts */
  get lastSeq(): number {
    return Math.max(0, this.highestSeq)
  }

  /** measured messages 1..messages */
  tally(messages: number): Tally {
    let received = 0
    for (let i = 1; i <= messages; i++) if (this.seen.has(i)) received++
    return { received, duplicates: this.duplicates, outOfOrder: this.outOfOrder, missing: messages - received }
  }
}

/** Per message index: how many connections have it and when the first and last copy arrived. */
export interface IndexArrivals {
  count: number[]
  first: number[]
  last: number[]
}

export const emptyArrivals = (messages: number): IndexArrivals => ({
  count: Array<number>(messages + 1).fill(0),
  first: Array<number>(messages + 1).fill(Infinity),
  last: Array<number>(messages + 1).fill(-Infinity),
})

export function recordArrival(a: IndexArrivals, index: number, at: number): void {
  if (index < 0 || index >= a.count.length) return
  a.count[index]!++
  if (at < a.first[index]!) a.first[index] = at
  if (at > a.last[index]!) a.last[index] = at
}

export function mergeArrivals(a: IndexArrivals, b: IndexArrivals): IndexArrivals {
  return {
    count: a.count.map((c, i) => c + (b.count[i] ?? 0)),
    first: a.first.map((f, i) => Math.min(f, b.first[i] ?? Infinity)),
    last: a.last.map((l, i) => Math.max(l, b.last[i] ?? -Infinity)),
  }
}

export interface MessageCompletion {
  index: number
  /** ms from send to the last online member's copy (to the last copy that came, when incomplete) */
  ms: number | null
  received: number
  complete: boolean
}

/** Fanout completion of every measured message, from its send time and the arrivals over all workers. */
export function completions(
  sentAt: number[],
  arrivals: IndexArrivals,
  expectedPerMessage: number,
): MessageCompletion[] {
  const out: MessageCompletion[] = []
  for (let i = 1; i < arrivals.count.length; i++) {
    const received = arrivals.count[i]!
    const sent = sentAt[i]
    const ms = sent === undefined || received === 0 ? null : Math.round((arrivals.last[i]! - sent) * 1000) / 1000
    out.push({ index: i, ms, received, complete: received >= expectedPerMessage })
  }
  return out
}

/** What a run delivered against what it should have: the verdict every bench prints. */
export interface Completeness {
  /** receiving connections × measured messages */
  expected: number
  received: number
  duplicates: number
  outOfOrder: number
  missing: number
  /** receiving connections that dropped during the run */
  lostConnections: number
  connectFailures: number
  complete: boolean
}

export function completeness(
  tally: Tally,
  expected: number,
  lostConnections: number,
  connectFailures: number,
): Completeness {
  return {
    expected,
    received: tally.received,
    duplicates: tally.duplicates,
    outOfOrder: tally.outOfOrder,
    missing: tally.missing,
    lostConnections,
    connectFailures,
    complete: tally.missing === 0 && tally.received === expected && connectFailures === 0,
  }
}
