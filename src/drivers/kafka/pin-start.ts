// A group that starts at "latest" keeps no trace of that start: kafkajs resolves it in memory at the first fetch,
// and again at every later join (a broker restart, a coordinator move, a crashed consumer's restart) for each
// partition that never got a record, so whatever was produced there while the group was away is skipped silently.
// At its first join a "latest" subscription therefore pins its start: every assigned partition without a committed
// offset is sought to its end offset, and that offset is committed, so every later join resumes from there.
import type { Consumer, Kafka, TopicPartitionOffset } from 'kafkajs'

/** Seeks and commits the end offset of each assigned partition the group has no committed offset for; returns them. */
export async function pinStartOffsets(
  kafka: Kafka,
  consumer: Consumer,
  groupId: string,
  assignment: Record<string, number[]>,
): Promise<TopicPartitionOffset[]> {
  const topics = Object.keys(assignment).filter((t) => assignment[t]!.length > 0)
  if (topics.length === 0) return []
  const admin = kafka.admin()
  await admin.connect()
  try {
    const pinned: TopicPartitionOffset[] = []
    for (const { topic, partitions } of await admin.fetchOffsets({ groupId, topics })) {
      const assigned = new Set(assignment[topic])
      const missing = new Set(
        partitions.filter((p) => Number(p.offset) < 0 && assigned.has(p.partition)).map((p) => p.partition),
      )
      if (missing.size === 0) continue
      for (const end of await admin.fetchTopicOffsets(topic))
        if (missing.has(end.partition)) pinned.push({ topic, partition: end.partition, offset: end.high })
    }
    for (const p of pinned) consumer.seek(p)
    if (pinned.length > 0) await consumer.commitOffsets(pinned)
    return pinned
  } finally {
    await admin.disconnect().catch(() => undefined)
  }
}
