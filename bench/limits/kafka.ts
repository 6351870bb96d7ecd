// Kafka ceiling through kafkajs and gochat's own bus driver: records produced (acks all, in batches of `batch`,
// keyed over many keys) and consumed by one subscription, on a throwaway topic with the dispatch topic's
// settings (partitions, replication, configs); the topic is deleted after. The figure is records consumed per
// second from the first publish to the last record consumed.
import { catalog } from '../../src/contracts/topics.js'
import { KafkaBus } from '../../src/drivers/kafka/bus.js'
import { createKafka } from '../../src/drivers/kafka/client.js'
import type { GochatConfig } from '../../src/config/index.js'

export interface KafkaLimits {
  partitions: number
  batch: number
  /** batches in flight at once, one producer */
  lanes: number
  producedPerSec: number
  consumedPerSec: number
}

type Cfg = Pick<GochatConfig, 'kafka_brokers' | 'partitions' | 'replication_factor'>

export async function kafkaLimits(cfg: Cfg, opts: { batch: number; lanes: number; ms: number }): Promise<KafkaLimits> {
  const prefix = `gochat-limits-${process.pid}-${Date.now()}`
  const spec = catalog({ ...cfg, topic_prefix: prefix, gateway_ids: [] }).find((t) => t.id === 'dispatch')!
  const bus = new KafkaBus(cfg.kafka_brokers, `${prefix}-bench`, { joinTimeoutMs: 15_000 })
  const value = Buffer.alloc(300, 1)
  let consumed = 0
  let lastConsumed = 0
  try {
    await bus.ensureTopics([
      {
        name: spec.name,
        partitions: spec.partitions,
        replicationFactor: spec.replicationFactor,
        configs: spec.configs,
      },
    ])
    const sub = await bus.subscribe({
      groupId: `${prefix}-group`,
      topics: [spec.name],
      fromBeginning: true,
      eachBatch: async (records) => {
        consumed += records.length
        lastConsumed = performance.now()
      },
    })
    let produced = 0
    const start = performance.now()
    const until = start + opts.ms
    await Promise.all(
      Array.from({ length: opts.lanes }, async (_, lane) => {
        for (let n = 0; performance.now() < until; n++) {
          await bus.publish(
            spec.name,
            Array.from({ length: opts.batch }, (_, i) => ({
              key: `c_${lane}_${(n * opts.batch + i) % 997}`,
              value,
              headers: { n: String(i) },
            })),
          )
          produced += opts.batch
        }
      }),
    )
    const producedAt = performance.now()
    for (const stopAt = producedAt + 15_000; consumed < produced && performance.now() < stopAt; )
      await new Promise((r) => setTimeout(r, 20))
    await sub.stop()
    return {
      partitions: spec.partitions,
      batch: opts.batch,
      lanes: opts.lanes,
      producedPerSec: Math.round(produced / ((producedAt - start) / 1000)),
      consumedPerSec: Math.round(consumed / (((lastConsumed || performance.now()) - start) / 1000)),
    }
  } finally {
    await bus.close().catch(() => {})
    const kafka = createKafka(cfg.kafka_brokers, `${prefix}-admin`)
    const admin = kafka.admin()
    await admin
      .connect()
      .then(() => admin.deleteTopics({ topics: [spec.name] }))
      .catch(() => {})
    await admin.deleteGroups([`${prefix}-group`]).catch(() => {})
    await admin.disconnect().catch(() => {})
  }
}
