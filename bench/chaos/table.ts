// The per-fault table of `gochat chaos` (and bench/RESULTS.md).
import type { RoundResult } from './run.js'

export const columns: Array<[string, (r: RoundResult) => string | number]> = [
  ['fault', (r) => r.fault],
  ['acked', (r) => r.acked],
  ['acked missing', (r) => r.ackedMissing],
  ['never live', (r) => r.neverLive],
  ['missed silently', (r) => r.missedSilently],
  ['never live, no resync', (r) => r.neverLiveUntold],
  ['duplicates', (r) => r.duplicates],
  ['app missing/dup/order', (r) => `${r.appMissing}/${r.appDuplicates}/${r.appOutOfOrder}`],
  ['ops (mismatched)', (r) => `${r.operations} (${r.opsMismatched})`],
  ['seq dup/gaps', (r) => `${r.seqDuplicates}/${r.seqGaps}`],
  ['out of order', (r) => r.outOfOrder],
  ['refused', (r) => r.refused],
  ['send errors', (r) => r.sendErrors],
  ['resyncs', (r) => r.resyncs],
  ['recovery s', (r) => (r.recoveryMs / 1000).toFixed(1)],
  ['resumed after back s', (r) => (r.resumedAfterBackMs === null ? '-' : (r.resumedAfterBackMs / 1000).toFixed(1))],
]

/** a Markdown table of the rounds */
export function markdownTable(results: RoundResult[]): string {
  const line = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`
  return [
    line(columns.map((c) => c[0])),
    line(columns.map(() => '---')),
    ...results.map((r) => line(columns.map((c) => c[1](r)))),
  ].join('\n')
}
