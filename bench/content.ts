// What a benchmark message carries in its `content`: the run id (so stray messages of other runs are ignored),
// the message index (0 is the warm-up) and the send timestamp, padded to the requested payload size.
export interface BenchContent {
  /** run id */
  r: string
  /** message index: 0 = warm-up, 1..M = measured */
  i: number
  /** send time, epoch ms with fractions (clock.ts) */
  t: number
}

export function encodeContent(run: string, index: number, sentAt: number, payloadBytes: number): string {
  const bare = JSON.stringify({ r: run, i: index, t: sentAt, p: '' })
  // pad so that every message of a run has (at least) the same size whatever its index or timestamp
  const pad = Math.max(0, payloadBytes - bare.length)
  return JSON.stringify({ r: run, i: index, t: sentAt, p: 'x'.repeat(pad) })
}

/** undefined for anything that is not a message of this run (events, other runs, other clients' traffic) */
export function decodeContent(content: string, run: string): BenchContent | undefined {
  if (!content.startsWith('{"r":')) return undefined
  try {
    const c = JSON.parse(content) as Partial<BenchContent>
    if (c.r !== run || typeof c.i !== 'number' || typeof c.t !== 'number') return undefined
    return { r: c.r, i: c.i, t: c.t }
  } catch {
    return undefined
  }
}
