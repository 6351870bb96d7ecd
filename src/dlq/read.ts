// Dead letters as operators see them: the TaskMessage decoded, or the decode error when even that fails.
import type { GochatConfig } from '../config/index.js'
import { readTopic } from '../drivers/kafka/read-topic.js'
import { TaskMessage } from '../contracts/payloads.js'

export interface DeadLetter {
  partition: number
  offset: string
  timestamp: number
  task?: TaskMessage
  error?: string
}

export async function readDeadLetters(cfg: Pick<GochatConfig, 'kafka_brokers' | 'log_level'>, topic: string): Promise<DeadLetter[]> {
  const records = await readTopic(cfg, topic)
  return records
    .sort((a, b) => a.timestamp - b.timestamp)
    .map((r) => {
      try {
        const parsed = TaskMessage.safeParse(JSON.parse(r.value.toString('utf8')))
        return parsed.success ? { partition: r.partition, offset: r.offset, timestamp: r.timestamp, task: parsed.data } : { partition: r.partition, offset: r.offset, timestamp: r.timestamp, error: parsed.error.issues[0]?.message }
      } catch (err) {
        return { partition: r.partition, offset: r.offset, timestamp: r.timestamp, error: (err as Error).message }
      }
    })
}
