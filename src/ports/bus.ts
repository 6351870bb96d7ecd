// The bus port: what every role needs from a message bus. Two drivers implement it: Kafka (kafkajs) and an
// in-process bus with the same semantics (src/drivers/memory/bus.ts). One contract suite runs against both.

export interface BusRecord {
  topic: string
  partition: number
  /** offset within the partition, as a decimal string (Kafka offsets are 64-bit) */
  offset: string
  key: string | null
  value: Buffer
  headers: Record<string, string>
  /** epoch milliseconds when the record was produced */
  timestamp: number
}

export interface OutgoingRecord {
  /** records with the same key go to the same partition, in order */
  key?: string | null
  value: Buffer | string
  headers?: Record<string, string>
}

export interface TopicSpec {
  name: string
  partitions: number
  replicationFactor: number
  configs?: Record<string, string>
}

export interface ConsumeOptions {
  groupId: string
  topics: string[]
  /** where a group with no committed offset starts; default: latest */
  fromBeginning?: boolean
  /**
   * Receives records of one partition in offset order. The batch's offsets are committed only after the
   * promise resolves; if it rejects, the same records are delivered again after a short pause (the partition
   * waits, other partitions go on), or after `retryAfterMs` when the rejection carries one (see retryAfterOf).
   * Bounded retries and dead letters are the caller's (src/messaging/consumer.ts).
   */
  eachBatch: (records: BusRecord[]) => Promise<void>
  /**
   * Called when the subscription consumes again after it lost the bus (Kafka: its consumer crashed, as when every
   * broker went away, rejoined its group and fetched once, so its start offsets are resolved). A group that starts from "latest" may have skipped what was
   * published meanwhile to a partition it had no committed offset on: a consumer that cannot afford that silently
   * says so here (the gateway tells its sockets to resync).
   */
  onResumed?: () => void
}

/** the pause a rejected batch asks for (a non-negative `retryAfterMs` on the error), else undefined */
export function retryAfterOf(err: unknown): number | undefined {
  const ms = (err as { retryAfterMs?: unknown } | null)?.retryAfterMs
  return typeof ms === 'number' && Number.isFinite(ms) && ms >= 0 ? ms : undefined
}

/**
 * publish() rejects with this when the bus refused the records for a reason that passes (brokers down or still
 * starting, leaders being elected, not enough in-sync replicas, a timeout): nothing is wrong with the records and
 * the same publish succeeds later. A consumer whose output meets it waits in place (its partition paused, the same
 * records again after a backoff) instead of treating its records as failed: a retry or dead-letter topic is on the
 * same bus, and giving records up during an outage would drop what was acknowledged.
 */
export class BusUnavailable extends Error {
  override name = 'BusUnavailable'
  constructor(override readonly cause: unknown) {
    super(`the bus refused the records for now: ${cause instanceof Error ? cause.message : String(cause)}`)
  }
}

export interface Subscription {
  /** leaves the group after the batch in hand is done and committed */
  stop(): Promise<void>
}

export interface Bus {
  readonly kind: 'kafka' | 'memory'
  /** resolves when the bus answers (Kafka: a metadata round trip to a broker); readiness probes it */
  ping(): Promise<void>
  /** creates missing topics; returns the names it created */
  ensureTopics(specs: TopicSpec[]): Promise<string[]>
  /** resolves once the records are durably accepted (Kafka: acks from all in-sync replicas) */
  publish(topic: string, records: OutgoingRecord[]): Promise<void>
  subscribe(opts: ConsumeOptions): Promise<Subscription>
  close(): Promise<void>
}
