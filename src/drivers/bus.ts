// Picks the bus driver from configuration: Kafka when brokers are configured, else the embedded bus. Every role in
// one process shares one embedded bus (that is what lets `gochat up` run them together); each role gets its own
// handle whose close() ends only that role's subscriptions.
import type { Bus, Subscription } from '../ports/bus.js'
import type { GochatConfig } from '../config/index.js'
import { KafkaBus } from './kafka/bus.js'
import { MemoryBus } from './memory/bus.js'

let shared: MemoryBus | undefined

/** the process-wide embedded bus (created on first use with that call's partition count) */
export function sharedMemoryBus(partitions: number): MemoryBus {
  return (shared ??= new MemoryBus({ defaultPartitions: partitions }))
}

function handle(bus: MemoryBus): Bus {
  const subs = new Set<Subscription>()
  return {
    kind: bus.kind,
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

export function createBus(cfg: Pick<GochatConfig, 'kafka_brokers' | 'partitions'>, clientId: string): Bus {
  if (cfg.kafka_brokers.length > 0) return new KafkaBus(cfg.kafka_brokers, clientId)
  return handle(sharedMemoryBus(cfg.partitions))
}
