// Reads a topic from its earliest retained record to its end offsets as they were at the start, through a
// throwaway consumer group that commits nothing (used by `gochat dlq` and the benchmarks).
import { randomUUID } from 'node:crypto'
import type { GochatConfig } from '../../config/index.js'
import type { BusRecord } from '../../ports/bus.js'
import { createKafka } from '../../drivers/kafka/client.js'
import { NotFoundError } from '../../core/operator-errors.js'
import { withAdmin } from './admin.js'

export async function readTopic(
  cfg: Pick<GochatConfig, 'kafka_brokers' | 'log_level'>,
  topic: string,
  timeoutMs = 30_000,
): Promise<BusRecord[]> {
  const ends = await withAdmin(cfg, async ({ admin }) => {
    if (!(await admin.listTopics()).includes(topic))
      throw new NotFoundError(
        `no topic "${topic}" on ${cfg.kafka_brokers.join(',')}`,
        'create the catalog topics with `gochat topics create` (or check --topic-prefix)',
      )
    return admin.fetchTopicOffsets(topic)
  })
  const remaining = new Map(
    ends.filter((p) => BigInt(p.high) > BigInt(p.low)).map((p) => [p.partition, BigInt(p.high)]),
  )
  const records: BusRecord[] = []
  if (remaining.size === 0) return records
  const consumer = createKafka(cfg.kafka_brokers, 'gochat-reader').consumer({
    groupId: `gochat-reader-${randomUUID()}`,
    maxWaitTimeInMs: 200,
  })
  await consumer.connect()
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true })
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`reading ${topic} did not reach its end within ${timeoutMs} ms`)),
        timeoutMs,
      )
      void consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            const end = remaining.get(partition)
            if (end === undefined || BigInt(message.offset) >= end) return
            records.push({
              topic,
              partition,
              offset: message.offset,
              key: message.key?.toString() ?? null,
              value: message.value ?? Buffer.alloc(0),
              headers: Object.fromEntries(
                Object.entries(message.headers ?? {}).map(([k, v]) => [k, v?.toString() ?? '']),
              ),
              timestamp: Number(message.timestamp),
            })
            if (BigInt(message.offset) + 1n >= end) remaining.delete(partition)
            if (remaining.size === 0) {
              clearTimeout(timer)
              resolve()
            }
          },
        })
        .catch(reject)
    })
  } finally {
    await consumer.disconnect()
  }
  return records
}
