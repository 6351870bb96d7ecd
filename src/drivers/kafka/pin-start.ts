// A group that starts at "latest" keeps no trace of that start: kafkajs resolves it in memory at the first fetch,
// and again at every later join (a broker restart, a coordinator move, a crashed consumer's restart) for each
// partition that never got a record, so whatever was produced there while the group was away is skipped silently.
// A "latest" subscription therefore reads the end offsets of its topics before it starts consuming, and at its
// first join seeks every assigned partition without a committed offset to that end and commits it: every record
// produced after subscribe() began is read (even when the join is slow), and every later join resumes from there.
import type { Admin, Consumer, Kafka, TopicPartitionOffset } from 'kafkajs'

/** topic → partition → end offset, read before the consumer runs */
export type EndOffsets = Map<string, Map<number, string>>

async function withAdmin<T>(kafka: Kafka, use: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = kafka.admin()
  await admin.connect()
  try {
    return await use(admin)
  } finally {
    await admin.disconnect().catch(() => undefined)
  }
}

export function endOffsets(kafka: Kafka, topics: string[]): Promise<EndOffsets> {
  return withAdmin(kafka, async (admin) => {
    const ends: EndOffsets = new Map()
    for (const topic of topics)
      ends.set(topic, new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, p.high])))
    return ends
  })
}

/** Seeks and commits the start of each assigned partition the group has no committed offset for; returns them. */
export function pinStartOffsets(
  kafka: Kafka,
  consumer: Consumer,
  groupId: string,
  assignment: Record<string, number[]>,
  ends: EndOffsets,
): Promise<TopicPartitionOffset[]> {
  const topics = Object.keys(assignment).filter((t) => assignment[t]!.length > 0)
  if (topics.length === 0) return Promise.resolve([])
  return withAdmin(kafka, async (admin) => {
    const pinned: TopicPartitionOffset[] = []
    for (const { topic, partitions } of await admin.fetchOffsets({ groupId, topics })) {
      const assigned = new Set(assignment[topic])
      const missing = partitions
        .filter((p) => Number(p.offset) < 0 && assigned.has(p.partition))
        .map((p) => p.partition)
      if (missing.length === 0) continue
      // a partition added since subscribe() began: its end now
      const known = ends.get(topic) ?? new Map<number, string>()
      const now = missing.some((p) => !known.has(p))
        ? new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, p.high]))
        : known
      for (const partition of missing)
        pinned.push({ topic, partition, offset: known.get(partition) ?? now.get(partition)! })
    }
    for (const p of pinned) consumer.seek(p)
    if (pinned.length > 0) await consumer.commitOffsets(pinned)
    return pinned
  })
}
