// The result of a run's client workers as one (local threads or remote agents alike): counts summed, HDR
// histograms added bucket by bucket.
import { addTallies, emptyArrivals, emptyTally, mergeArrivals, type IndexArrivals, type Tally } from './accounting.js'
import type { AgentsReport } from './agents/rows.js'
import { LatencyRecorder } from './stats.js'
import type { WorkerResult } from './worker-protocol.js'

export interface MergedResult {
  tally: Tally
  arrivals: IndexArrivals
  latencies: LatencyRecorder
  lost: number
  sent: number
  sendErrors: number
  /** measured deliveries in each second of the measured phase */
  perSecond: number[]
  /** the client processes' CPU since `mark` (0 when the workers are this process's threads, counted in its own) */
  childProcessCpuMs: number
  /** a distributed run's per-agent rows (agents/report.ts) */
  agents?: AgentsReport
  workers: Array<{
    eventLoopUtilization: number
    peakEventLoopUtilization: number
    cpuMs: number | null
    elapsedMs: number
  }>
}

/** Sums two count arrays element by element (per-second counts from one origin, per-index counts), to the longer one. */
export function addCounts(a: number[], b: number[]): number[] {
  return Array.from({ length: Math.max(a.length, b.length) }, (_, i) => (a[i] ?? 0) + (b[i] ?? 0))
}

/** The workers' results as one: counts summed, HDR histograms added bucket by bucket (exact, not averaged). */
export function mergeResults(results: WorkerResult[]): MergedResult {
  const latencies = new LatencyRecorder()
  for (const r of results) latencies.add(r.latencies)
  return {
    tally: results.reduce((t, r) => addTallies(t, r.tally), emptyTally()),
    arrivals: results.length ? results.map((r) => r.arrivals).reduce((a, b) => mergeArrivals(a, b)) : emptyArrivals(0),
    latencies,
    lost: results.reduce((n, r) => n + r.lost, 0),
    sent: results.reduce((n, r) => n + r.sent, 0),
    sendErrors: results.reduce((n, r) => n + r.sendErrors, 0),
    childProcessCpuMs: results.reduce((n, r) => n + (r.processCpuMs ?? 0), 0),
    workers: results.map((r) => ({
      eventLoopUtilization: r.eventLoopUtilization,
      peakEventLoopUtilization: r.peakEventLoopUtilization,
      cpuMs: r.cpuMs,
      elapsedMs: r.elapsedMs,
    })),
    perSecond: results.map((r) => r.perSecond).reduce(addCounts, []),
  }
}
