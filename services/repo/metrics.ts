// Repo role metrics (Prometheus naming: _total counters, _seconds histograms, bounded label sets).
import { Counter, Gauge, Histogram } from 'prom-client'

export const messagesStored = new Counter({
  name: 'gochat_repo_messages_stored_total',
  help: 'StoreMessage calls by result (stored, or duplicate of an earlier idempotency key)',
  labelNames: ['result'] as const,
})

export const storeMessageDuration = new Histogram({
  name: 'gochat_repo_store_message_duration_seconds',
  help: 'StoreMessage time: the message + outbox transaction, its seq allocated inside',
  buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
})

export const outboxPublished = new Counter({
  name: 'gochat_repo_outbox_published_total',
  help: 'Outbox rows published to the bus by the relay (re-publications after a failure included)',
})

export const relayFailures = new Counter({
  name: 'gochat_repo_outbox_relay_failures_total',
  help: 'Relay rounds that failed (bus or database); the rows stay pending and are retried',
})

export const relayActive = new Gauge({
  name: 'gochat_repo_outbox_relay_active',
  help: '1 while this instance holds the outbox lease and relays, 0 on standby or stopped',
})

export const outboxBacklog = new Gauge({
  name: 'gochat_repo_outbox_backlog',
  help: 'Outbox rows committed and not yet published (reported by the instance that holds the relay lease)',
})

export const relayLag = new Histogram({
  name: 'gochat_repo_outbox_relay_lag_seconds',
  help: "Time from an outbox row's commit to its publish on the bus (acknowledged), per row",
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
})

export const revocationsReloaded = new Counter({
  name: 'gochat_repo_revocations_reloaded_total',
  help: "Copies of the store's revoked tokens into a cache that had lost them (or its copy's hour was up)",
})

export const attachmentsSwept = new Counter({
  name: 'gochat_repo_attachments_swept_total',
  help: 'Orphan attachments deleted (row, bytes, thumbnail) by the hourly sweep (upload_orphan_hours): slots never completed or never sent, or left by a recall whose own delete failed',
})

export const guestsSwept = new Counter({
  name: 'gochat_repo_guests_swept_total',
  help: 'Guest accounts deleted by the guest sweep (guest_ttl_days), with what was theirs alone',
})

export const revocationsPruned = new Counter({
  name: 'gochat_repo_revocations_pruned_total',
  help: 'Revoked-token rows deleted from the store once their tokens had expired anyway',
})
