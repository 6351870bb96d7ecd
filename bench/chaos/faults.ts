// Faults by name. `kill:<role>` SIGKILLs the first process of the role and starts it again after a while
// (a supervised cluster restarts it by itself); `redis:flush` deletes the deployment's keys (its
// redis_key_prefix) on its Redis; `redis:restart` kills the harness's own Redis (RedisServer) and starts it again
// empty after 2 s; `mysql:restart` SIGKILLs the harness's own MariaDB (MariadbServer) and starts it again on its
// data after 2 s. `kafka:restart` SIGKILLs every node of the harness's own Kafka (KafkaNodes) and starts them again
// (same data) after restartAfterMs; `kafka:kill-broker` SIGKILLs one node of a replicated one (the first partition
// leader of the dispatch topic) and starts it again after restartAfterMs. The promise resolves once the fault is
// over: the process is back, or for kafka:* every node serves again (the cluster lists them all and a group request
// is answered: KafkaNodes.waitReady, asked every 500 ms).
import { Redis } from 'ioredis'
import type { Cluster } from '../../runtime/cluster.js'
import type { MariadbServer } from './mariadb-server.js'
import type { RedisServer } from './redis-server.js'
import type { KafkaNodes } from '../../infra/kafka-nodes.js'
import { EXTERNAL_FAULTS, type ChaosTarget } from './target.js'
import { topicName } from '../../src/config/index.js'
import { withAdmin } from '../../src/ops/kafka/admin.js'
import { describeTopic } from '../../src/ops/kafka/topics.js'

export const FAULTS = [
  'none',
  'kill:task',
  'kill:repo',
  'kill:logic',
  'kill:gateway',
  'redis:flush',
  'redis:restart',
  'mysql:restart',
  'kafka:restart',
  'kafka:kill-broker',
] as const
/** how long a restarted Redis or MariaDB stays down */
const DOWN_MS = 2000

/** servers of the harness's own that the cluster uses, which the `*:restart` faults may kill */
export interface OwnServers {
  redis?: RedisServer
  mysql?: MariadbServer
  kafka?: KafkaNodes
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** the process a `kill:<role>` fault hits: the first of its role */
export function victim(cluster: Cluster, role: string): string {
  const name = [...cluster.procs.keys()].find((n) =>
    role === 'gateway' ? n.startsWith('gw-') : n === role || n.startsWith(`${role}-`),
  )
  if (!name) throw new Error(`no ${role} process in the cluster`)
  return name
}

export async function deleteKeys(redisUrl: string, prefix: string): Promise<number> {
  if (!prefix) throw new Error("redis:flush needs a redis_key_prefix (it deletes that prefix's keys only)")
  const redis = new Redis(redisUrl, { lazyConnect: true })
  await redis.connect()
  let deleted = 0
  try {
    let cursor = '0'
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000)
      if (keys.length) deleted += await redis.del(...keys)
      cursor = next
    } while (cursor !== '0')
  } finally {
    redis.disconnect()
  }
  return deleted
}

export async function injectFault(
  target: ChaosTarget,
  fault: string,
  restartAfterMs: number,
  own: OwnServers = {},
): Promise<void> {
  if (fault === 'none') return
  if (fault === 'redis:flush') {
    if (!target.redis) throw new Error("redis:flush needs the deployment's Redis URL and redis_key_prefix")
    await deleteKeys(target.redis.url, target.redis.keyPrefix)
    return
  }
  const cluster = target.cluster
  if (!cluster)
    throw new Error(`${fault} needs a cluster the run supervises (only ${EXTERNAL_FAULTS.join(' and ')} run without)`)
  if (fault === 'kafka:restart' || fault === 'kafka:kill-broker') {
    const kafka = own.kafka
    if (!kafka) throw new Error(`${fault} needs a Kafka of the harness (gochat chaos --own-kafka N)`)
    if (fault === 'kafka:kill-broker' && kafka.opts.nodes.length < 3)
      throw new Error('kafka:kill-broker needs a replicated Kafka of 3 nodes or more (--own-kafka 3)')
    const ids = fault === 'kafka:restart' ? kafka.opts.nodes.map((n) => n.id) : [await dispatchLeader(cluster, kafka)]
    for (const id of ids) await kafka.kill(id)
    await sleep(restartAfterMs)
    await kafka.startNodes(...ids)
    await kafka.waitReady()
    return
  }
  if (fault === 'redis:restart' || fault === 'mysql:restart') {
    const server = fault === 'redis:restart' ? own.redis : own.mysql
    if (!server) throw new Error(`${fault} needs a server of the harness's own (gochat chaos starts one for it)`)
    await server.down()
    await sleep(DOWN_MS)
    await server.up()
    return
  }
  const kill = /^kill:(task|repo|logic|gateway)$/.exec(fault)
  if (!kill) throw new Error(`unknown fault ${fault} (known: ${FAULTS.join(', ')})`)
  const name = victim(cluster, kill[1]!)
  await cluster.kill(name, 'SIGKILL')
  await sleep(restartAfterMs)
  await cluster.ensureRunning(name)
}

/** the node leading partition 0 of the cluster's dispatch topic: killing it moves a leader every send uses */
export async function dispatchLeader(cluster: Cluster, kafka: KafkaNodes): Promise<number> {
  const topic = topicName({ topic_prefix: cluster.opts.topicPrefix }, 'messages.dispatch')
  const d = await withAdmin({ kafka_brokers: kafka.brokers, log_level: 'warn' }, (h) => describeTopic(h, topic))
  const leader = d?.partitions.find((p) => p.partition === 0)?.leader
  if (leader === undefined || leader < 0) throw new Error(`no leader for ${topic} partition 0`)
  return leader
}
