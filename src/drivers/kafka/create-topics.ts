// Creating topics on a KRaft broker. CreateTopics returns once the controller has the topics, but the broker
// that leads a new partition serves it only a moment later: until then metadata may answer
// UNKNOWN_TOPIC_OR_PARTITION, and produce or list-offsets NOT_LEADER_OR_FOLLOWER (kafkajs: NOT_LEADER_FOR_PARTITION).
// kafkajs' own `waitForLeaders` retries only LEADER_NOT_AVAILABLE and fails the whole call on the first (seen when
// several roles start at once); and a produce that meets the second on one partition of a multi-partition request
// is retried whole, writing duplicates on the partitions that had succeeded. So topics are created without
// kafkajs' wait, and each is polled here until its leaders answer for every partition.
import type { Admin, ITopicConfig } from 'kafkajs'
import type { TopicSpec } from '../../ports/bus.js'

const READY_WAIT_MS = 30_000
const POLL_MS = 100
/** broker answers that mean "not yet", not "never" */
const NOT_YET = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE', 'NOT_LEADER_FOR_PARTITION'])

const toKafka = (s: TopicSpec): ITopicConfig => ({
  topic: s.name,
  numPartitions: s.partitions,
  replicationFactor: s.replicationFactor,
  configEntries: Object.entries(s.configs ?? {}).map(([name, value]) => ({ name, value })),
})

/**
 * Creates the topics and waits until each partition's leader serves it, so that producers and group commits work
 * at once. One request per topic: createTopics answers false when a topic already exists (created meanwhile by
 * someone else), which tells exactly which ones this call created. Returns their names.
 */
export async function createTopicsAndWait(admin: Admin, specs: TopicSpec[], timeoutMs = READY_WAIT_MS): Promise<string[]> {
  const created = await Promise.all(specs.map((s) => admin.createTopics({ waitForLeaders: false, topics: [toKafka(s)] })))
  await Promise.all(specs.map((s) => topicOffsets(admin, s.name, timeoutMs)))
  return specs.filter((_, i) => created[i]).map((s) => s.name)
}

/**
 * Each partition's earliest and latest offsets, asked of its leader: retried while the topic is new, and so also
 * the proof that every leader serves the topic.
 */
export async function topicOffsets(admin: Admin, topic: string, timeoutMs = READY_WAIT_MS): Promise<Array<{ partition: number; low: string; high: string }>> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    let why = 'no partitions yet'
    try {
      const offsets = await admin.fetchTopicOffsets(topic)
      if (offsets.length > 0) return offsets.sort((a, b) => a.partition - b.partition)
    } catch (err) {
      // only broker answers such as NOT_LEADER; a dead connection is for the caller to report
      const e = err as { type?: string; originalError?: { type?: string }; message: string }
      if (!NOT_YET.has(e.type ?? e.originalError?.type ?? '')) throw err
      why = e.message
    }
    if (Date.now() > deadline) throw new Error(`topic ${topic} is not served after ${timeoutMs / 1000} s: ${why}`)
    await new Promise((r) => setTimeout(r, POLL_MS))
  }
}
