// `gochat infra up|down|status`: MariaDB, Redis, Kafka and S3Proxy for development and CI, on their documented local
// addresses (127.0.0.1:3306, :6379, :9092, :9310). Each function returns a plain data object; the commands print it.
import { existsSync } from 'node:fs'
import { ensureLibs, kafkaDown, kafkaStatus, kafkaUp } from './kafka.js'
import {
  CLUSTER_BASE_PORT,
  CLUSTER_HOST,
  kafkaClusterDown,
  kafkaClusterStatus,
  kafkaClusterUp,
} from './kafka-cluster.js'
import { MYSQL_DATABASE, mysqlDown, mysqlStatus, mysqlUp } from './mysql.js'
import { stateFile } from './paths.js'
import { redisDown, redisStatus, redisUp } from './redis.js'
import { S3_HOST, S3_PORT, s3proxyDown, s3proxyStatus, s3proxyUp } from './s3proxy.js'
import {
  REDIS_CLUSTER_HOST,
  REDIS_CLUSTER_PORTS,
  redisClusterDown,
  redisClusterStatus,
  redisClusterUp,
} from './redis-cluster.js'
import type {
  ComponentName,
  ComponentStatus,
  DownAction,
  DownResult,
  Progress,
  StatusResult,
  UpAction,
  UpResult,
} from './types.js'

export type * from './types.js'

const silent: Progress = () => undefined
const addresses: Record<ComponentName, string> = {
  kafka: '127.0.0.1:9092',
  'kafka-cluster': `${CLUSTER_HOST}:${CLUSTER_BASE_PORT}..`,
  mysql: '127.0.0.1:3306',
  redis: '127.0.0.1:6379',
  'redis-cluster': `${REDIS_CLUSTER_HOST}:${REDIS_CLUSTER_PORTS.join(',')}`,
  s3: `${S3_HOST}:${S3_PORT}`,
}

const components: Record<
  Exclude<ComponentName, 'kafka-cluster' | 'redis-cluster'>,
  {
    up: (p: Progress) => Promise<UpAction>
    down: (p: Progress) => Promise<DownAction>
    status: () => Promise<ComponentStatus>
  }
> = {
  mysql: { up: mysqlUp, down: mysqlDown, status: mysqlStatus },
  redis: { up: redisUp, down: redisDown, status: redisStatus },
  kafka: { up: kafkaUp, down: kafkaDown, status: kafkaStatus },
  s3: { up: s3proxyUp, down: s3proxyDown, status: s3proxyStatus },
}

/** a log path only where there is a file (a broker run from another checkout logs elsewhere) */
const withExistingLog = (s: ComponentStatus): ComponentStatus => ({
  ...s,
  log: s.log && existsSync(s.log) ? s.log : null,
})

/**
 * Idempotent: uses what already answers, starts the rest, creates the gochat database. With brokers > 1, Kafka is
 * an N-node cluster on 29092.. instead of the one broker of 9092 (which is left as it is). With redisCluster, a
 * three-master Redis Cluster on 7001–7003 besides (the Redis of 6379 is brought up as always).
 */
export async function infraUp(
  progress: Progress = silent,
  opts: { brokers?: number; redisCluster?: boolean } = {},
): Promise<UpResult> {
  const start = Date.now()
  const brokers = opts.brokers ?? 1
  // MariaDB and Redis start in a second; Kafka (possibly a Maven download first) is the slow one, so all three
  // are brought up at the same time
  const names = ['kafka', 'mysql', 'redis', 's3', ...(opts.redisCluster ? (['redis-cluster'] as const) : [])] as const
  const up = (name: (typeof names)[number]) =>
    name === 'redis-cluster'
      ? redisClusterUp(progress)
      : name === 'kafka' && brokers > 1
        ? ensureLibs(progress).then(() => kafkaClusterUp(brokers, progress))
        : components[name].up(progress)
  const settled = await Promise.allSettled(
    names.map(async (name) => {
      const t = Date.now()
      const action = await up(name)
      return { action, ms: Date.now() - t }
    }),
  )
  const failures = settled.flatMap((s, i) =>
    s.status === 'rejected' ? [`${names[i]}: ${(s.reason as Error).message}`] : [],
  )
  if (failures.length) throw new Error(failures.join('\n'))
  const statuses = await Promise.all((['kafka', 'mysql', 'redis', 's3'] as const).map((n) => components[n].status()))
  const kafkaRows = brokers > 1 ? await kafkaClusterStatus() : [statuses[0]!]
  const redisClusterRows = opts.redisCluster ? await redisClusterStatus() : []
  const result = (i: number) => (settled[i] as PromiseFulfilledResult<{ action: UpAction; ms: number }>).value
  return {
    components: [
      ...kafkaRows.map((s) => ({ ...s, ...result(0) })),
      ...statuses.slice(1).map((s, i) => ({ ...s, ...result(i + 1) })),
      ...redisClusterRows.map((s) => ({ ...s, ...result(4) })),
    ].map((s) => ({ ...withExistingLog(s), action: s.action, ms: s.ms })),
    database: MYSQL_DATABASE,
    ms: Date.now() - start,
  }
}

/** Stops only what `infraUp` started (recorded in .gochat/infra-state.json); everything else is left alone. */
export async function infraDown(progress: Progress = silent): Promise<DownResult> {
  const out: DownResult['components'] = []
  for (const name of ['kafka', 'kafka-cluster', 'redis', 'redis-cluster', 's3', 'mysql'] as const) {
    const t = Date.now()
    const action =
      name === 'kafka-cluster'
        ? await kafkaClusterDown(progress)
        : name === 'redis-cluster'
          ? await redisClusterDown(progress)
          : await components[name].down(progress)
    out.push({ name, address: addresses[name], action, ms: Date.now() - t })
  }
  return { components: out }
}

export async function infraStatus(): Promise<StatusResult> {
  const statuses = await Promise.all((['kafka', 'mysql', 'redis', 's3'] as const).map((n) => components[n].status()))
  const [nodes, redisNodes] = await Promise.all([kafkaClusterStatus(), redisClusterStatus()])
  return { components: [statuses[0]!, ...nodes, ...statuses.slice(1), ...redisNodes].map(withExistingLog), stateFile }
}
