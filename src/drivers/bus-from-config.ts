// Picks the bus driver from configuration: Kafka when brokers are configured, else the embedded bus. Every role in
// one process shares one embedded bus (that is what lets `gochat up` run them together); each role gets its own
// handle whose close() ends only that role's subscriptions.
//
// The embedded bus is bounded (bus_retention_records per partition, bus_retention_ms) and lives in memory only.
// Why that is enough for `gochat up` on a data directory, where a restart must lose nothing acknowledged:
// - A send is acked after its message and outbox rows committed to the store (sync persistence), so history is
//   complete on disk whatever the bus held. Async persistence, whose persist topic would hold the only copy of
//   acked messages, is refused on the embedded bus (src/config/data-dir.ts).
// - Everything repo announces goes through the outbox, and rows not marked published are the source of truth
//   for what is undelivered: on restart the relay publishes them again (at-least-once; consumers de-dup by
//   conversation and seq). Rows published and marked but not yet consumed when the process died are lost from
//   the bus: their live deliveries (dispatch, downstream frames, events) never happen. No client misses a
//   message for it: every socket died with the process, and clients sync from history (by seq, with their read
//   cursors) when they reconnect. What is lost is an offline push notification of those last moments.
// - upstream (upstream=kafka) is produced before the ack: a record lost there was never acked, and the client
//   sends again with the same idempotency key. retry and dlq records die with the process (dead letters of an
//   embedded run cannot be read from outside it anyway).
// So consumer offsets are not persisted: with no log that outlives the process they would point at nothing.
import type { Bus, Subscription } from '../ports/bus.js'
import type { GochatConfig } from '../config/index.js'
import { KafkaBus } from './kafka/bus.js'
import { MemoryBus } from './memory/bus.js'

let shared: MemoryBus | undefined

type BusCfg = Pick<GochatConfig, 'kafka_brokers' | 'partitions'> &
  Partial<Pick<GochatConfig, 'bus_retention_records' | 'bus_retention_ms'>>

/** the process-wide embedded bus (created on first use with that call's partitions and retention) */
export function sharedMemoryBus(partitions: number, retention: { records?: number; ms?: number } = {}): MemoryBus {
  return (shared ??= new MemoryBus({
    defaultPartitions: partitions,
    retention: retention.records,
    retentionMs: retention.ms,
  }))
}

function handle(bus: MemoryBus): Bus {
  const subs = new Set<Subscription>()
  return {
    kind: bus.kind,
    ping: () => bus.ping(),
    ensureTopics: (specs) => bus.ensureTopics(specs),
    publish: (topic, records) => bus.publish(topic, records),
    subscribe: async (opts) => {
      const sub = await bus.subscribe(opts)
      subs.add(sub)
      return {
        stop: () => {
          subs.delete(sub)
          return sub.stop()
        },
      }
    },
    close: async () => {
      await Promise.all([...subs].map((s) => s.stop()))
      subs.clear()
    },
  }
}

export function createBus(cfg: BusCfg, clientId: string): Bus {
  if (cfg.kafka_brokers.length > 0) return new KafkaBus(cfg.kafka_brokers, clientId)
  return handle(sharedMemoryBus(cfg.partitions, { records: cfg.bus_retention_records, ms: cfg.bus_retention_ms }))
}
