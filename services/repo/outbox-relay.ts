// The outbox relay: publishes committed outbox rows to the bus in id order, keyed, then marks them published.
//
// - Latency: the repo service wakes the relay right after each commit that wrote outbox rows, so a row waits
//   one SELECT + publish + UPDATE, not a poll interval. Wakes that arrive while a round runs coalesce into one
//   more round. A slow poll picks up rows committed by another instance or left by a crash.
// - Order: only the holder of the store's outbox lease (MySQL: GET_LOCK) relays, reading and marking rows
//   through the lease, so a relay that lost it gets errors rather than rows. The store commits one
//   conversation's rows in seq order, so they are published in seq order; rows of one topic go out in one
//   publish call, in id order.
// - Delivery: a crash (or failure) between publish and mark re-publishes the rows: at-least-once. Consumers are
//   idempotent on (conversation id, seq).
// - Observability: gochat_repo_outbox_backlog (rows pending, at most once a poll interval) and
//   gochat_repo_outbox_relay_lag_seconds (commit → publish acknowledged, per row). With tracing on, each row with a
//   traceparent header (written by the call that committed it) is published under an `outbox.relay` span, a child
//   of that call, whose traceparent replaces the row's: consumers of the record continue from the relay's span.
import { ROOT_CONTEXT, trace, type Span } from '@opentelemetry/api'
import type { Logger } from '../../src/observability/log.js'
import {
  endSpan,
  extract,
  headerGetter,
  headerSetter,
  inject,
  SpanKind,
  startSpan,
  tracingEnabled,
} from '../../src/observability/tracing.js'
import type { Bus } from '../../src/ports/bus.js'
import type { OutboxLease, PendingOutboxRow, Store } from '../../src/ports/store.js'
import { outboxBacklog, outboxPublished, relayActive, relayFailures, relayLag } from './metrics.js'

export interface RelayOptions {
  /** how often a relay without wakes looks for rows, and a standby relay for the lease; default 1000 */
  pollMs?: number
  /** rows per round; default 500 */
  batchSize?: number
  /** published rows are kept this long for inspection, then purged; default one day */
  retentionMs?: number
}

export type RelayState = 'stopped' | 'standby' | 'active'

const PURGE_EVERY_MS = 3_600_000
// each failed round already spent the producer's own retries (~6 s, src/drivers/kafka/client.ts); a longer pause
// would only delay the first publish once Kafka is back
const MAX_BACKOFF_MS = 1_000

export class OutboxRelay {
  private readonly pollMs: number
  private readonly batchSize: number
  private readonly retentionMs: number
  private running = false
  private loop: Promise<void> | undefined
  private lease: OutboxLease | null = null
  /** a wake arrived since the current round read its rows */
  private dirty = false
  private interrupt: (() => void) | undefined
  private lastPurge = Date.now()
  private lastError: string | undefined
  private lastBacklog = 0

  constructor(
    private readonly store: Store,
    private readonly bus: Bus,
    private readonly log: Logger,
    opts: RelayOptions = {},
  ) {
    this.pollMs = opts.pollMs ?? 1000
    this.batchSize = opts.batchSize ?? 500
    this.retentionMs = opts.retentionMs ?? 86_400_000
  }

  get state(): RelayState {
    if (!this.running) return 'stopped'
    return this.lease ? 'active' : 'standby'
  }

  /** the last failure, cleared by the next successful round */
  get error(): string | undefined {
    return this.lastError
  }

  start(): void {
    if (this.running) return
    this.running = true
    this.loop = this.run()
  }

  /** finishes the round in hand (its rows are marked), then releases the lease */
  async stop(): Promise<void> {
    if (!this.running) return
    this.running = false
    this.interrupt?.()
    await this.loop
  }

  /** new rows were committed: relay them now */
  wake(): void {
    this.dirty = true
    this.interrupt?.()
  }

  private async run(): Promise<void> {
    let failures = 0
    while (this.running) {
      try {
        const lease = this.lease ?? (await this.takeLease())
        if (!lease) {
          // standby: wakes would only retry the lease once per commit
          await this.idle(this.pollMs, false)
          continue
        }
        this.dirty = false
        const relayed = await this.round(lease)
        if (failures) this.log.info('outbox relay recovered; relaying again', { failedRounds: failures })
        failures = 0
        this.lastError = undefined
        if (relayed === this.batchSize || this.dirty) continue
        await this.purgeNowAndThen(lease)
        await this.idle(this.pollMs)
      } catch (err) {
        failures++
        relayFailures.inc()
        this.lastError = (err as Error).message
        // once per outage at warn (the cause), the retries of the same outage at debug, the recovery at info
        if (failures === 1) this.log.warn('outbox relay round failed; the rows stay pending, retrying', { err })
        else this.log.debug('outbox relay round failed again', { err, failures })
        // wakes do not cut a backoff short: a failing bus must not be hammered once per commit
        await this.idle(Math.min(MAX_BACKOFF_MS, 50 * 2 ** failures), false)
      }
    }
    await this.dropLease()
  }

  private async takeLease(): Promise<OutboxLease | null> {
    this.lease = await this.store.acquireOutboxLease()
    if (this.lease) {
      relayActive.inc()
      this.log.info('outbox relay active')
    }
    return this.lease
  }

  private async dropLease(): Promise<void> {
    if (!this.lease) return
    const lease = this.lease
    this.lease = null
    relayActive.dec()
    outboxBacklog.set(0)
    await lease.release().catch((err: unknown) => this.log.warn('releasing the outbox lease failed', { err }))
  }

  /** a call through the lease; when it fails the lease counts as lost (e.g. its database session died) */
  private async leased<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call()
    } catch (err) {
      this.log.warn('outbox lease lost; standing by until it is taken again', { err })
      await this.dropLease()
      throw err
    }
  }

  /** publishes one batch of pending rows; returns how many */
  private async round(lease: OutboxLease): Promise<number> {
    const rows = await this.leased(() => lease.pending(this.batchSize))
    const readAt = performance.now()
    if (rows.length < this.batchSize) outboxBacklog.set(rows.length)
    else await this.countBacklog(lease)
    if (rows.length === 0) return 0
    const byTopic = new Map<string, PendingOutboxRow[]>()
    for (const row of rows) {
      const list = byTopic.get(row.topic)
      if (list) list.push(row)
      else byTopic.set(row.topic, [row])
    }
    const spans = tracingEnabled() ? rows.map((r) => this.relaySpan(r)) : undefined
    // a publish failure keeps the lease: the same rows go out again after the backoff
    try {
      await Promise.all(
        [...byTopic].map(([topic, list]) =>
          this.bus.publish(
            topic,
            list.map((r) => ({ key: r.key, value: r.value, headers: r.headers })),
          ),
        ),
      )
    } catch (err) {
      for (const span of spans ?? []) endSpan(span, err)
      throw err
    }
    for (const span of spans ?? []) endSpan(span)
    const sinceRead = performance.now() - readAt
    for (const r of rows) if (r.ageMs !== undefined) relayLag.observe((r.ageMs + sinceRead) / 1000)
    await this.leased(() => lease.markPublished(rows.map((r) => r.id)))
    outboxPublished.inc(rows.length)
    return rows.length
  }

  /** a span for a row that names its trace, its traceparent put in the row's headers in place of the caller's */
  private relaySpan(row: PendingOutboxRow): Span | undefined {
    if (!row.headers.traceparent) return undefined
    const span = startSpan('repo', 'outbox.relay', SpanKind.PRODUCER, extract(row.headers, headerGetter), {
      'messaging.system': 'kafka',
      'messaging.operation.type': 'send',
      'messaging.destination.name': row.topic,
      'gochat.outbox.id': row.id,
    })
    const headers = { ...row.headers }
    delete headers.tracestate
    inject(trace.setSpan(ROOT_CONTEXT, span), headers, headerSetter)
    row.headers = headers
    return span
  }

  /** the backlog gauge when a round read a full batch (else the rows read are the backlog): a count, at most once a poll interval */
  private async countBacklog(lease: OutboxLease): Promise<void> {
    if (!lease.countPending || Date.now() - this.lastBacklog < this.pollMs) return
    this.lastBacklog = Date.now()
    outboxBacklog.set(await this.leased(() => lease.countPending!()))
  }

  private async purgeNowAndThen(lease: OutboxLease): Promise<void> {
    if (Date.now() - this.lastPurge < PURGE_EVERY_MS) return
    this.lastPurge = Date.now()
    const purged = await this.leased(() => lease.purgePublished(this.retentionMs))
    if (purged) this.log.info('purged published outbox rows', { purged })
  }

  /** waits ms, or less when stopped or (if wakeable) woken; returns at once when a wake is pending */
  private idle(ms: number, wakeable = true): Promise<void> {
    if (!this.running || (wakeable && this.dirty)) return Promise.resolve()
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer)
        this.interrupt = undefined
        resolve()
      }
      const timer = setTimeout(done, ms)
      this.interrupt = wakeable ? done : () => !this.running && done()
    })
  }
}
