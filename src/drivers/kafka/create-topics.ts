// Creating topics on a KRaft broker. CreateTopics returns once the controller has the topics, but the broker
// that leads a new partition serves it only a moment later: until then metadata may answer
// UNKNOWN_TOPIC_OR_PARTITION, and produce or list-offsets NOT_LEADER_OR_FOLLOWER (kafkajs: NOT_LEADER_FOR_PARTITION).
// kafkajs' own `waitForLeaders` retries only LEADER_NOT_AVAILABLE and fails the whole call on the first (seen when
// several roles start at once); and a produce that meets the second on one partition of a multi-partition request
// is retried whole, writing duplicates on the partitions that had succeeded. So topics are created without
// kafkajs' wait, and polled here until the leaders answer for every partition.
import type { Admin, ITopicConfig, Kafka } from 'kafkajs'
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
export async function createTopicsAndWait(
  kafka: Kafka,
  admin: Admin,
  specs: TopicSpec[],
  timeoutMs = READY_WAIT_MS,
): Promise<string[]> {
  const created = await Promise.all(
    specs.map((s) => admin.createTopics({ waitForLeaders: false, topics: [toKafka(s)] })),
  )
  await waitUntilServed(kafka, specs, timeoutMs)
  return specs.filter((_, i) => created[i]).map((s) => s.name)
}

const notYet = (err: unknown): boolean => {
  const e = err as { type?: string; originalError?: { type?: string } }
  // kafkajs' fetchTopicOffsets fails with a TypeError on a topic whose metadata lists no partitions yet
  return err instanceof TypeError || NOT_YET.has(e.type ?? e.originalError?.type ?? '')
}

/**
 * Asks every partition's leader for its offsets until all answer. A new admin client each try: kafkajs caches
 * topic metadata and does not fetch it again for a topic it knows, even when what it knows is the half-created
 * topic without partitions.
 */
async function waitUntilServed(kafka: Kafka, specs: TopicSpec[], timeoutMs: number): Promise<void> {
  if (specs.length === 0) return
  await untilServed(`topics ${specs.map((s) => s.name).join(', ')}`, timeoutMs, async () => {
    const probe = kafka.admin()
    try {
      await probe.connect()
      const served = await Promise.all(
        specs.map(async (s) => (await probe.fetchTopicOffsets(s.name)).length === s.partitions),
      )
      return served.every(Boolean) || undefined
    } finally {
      await probe.disconnect().catch(() => undefined)
    }
  })
}

/** Each partition's earliest and latest offsets, asked of its leader: retried while the topic is new. */
export function topicOffsets(
  admin: Admin,
  topic: string,
  timeoutMs = READY_WAIT_MS,
): Promise<Array<{ partition: number; low: string; high: string }>> {
  return untilServed(`topic ${topic}`, timeoutMs, async () => {
    const offsets = await admin.fetchTopicOffsets(topic)
    return offsets.length > 0 ? offsets.sort((a, b) => a.partition - b.partition) : undefined
  })
}

/**
 * Tries until `attempt` gives a result: undefined or a "not yet" broker answer mean try again in a moment; any
 * other error (a dead connection, say) is the caller's to report.
 */
async function untilServed<T>(what: string, timeoutMs: number, attempt: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    let why = 'not every partition is known yet'
    try {
      const result = await attempt()
      if (result !== undefined) return result
    } catch (err) {
      if (!notYet(err)) throw err
      why = (err as Error).message
    }
    if (Date.now() > deadline) throw new Error(`${what} not served after ${timeoutMs / 1000} s: ${why}`)
    await new Promise((r) => setTimeout(r, POLL_MS))
  }
}
