// One chaos round: a fresh workload on a running cluster, traffic, a fault by name in the middle, the
// recovery, then the check. `gochat chaos` and test/e2e/faults.test.ts run rounds one fault after another.
import type { Cluster } from '../../runtime/cluster.js'
import { check, type Verdict } from './check.js'
import { injectFault } from './faults.js'
import { Workload } from './workload.js'
import type { RedisServer } from './redis-server.js'
import type { KafkaNodes } from '../../infra/kafka-nodes.js'

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

/** `redis`, `kafka`: the harness's own Redis and Kafka, which the cluster uses (needed by redis:restart, kafka:*) */
export async function runRound(
  cluster: Cluster,
  fault: string,
  opts: RoundOptions,
  tag: string,
  redis?: RedisServer,
  kafka?: KafkaNodes,
): Promise<RoundResult> {
  const w = new Workload({
    gateways: cluster.gatewayUrls,
    adminSecret: cluster.adminSecret,
    pairs: opts.pairs,
    groupSize: opts.groupSize,
    rate: opts.rate,
  })
  try {
    await w.setup(tag)
    w.start()
    await sleep(opts.warmupMs)
    const faultAt = Date.now()
    const recovered = injectFault(cluster, fault, opts.restartAfterMs, redis, kafka).then(() => Date.now() - faultAt)
    await sleep(opts.afterMs)
    await w.stop()
    const faultMs = await recovered
    await sleep(opts.drainMs)
    return { fault, faultMs, ...(await check(w, faultAt)) }
  } finally {
    w.close()
  }
}
