// The Kafka driver of the bus port (kafkajs). One shared producer per bus; one kafkajs consumer per subscription.
// Offsets are committed by hand, only after the handler resolved, gathered for commitIntervalMs
// (pending-commits.ts). A failed batch pauses its partition, seeks back to the batch's first record and resumes
// after a backoff (or the pause the handler's error asks for), so the same records come again while the
// consumer's other partitions keep flowing. After each batch the partition's lag (high watermark − next offset)
// goes to gochat_kafka_consumer_lag{group,topic,partition}. A publish that Kafka refuses for now (down, electing
// leaders, too few in-sync replicas, once kafkajs's retries are spent) rejects with BusUnavailable
// (publish-errors.ts), so that consumers wait for it instead of giving their records up.
import {
  Partitioners,
  type Admin,
  type Consumer,
  type EachBatchPayload,
  type IHeaders,
  type Kafka,
  type KafkaMessage,
  type Producer,
} from 'kafkajs'
import {
  retryAfterOf,
  type Bus,
  type BusRecord,
  type ConsumeOptions,
  type OutgoingRecord,
  type Subscription,
  type TopicSpec,
} from '../../ports/bus.js'
import { log } from '../../observability/log.js'
import { kafkaConsumerLag } from '../../observability/metrics.js'
import { createKafka } from './client.js'
import { createTopicsAndWait } from './create-topics.js'
import { leaveWhenReachable } from './evict.js'
import { PendingCommits } from './pending-commits.js'
import { endOffsets, pinStartOffsets } from './pin-start.js'
import { publishBatcher } from './publish-batch.js'
import { publishError } from './publish-errors.js'

const busLog = log.child({ component: 'kafka-bus' })

export interface KafkaBusOptions {
  /** how long a partition waits after its handler rejected before the same records come again */
  retryBackoffMs?: number
  /** subscribe() resolves once the consumer joined its group and fetched once, or after this long (then warns) */
  joinTimeoutMs?: number
  /** batches of different partitions handled at once by one subscription (handlers are I/O-bound) */
  partitionsConsumedConcurrently?: number
  sessionTimeout?: number
  heartbeatInterval?: number
  rebalanceTimeout?: number
  /**
   * longest a fetch waits on the broker; kafkajs heartbeats and notices rebalances and stop() between fetches. An
   * idle consumer's waits grow from this to IDLE_FETCH_WAIT_MS (fetch-wait-idle.ts)
   */
  maxWaitTimeInMs?: number
  /**
   * handled offsets are committed at most this often per subscription (and at once on stop and when a rebalance
   * starts): an OffsetCommit per batch was a quarter of all requests the broker served under load, and an awaited
   * round trip between a partition's batches
   */
  commitIntervalMs?: number
}

/** how long stop() waits for the last commit of what was handled */
const COMMIT_ON_STOP_MS = 3_000

const defaults: Required<KafkaBusOptions> = {
  retryBackoffMs: 500,
  joinTimeoutMs: 30_000,
  partitionsConsumedConcurrently: 4,
  sessionTimeout: 10_000,
  heartbeatInterval: 1_000,
  rebalanceTimeout: 10_000,
  maxWaitTimeInMs: 200,
  commitIntervalMs: 100,
}

function headerText(v: IHeaders[string]): string | undefined {
  const last = Array.isArray(v) ? v[v.length - 1] : v
  return last === undefined ? undefined : last.toString()
}

function toBusRecord(topic: string, partition: number, m: KafkaMessage): BusRecord {
  const headers: Record<string, string> = {}
  for (const [k, v] of Object.entries(m.headers ?? {})) {
    const text = headerText(v)
    if (text !== undefined) headers[k] = text
  }
  return {
    topic,
    partition,
    offset: m.offset,
    key: m.key ? m.key.toString() : null,
    value: m.value ?? Buffer.alloc(0),
    headers,
    timestamp: Number(m.timestamp),
  }
}

/** memoizes a connect; a failed connect is forgotten so the next call tries again */
function lazily<T>(connect: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined
  return () =>
    (pending ??= connect().catch((err: unknown) => {
      pending = undefined
      throw err
    }))
}

export class KafkaBus implements Bus {
  readonly kind = 'kafka' as const
  private readonly kafka: Kafka
  private readonly opts: Required<KafkaBusOptions>
  private readonly subscriptions = new Set<KafkaSubscription>()
  private producerClient?: Producer
  private adminClient?: Admin

  constructor(brokers: string[], clientId: string, opts: KafkaBusOptions = {}) {
    this.kafka = createKafka(brokers, clientId)
    this.opts = { ...defaults, ...opts }
  }

  // acks -1 (publish) waits for every in-sync replica. maxInFlightRequests 1: a retried request cannot be overtaken
  // by a later one, so one key's records stay in order. Not kafkajs's idempotent mode: it is marked experimental,
  // retries forever by default and cannot recover from OUT_OF_ORDER_SEQUENCE/UNKNOWN_PRODUCER_ID (e.g. after the
  // broker expired an idle producer id), and the duplicates it would avoid are already harmless: delivery is
  // at-least-once and every consumer is idempotent on (conversation, seq).
  private readonly producer = lazily(async () => {
    const producer = this.kafka.producer({
      createPartitioner: Partitioners.DefaultPartitioner,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
    })
    await producer.connect()
    this.producerClient = producer
    return producer
  })

  private readonly admin = lazily(async () => {
    const admin = this.kafka.admin()
    await admin.connect()
    this.adminClient = admin
    return admin
  })

  async ping(): Promise<void> {
    await (await this.admin()).describeCluster()
  }

  async ensureTopics(specs: TopicSpec[]): Promise<string[]> {
    const admin = await this.admin()
    const existing = new Set(await admin.listTopics())
    return createTopicsAndWait(
      this.kafka,
      admin,
      specs.filter((s) => !existing.has(s.name)),
    )
  }

  private readonly publishes = publishBatcher(this.producer)

  async publish(topic: string, records: OutgoingRecord[]): Promise<void> {
    if (records.length === 0) return
    try {
      await this.publishes.add({ topic, records })
    } catch (err) {
      // Kafka down or coming back (after kafkajs's own retries): BusUnavailable, so callers wait instead of giving up
      throw publishError(err)
    }
  }

  async subscribe(opts: ConsumeOptions): Promise<Subscription> {
    const { retryBackoffMs, joinTimeoutMs, partitionsConsumedConcurrently, commitIntervalMs, ...tuning } = this.opts
    const consumer = this.kafka.consumer({ groupId: opts.groupId, allowAutoTopicCreation: false, ...tuning })
    const sub = new KafkaSubscription(
      this.kafka,
      consumer,
      opts,
      { retryBackoffMs, heartbeatInterval: tuning.heartbeatInterval, commitIntervalMs },
      () => this.subscriptions.delete(sub),
    )
    this.subscriptions.add(sub)
    try {
      await sub.start(partitionsConsumedConcurrently, joinTimeoutMs)
    } catch (err) {
      await sub.stop()
      throw err
    }
    return sub
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()))
    await Promise.all([this.producerClient?.disconnect(), this.adminClient?.disconnect()])
  }
}

class KafkaSubscription implements Subscription {
  private readonly resumeTimers = new Set<NodeJS.Timeout>()
  private stopping?: Promise<void>
  /** topic → partitions this subscription reported a lag for (removed from the gauge on stop) */
  private readonly lagged = new Map<string, Set<number>>()

  constructor(
    private readonly kafka: Kafka,
    private readonly consumer: Consumer,
    private readonly opts: ConsumeOptions,
    private readonly timing: { retryBackoffMs: number; heartbeatInterval: number; commitIntervalMs: number },
    private readonly onStopped: () => void,
  ) {
    this.commits = new PendingCommits(
      (offsets) => consumer.commitOffsets(offsets),
      timing.commitIntervalMs,
      // the offsets stay pending for the next flush; one that never lands only means records come again
      (err) => busLog.debug('offset commit failed; retried with the next flush', { groupId: opts.groupId, err }),
    )
  }

  private readonly commits: PendingCommits

  async start(concurrency: number, joinTimeoutMs: number): Promise<void> {
    const { consumer, opts } = this
    const { GROUP_JOIN, FETCH, CRASH, REBALANCING } = consumer.events
    // a rebalance is about to move partitions: what this member handled is committed before they go
    consumer.on(REBALANCING, () => void this.commits.flush())
    // kafkajs restarts a crashed consumer as a new member; the old one (its leave failed when all brokers were down)
    // is made to leave as soon as the coordinator answers, else the group's rebalance waits for its session to expire
    let member: string | undefined
    let crashed = false
    /** rejoined after a crash, not fetched yet */
    let resumed = false
    consumer.on(CRASH, ({ payload }) => {
      busLog.error('consumer crashed', { groupId: opts.groupId, restart: payload.restart, err: payload.error })
      crashed = payload.restart
      const ghost = member
      member = undefined
      if (ghost && payload.restart)
        void leaveWhenReachable(this.kafka, opts.groupId, ghost, 500, () => this.stopping !== undefined).then(
          (left) =>
            left &&
            busLog.info('the member this consumer was before its crash left the group', {
              groupId: opts.groupId,
              memberId: ghost,
            }),
        )
    })
    // every join after the first is a rebalance (a member came or went): the recovery, with what this member got
    let joins = 0
    consumer.on(GROUP_JOIN, ({ payload }) => {
      member = payload.memberId
      this.commits.keepOnly(payload.memberAssignment)
      busLog.info(joins++ === 0 ? 'consumer joined its group' : 'consumer group rebalanced', {
        groupId: opts.groupId,
        memberId: payload.memberId,
        assignment: payload.memberAssignment,
      })
      if (crashed) {
        crashed = false
        resumed = true
      }
    })
    // told after the first fetch once back, not at the join: only then are the start offsets resolved, and what was
    // published before a partition's "latest" was resolved is what may have been skipped
    consumer.on(FETCH, () => {
      if (!resumed) return
      resumed = false
      opts.onResumed?.()
    })
    // A "latest" subscriber pins its start at its first join (pin-start.ts), so that no later join skips anything.
    let pinned: Promise<unknown> | undefined
    const unpinned = (err: unknown) => void busLog.warn('"latest" start not pinned', { groupId: opts.groupId, err })
    const ends = opts.fromBeginning ? undefined : await endOffsets(this.kafka, opts.topics).catch(unpinned)
    if (ends)
      consumer.on(GROUP_JOIN, ({ payload }) => {
        pinned ??= pinStartOffsets(this.kafka, consumer, opts.groupId, payload.memberAssignment, ends).catch((err) => {
          pinned = undefined // tried again at the next join; until then this join starts at "latest", as before
          unpinned(err)
        })
      })
    // Ready = joined the group, pinned its start, and fetched once after that
    let joined = false
    const ready = new Promise<void>((resolve) => {
      const offJoin = consumer.on(GROUP_JOIN, () => {
        void Promise.resolve(pinned).then(() => {
          joined = true
        })
      })
      const offFetch = consumer.on(FETCH, () => {
        if (!joined) return
        offJoin()
        offFetch()
        resolve()
      })
    })
    await consumer.connect()
    await consumer.subscribe({ topics: opts.topics, fromBeginning: opts.fromBeginning ?? false })
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: concurrency,
      eachBatch: (payload) => this.onBatch(payload),
    })
    let timer: NodeJS.Timeout | undefined
    const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), joinTimeoutMs)))
    if (await Promise.race([ready.then(() => false), timedOut])) {
      busLog.warn('consumer has not joined its group yet; it keeps trying in the background', {
        groupId: opts.groupId,
        waitedMs: joinTimeoutMs,
      })
    }
    clearTimeout(timer)
  }

  private async onBatch({
    batch,
    resolveOffset,
    commitOffsetsIfNecessary,
    heartbeat,
    pause,
    isRunning,
    isStale,
  }: EachBatchPayload): Promise<void> {
    // Stopping, or a seek is pending for this partition: leave these records uncommitted, they come again.
    if (batch.messages.length === 0 || !isRunning() || isStale()) return
    const { topic, partition } = batch
    const records = batch.messages.map((m) => toBusRecord(topic, partition, m))
    const first = records[0]!.offset
    const last = records[records.length - 1]!.offset
    // kafkajs heartbeats only between batches; keep the member alive while a long batch runs
    const beat = setInterval(() => void heartbeat().catch(() => undefined), this.timing.heartbeatInterval)
    try {
      await this.opts.eachBatch(records)
    } catch (err) {
      const pauseMs = retryAfterOf(err) ?? this.timing.retryBackoffMs
      // a pause the handler asked for is its runner's decision, which logs the failure itself (once)
      busLog[retryAfterOf(err) === undefined ? 'warn' : 'debug'](
        'handler failed; partition paused, the same records come again after a pause',
        {
          groupId: this.opts.groupId,
          topic,
          partition,
          offset: first,
          pauseMs,
          err,
        },
      )
      const resume = pause()
      this.reportLag(topic, partition, batch.highWatermark, BigInt(first))
      this.consumer.seek({ topic, partition, offset: first })
      const timer = setTimeout(() => {
        this.resumeTimers.delete(timer)
        resume()
      }, pauseMs)
      this.resumeTimers.add(timer)
      return
    } finally {
      clearInterval(beat)
    }
    resolveOffset(last)
    const next = (BigInt(last) + 1n).toString()
    // while stopping, the batch in hand is committed at once: the group is left right after it
    if (this.stopping)
      await commitOffsetsIfNecessary({ topics: [{ topic, partitions: [{ partition, offset: next }] }] })
    else this.commits.add(topic, partition, next)
    this.reportLag(topic, partition, batch.highWatermark, BigInt(last) + 1n)
  }

  private reportLag(topic: string, partition: number, highWatermark: string, next: bigint): void {
    let lag: bigint
    try {
      lag = BigInt(highWatermark) - next
    } catch {
      return
    }
    kafkaConsumerLag.set({ group: this.opts.groupId, topic, partition: String(partition) }, Number(lag < 0n ? 0n : lag))
    let parts = this.lagged.get(topic)
    if (!parts) this.lagged.set(topic, (parts = new Set()))
    parts.add(partition)
  }

  /**
   * Commits what was handled, then kafkajs's disconnect waits for the batch in hand (which commits at once now) and
   * leaves the group.
   */
  stop(): Promise<void> {
    return (this.stopping ??= (async () => {
      for (const t of this.resumeTimers) clearTimeout(t)
      this.resumeTimers.clear()
      try {
        // bounded: with the coordinator gone, kafkajs would retry the commit for seconds; what is left comes again
        await Promise.race([this.commits.flush(), new Promise((r) => setTimeout(r, COMMIT_ON_STOP_MS).unref())])
        await this.consumer.disconnect()
      } finally {
        this.commits.clear()
        for (const [topic, parts] of this.lagged)
          for (const p of parts) kafkaConsumerLag.remove({ group: this.opts.groupId, topic, partition: String(p) })
        this.onStopped()
      }
    })())
  }
}
