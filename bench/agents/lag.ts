// When an agent that is still alive has fallen behind. Every agent's connections get the same messages (fanout) or
// send at the same rate (send), so their receipts per connection should rise together; an agent whose clients cannot
// keep up (saturated loops, a starved host, a slow link) trails the others, and what it measures is its own
// queueing, not the cluster. Two signs, each against one bound: its heartbeat says its loop or its workers stalled,
// or its receipts per connection are where the leading agent's were long ago.

/** an agent's progress as its heartbeat reported it */
export interface ProgressSample {
  /** when the agent's workers counted, on the coordinator's clock */
  at: number
  /** distinct receipts per open connection */
  perConnection: number
}

/** an agent is ahead of another once it has one more message per connection */
const AHEAD = 1

/**
 * How long ago (ms) the leading agent was first one message per connection ahead of `mine`, if it is now; else 0.
 * `others` are the other agents' samples in the order they came.
 */
export function behindMs(mine: ProgressSample, others: ProgressSample[][]): number {
  let lag = 0
  for (const samples of others) {
    const last = samples.at(-1)
    if (!last || last.perConnection < mine.perConnection + AHEAD) continue
    const first = samples.find((s) => s.perConnection >= mine.perConnection + AHEAD)!
    lag = Math.max(lag, mine.at - first.at)
  }
  return lag
}

/** why an agent has fallen behind by more than `boundMs`, or null */
export function fellBehind(
  stallMs: number,
  mine: ProgressSample | undefined,
  others: ProgressSample[][],
  boundMs: number,
): string | null {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`
  if (stallMs > boundMs) return `fell behind: its event loop or worker threads stalled ${s(stallMs)} (saturated)`
  const lag = mine ? behindMs(mine, others) : 0
  if (lag > boundMs) return `fell behind: its receipts trail the leading agent's by ${s(lag)}`
  return null
}
