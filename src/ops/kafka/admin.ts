// The kafkajs admin client for operator tools (`gochat topics …`, `gochat groups …`, `gochat dlq …`, the benchmarks):
// connected within a bounded wait, with a dead broker reported as one clear operator error. The operations are in
// topics.ts and groups.ts; every one returns plain data, and rendering is the commands' business.
import kafkajs, { type Admin, type Kafka } from 'kafkajs'
import { UnreachableError, UsageError } from '../../core/operator-errors.js'
import type { GochatConfig } from '../../config/index.js'
import { createKafka } from '../../drivers/kafka/client.js'

const { logLevel } = kafkajs

export interface AdminHandle {
  kafka: Kafka
  admin: Admin
  brokers: string[]
}

const CONNECT_TIMEOUT_MS = 10_000

const unreachable = (brokers: string[], why: string) =>
  new UnreachableError(
    `Kafka at ${brokers.join(',')} ${why}`,
    'start it with `gochat infra up` (see `gochat infra status`), or point --kafka / GOCHAT_KAFKA_BROKERS at a running broker',
  )

// kafkajs reports a dead broker under several names, sometimes wrapped in a retry error.
function isConnectionError(err: unknown): boolean {
  const e = err as { name?: string; originalError?: unknown } | null
  if (!e) return false
  if (
    [
      'KafkaJSConnectionError',
      'KafkaJSBrokerNotFound',
      'KafkaJSRequestTimeoutError',
      'KafkaJSConnectionClosedError',
    ].includes(e.name ?? '')
  )
    return true
  return e.name === 'KafkaJSNumberOfRetriesExceeded' && isConnectionError(e.originalError)
}

/** For commands that only make sense on a real broker: the embedded bus lives inside one process. */
export const needsKafka = () =>
  new UsageError(
    'this command needs Kafka, and none is configured (the embedded bus lives inside a running gochat and cannot be looked at from outside)',
    'pass --kafka host:port or set GOCHAT_KAFKA_BROKERS, e.g. --kafka 127.0.0.1:9092 after `gochat infra up`',
  )

/** Connects within a bounded wait: kafkajs alone would retry with backoff for much longer. */
export async function openAdmin(
  cfg: Pick<GochatConfig, 'kafka_brokers' | 'log_level'>,
  timeoutMs = CONNECT_TIMEOUT_MS,
): Promise<AdminHandle> {
  const brokers = cfg.kafka_brokers
  if (brokers.length === 0) {
    throw needsKafka()
  }
  // Failures surface as one clear error from here; kafkajs' own per-retry log lines would only be noise.
  const kafka = createKafka(brokers, 'gochat-admin', {
    logLevel: cfg.log_level === 'debug' ? logLevel.WARN : logLevel.NOTHING,
  })
  const admin = kafka.admin()
  let timer: NodeJS.Timeout | undefined
  const connecting = admin.connect()
  connecting.catch(() => {}) // if the timeout wins, the late rejection must not become an unhandled one
  try {
    await Promise.race([
      connecting,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(unreachable(brokers, `did not answer within ${timeoutMs / 1000}s`)), timeoutMs)
      }),
    ])
  } catch (err) {
    void admin.disconnect().catch(() => {})
    if (err instanceof UnreachableError) throw err
    throw unreachable(brokers, `did not answer (${(err as Error).message})`)
  } finally {
    clearTimeout(timer)
  }
  return { kafka, admin, brokers }
}

/** Opens, runs, always disconnects; a broker lost midway becomes an UnreachableError too. */
export async function withAdmin<T>(
  cfg: Pick<GochatConfig, 'kafka_brokers' | 'log_level'>,
  fn: (h: AdminHandle) => Promise<T>,
): Promise<T> {
  const h = await openAdmin(cfg)
  try {
    return await fn(h)
  } catch (err) {
    if (isConnectionError(err)) throw unreachable(h.brokers, `stopped answering (${(err as Error).message})`)
    throw err
  } finally {
    await h.admin.disconnect().catch(() => {})
  }
}
