// Task role metrics (Prometheus naming: _total counters, _seconds histograms, bounded label sets).
import { Counter, Histogram } from 'prom-client'

export const taskDuration = new Histogram({
  name: 'gochat_task_processing_duration_seconds',
  help: 'Time to process one task, by task type',
  labelNames: ['task_type'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
})

export const fanoutSize = new Histogram({
  name: 'gochat_task_fanout_members',
  help: 'Members a message was routed to (per dispatched message)',
  buckets: [2, 10, 50, 100, 500, 1000, 5000, 10000, 50000, 100000],
})

export const deliveriesProduced = new Counter({
  name: 'gochat_task_deliveries_total',
  help: 'Online member deliveries produced to gateway downstream topics',
})

export const downstreamRecords = new Counter({
  name: 'gochat_task_downstream_records_total',
  help: 'DownstreamMessage records produced (one per gateway per message or shard)',
})

export const offlineMembers = new Counter({
  name: 'gochat_task_offline_members_total',
  help: 'Offline members put into OfflinePush records',
})

export const messagesExpired = new Counter({
  name: 'gochat_task_messages_expired_total',
  help: "Records the retention sweep turned into 'expired' tombstones (retention_days, a conversation's retention or ttl)",
})

export const attachmentsExpired = new Counter({
  name: 'gochat_task_attachments_expired_total',
  help: 'Attachments whose bytes and row went with their expired messages, by result (deleted, or failed: left behind)',
  labelNames: ['result'] as const,
})
