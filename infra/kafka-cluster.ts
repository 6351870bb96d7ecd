// `gochat infra up --brokers N`: a replicated local Kafka of N KRaft nodes (KafkaNodes) on fixed ports beside the
// one-node broker of 9092, which it leaves alone: brokers on 29092.., controllers on 29192.., state and logs in
// .gochat/kafka-cluster/node-<id>/. Recorded in infra-state.json as "kafka-cluster" so `infra down` stops it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { kafkaVersion } from './kafka.js'
import { KafkaNodes, nodeLayout } from './kafka-nodes.js'
import { stateDir } from './paths.js'
import { markStarted, markStopped, startedByUs } from './state.js'
import type { ComponentStatus, DownAction, Progress, UpAction } from './types.js'

export const CLUSTER_HOST = '127.0.0.1'
export const CLUSTER_BASE_PORT = 29092
export const CLUSTER_CONTROLLER_BASE_PORT = 29192
const dir = join(stateDir, 'kafka-cluster')
/** how many nodes the state dir was made for: a different --brokers needs `infra down` and a wipe first */
const sizeFile = join(dir, 'nodes')

const recordedSize = (): number | null => (existsSync(sizeFile) ? Number(readFileSync(sizeFile, 'utf8')) : null)

export function localCluster(n: number): KafkaNodes {
  return new KafkaNodes({
    stateDir: dir,
    nodes: nodeLayout(n, CLUSTER_HOST, CLUSTER_BASE_PORT, CLUSTER_CONTROLLER_BASE_PORT),
  })
}

/** the bootstrap list of an n-node local cluster, for --kafka and the context "local-<n>" */
export const clusterBrokers = (n: number) => localCluster(n).brokers.join(',')

export async function kafkaClusterUp(n: number, progress: Progress): Promise<UpAction> {
  if (!Number.isInteger(n) || n < 2 || n > 9)
    throw new Error(`--brokers must be from 2 to 9 (1 is the broker of 9092), got ${n}`)
  const size = recordedSize()
  if (size !== null && size !== n)
    throw new Error(
      `${dir} holds a ${size}-node cluster; \`gochat infra down\` and remove it before starting ${n} nodes`,
    )
  const nodes = localCluster(n)
  if ((await nodes.status()).every((s) => s.pid !== null) && (await nodes.serves(n))) return 'already running'
  progress(
    `starting a ${n}-node Kafka ${kafkaVersion()} cluster on ${nodes.brokers.join(',')} (logs: ${dir}/node-*/kafka.log)`,
  )
  await nodes.start()
  writeFileSync(sizeFile, `${n}\n`)
  markStarted('kafka-cluster', null)
  return 'started'
}

export async function kafkaClusterDown(progress: Progress): Promise<DownAction> {
  const n = recordedSize()
  if (n === null) return 'not running'
  const nodes = localCluster(n)
  if ((await nodes.status()).every((s) => s.pid === null)) {
    markStopped('kafka-cluster')
    return 'not running'
  }
  if (!startedByUs('kafka-cluster')) return 'left running (not started by infra up)'
  progress(`stopping the ${n}-node Kafka cluster`)
  await nodes.stop({ graceful: true })
  markStopped('kafka-cluster')
  return 'stopped'
}

/** one row per node while the cluster is up (or recorded as started), none otherwise */
export async function kafkaClusterStatus(): Promise<ComponentStatus[]> {
  const n = recordedSize()
  if (n === null) return []
  const nodes = localCluster(n)
  const status = await nodes.status()
  if (!startedByUs('kafka-cluster') && status.every((s) => s.pid === null)) return []
  return status.map((s) => ({
    name: `kafka-${s.id}` as const,
    address: s.address,
    url: nodes.brokers.join(','),
    answers: s.answers,
    pid: s.pid,
    startedByUs: startedByUs('kafka-cluster'),
    log: s.log,
    version: kafkaVersion(),
  }))
}
