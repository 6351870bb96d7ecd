// One chaos round: a fresh workload on a running cluster, traffic, a fault by name in the middle, the
// recovery, then the check. `gochat chaos` and test/e2e/faults.test.ts run rounds one fault after another.
import type { Cluster } from '../../runtime/cluster.js'
import { toTarget, type ChaosTarget } from './target.js'
import { check, type Verdict } from './check.js'
import { injectFault, type OwnServers } from './faults.js'
import { Workload } from './workload.js'

export interface RoundOptions {
  pairs: number
  groupSize: number
  rate: number
  /** traffic before the fault */
  warmupMs: number
  /** traffic after the fault */
  afterMs: number
  /** time for deliveries still on their way once sending stopped */
  drainMs: number
  /** a killed process is started again after this long (unless the cluster restarts it itself) */
  restartAfterMs: number
  /** clients replace a socket silent this long (see ChaosClient); default: only a close counts */
  silenceMs?: number
}

/** A fault of the caller's own (e.g. a host cut off the network), besides the named ones of faults.ts */
export interface CustomFault {
  name: string
  /** resolves once the fault is over */
  inject(): Promise<void>
}

export const defaultRound: RoundOptions = {
  pairs: 10,
  groupSize: 20,
  rate: 40,
  warmupMs: 3000,
  afterMs: 12_000,
  drainMs: 5000,
  restartAfterMs: 5000,
}

export interface RoundResult extends Verdict {
  fault: string
  /** from the fault's injection until it was over (the process or broker back and serving) */
  faultMs: number
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * `on`: a supervised Cluster, or a target without one (gateways only: the faults of EXTERNAL_FAULTS).
 * `own`: the harness's own servers the cluster uses (needed by redis:restart, mysql:restart and kafka:*)
 */
export async function runRound(
  on: Cluster | ChaosTarget,
  fault: string | CustomFault,
  opts: RoundOptions,
  tag: string,
  own: OwnServers = {},
): Promise<RoundResult> {
  const target = toTarget(on)
  const w = new Workload({
    gateways: target.gatewayUrls,
    adminSecret: target.adminSecret,
    pairs: opts.pairs,
    groupSize: opts.groupSize,
    rate: opts.rate,
    ...(opts.silenceMs ? { silenceMs: opts.silenceMs } : {}),
  })
  try {
    await w.setup(tag)
    w.start()
    await sleep(opts.warmupMs)
    const faultAt = Date.now()
    const recovered = (
      typeof fault === 'string' ? injectFault(target, fault, opts.restartAfterMs, own) : fault.inject()
    ).then(() => Date.now() - faultAt)
    await sleep(opts.afterMs)
    await w.stop()
    const faultMs = await recovered
    await sleep(opts.drainMs)
    const verdict = await check(w, faultAt, faultAt + faultMs)
    return { fault: typeof fault === 'string' ? fault : fault.name, faultMs, ...verdict }
  } finally {
    w.close()
  }
}
