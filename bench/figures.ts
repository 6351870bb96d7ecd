// The named figures of a run: what thresholds test (thresholds.ts), what `bench compare` sets side by side and what
// the JUnit report names. One table per bench, so every consumer spells a figure the same way; the names are known
// before any run (thresholds are parsed first), the values are read from the run.
import type { FanoutRun } from './fanout.js'
import type { SendRun } from './one-to-one.js'
import type { Completeness } from './accounting.js'
import type { LatencySummary } from './stats.js'
import type { Figures } from './thresholds.js'

type Spec<R> = Record<string, { duration?: boolean; of: (r: R) => number }>

const latency = <R>(l: (r: R) => LatencySummary): Spec<R> => ({
  mean: { duration: true, of: (r) => l(r).mean },
  p50: { duration: true, of: (r) => l(r).p50 },
  p90: { duration: true, of: (r) => l(r).p90 },
  p99: { duration: true, of: (r) => l(r).p99 },
  p999: { duration: true, of: (r) => l(r).p999 },
  max: { duration: true, of: (r) => l(r).max },
})

const accounting = <R>(c: (r: R) => Completeness): Spec<R> => ({
  expected: { of: (r) => c(r).expected },
  received: { of: (r) => c(r).received },
  missing: { of: (r) => c(r).missing },
  duplicates: { of: (r) => c(r).duplicates },
  outOfOrder: { of: (r) => c(r).outOfOrder },
  lostConnections: { of: (r) => c(r).lostConnections },
  connectFailures: { of: (r) => c(r).connectFailures },
})

const FANOUT: Spec<FanoutRun> = {
  ...latency((r) => r.latencyMs),
  completionP50: { duration: true, of: (r) => r.completionMs.p50 },
  completionP99: { duration: true, of: (r) => r.completionMs.p99 },
  completionMax: { duration: true, of: (r) => r.completionMs.max },
  ackP99: { duration: true, of: (r) => r.send.ackMs.p99 },
  deliveriesPerSec: { of: (r) => r.deliveriesPerSec },
  connectsPerSec: { of: (r) => r.setup.connectsPerSec },
  ...accounting((r) => r.completeness),
  sendFailures: { of: (r) => r.send.failed },
  clientCores: { of: (r) => r.clientCpu.coresUsed },
}

const SEND: Spec<SendRun> = {
  ...latency((r) => r.latencyMs),
  messagesPerSec: { of: (r) => r.messagesPerSec },
  ...accounting((r) => r.completeness),
  sendFailures: { of: (r) => r.send.failed },
  clientCores: { of: (r) => r.clientCpu.coresUsed },
}

const read = <R>(spec: Spec<R>, run: R | undefined): Figures =>
  Object.fromEntries(
    Object.entries(spec).map(([name, s]) => [name, { value: run === undefined ? 0 : s.of(run), duration: s.duration }]),
  )

/** a fanout run's figures; without a run, their names (values 0), to parse thresholds against */
export const fanoutFigures = (run?: FanoutRun): Figures => read(FANOUT, run)
export const sendFigures = (run?: SendRun): Figures => read(SEND, run)
