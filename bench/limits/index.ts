// `gochat bench limits`: what the infrastructure at hand can do on this machine right now, so gochat's figures
// can be read as fractions of it (same run, same noise). Each probe is bounded in time and cleans up after
// itself; a probe that fails reports its error and the others still run.
import type { GochatConfig } from '../../src/config/index.js'
import { setLogLevel } from '../../src/observability/log.js'
import { kafkaLimits, type KafkaLimits } from './kafka.js'
import { mysqlLimits, type MysqlLimits } from './mysql.js'
import { redisLimits, type RedisLimits } from './redis.js'

export interface LimitsOptions {
  /** per probe (the MySQL probe runs two) */
  seconds: number
  connections: number
  /** messages per transaction / records per Kafka batch */
  batch: number
  log: (text: string) => void
}

type Probe<T> = T | { error: string }

export interface Limits {
  mysql: Probe<MysqlLimits>
  kafka: Probe<KafkaLimits>
  redis: Probe<RedisLimits>
}

/** where a probe goes when the configuration names nothing: the local default ports */
const LOCAL = {
  mysql: 'mysql://root@127.0.0.1:3306/gochat',
  kafka: ['127.0.0.1:9092'],
  redis: 'redis://127.0.0.1:6379',
}

type Cfg = Pick<GochatConfig, 'mysql_url' | 'kafka_brokers' | 'redis_url' | 'partitions' | 'replication_factor'>

async function probe<T>(name: string, log: (t: string) => void, run: () => Promise<T>): Promise<Probe<T>> {
  log(`limits: ${name}…`)
  try {
    return await run()
  } catch (err) {
    return { error: (err as Error).message }
  }
}

export async function runLimits(cfg: Cfg, o: LimitsOptions): Promise<Limits> {
  const ms = o.seconds * 1000
  // the bus driver logs its group joins at info, on stdout, where --json prints the report
  setLogLevel('warn')
  const brokers = cfg.kafka_brokers.length ? cfg.kafka_brokers : LOCAL.kafka
  return {
    mysql: await probe('MariaDB transactions', o.log, () =>
      mysqlLimits(cfg.mysql_url ?? LOCAL.mysql, { connections: o.connections, batch: o.batch, ms }),
    ),
    kafka: await probe('Kafka produce→consume', o.log, () =>
      kafkaLimits({ ...cfg, kafka_brokers: brokers }, { batch: o.batch, lanes: 4, ms }),
    ),
    redis: await probe('Redis pipelined ops', o.log, () =>
      redisLimits(cfg.redis_url ?? LOCAL.redis, { depth: o.batch, lanes: 4, ms }),
    ),
  }
}

const ok = <T>(p: Probe<T>): T | undefined => ('error' in (p as object) ? undefined : (p as T))

/** a rate as fractions of the ceilings it can be compared with (null where a probe failed) */
export function fractions(messagesPerSec: number, l: Limits) {
  const f = (ceiling: number | undefined) => (ceiling ? Math.round((messagesPerSec / ceiling) * 1000) / 1000 : null)
  return {
    ofMysqlSingleTx: f(ok(l.mysql)?.singleTxPerSec),
    ofMysqlBatched: f(ok(l.mysql)?.batchedMessagesPerSec),
    ofKafka: f(ok(l.kafka)?.consumedPerSec),
  }
}

export type Fractions = ReturnType<typeof fractions>

export function limitsRows(l: Limits): string[][] {
  const m = ok(l.mysql)
  const k = ok(l.kafka)
  const r = ok(l.redis)
  const err = (p: unknown) => `failed: ${(p as { error: string }).error}`
  return [
    [
      'MariaDB: 1 message + 1 outbox row per tx',
      m ? `${m.singleTxPerSec} tx/s (${m.connections} connections)` : err(l.mysql),
    ],
    [
      `MariaDB: ${m?.batch ?? '?'} messages + outbox rows per tx`,
      m ? `${m.batchedMessagesPerSec} messages/s` : err(l.mysql),
    ],
    [
      'Kafka produce→consume (acks all)',
      k
        ? `${k.consumedPerSec} records/s (${k.partitions} partitions, batches of ${k.batch}; produced ${k.producedPerSec}/s)`
        : err(l.kafka),
    ],
    ['Redis pipelined INCR', r ? `${r.opsPerSec} ops/s (${r.lanes} × ${r.depth} deep)` : err(l.redis)],
  ]
}

export function fractionRows(what: string, messagesPerSec: number, l: Limits): string[][] {
  const fr = fractions(messagesPerSec, l)
  const x = (v: number | null) => (v === null ? 'n/a' : `${v}×`)
  return [
    [`${what} ÷ MariaDB single-message tx/s`, x(fr.ofMysqlSingleTx)],
    [`${what} ÷ MariaDB batched messages/s`, x(fr.ofMysqlBatched)],
    [`${what} ÷ Kafka records/s`, x(fr.ofKafka)],
  ]
}
