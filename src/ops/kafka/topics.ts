// Topics of a Kafka cluster for `gochat topics …`: plan against the catalog, create, list, describe, delete.
// Offsets are strings: Kafka offsets are 64-bit.
import kafkajs from 'kafkajs'
import { UsageError } from '../../core/operator-errors.js'
import type { TopicSpec } from '../../ports/bus.js'
import { createTopicsAndWait, topicOffsets } from '../../drivers/kafka/create-topics.js'
import type { AdminHandle } from './admin.js'

// kafkajs is CommonJS: Node's ESM loader does not see every export by name (ConfigResourceTypes), the default does
const { ConfigResourceTypes } = kafkajs

const isInternal = (name: string) => name.startsWith('__')

export interface TopicPlan {
  missing: TopicSpec[]
  existing: string[]
  /** exists with another partition count: reported, never changed (repartitioning moves keys) */
  mismatched: Array<{ name: string; partitions: number; expected: number }>
}

export async function planTopics(h: AdminHandle, specs: TopicSpec[]): Promise<TopicPlan> {
  const present = new Set(await h.admin.listTopics())
  const existingSpecs = specs.filter((s) => present.has(s.name))
  const counts = await partitionCounts(
    h,
    existingSpecs.map((s) => s.name),
  )
  return {
    missing: specs.filter((s) => !present.has(s.name)),
    existing: existingSpecs.map((s) => s.name),
    mismatched: existingSpecs
      .filter((s) => counts.get(s.name) !== s.partitions)
      .map((s) => ({ name: s.name, partitions: counts.get(s.name) ?? 0, expected: s.partitions })),
  }
}

async function partitionCounts(h: AdminHandle, names: string[]): Promise<Map<string, number>> {
  if (names.length === 0) return new Map()
  const { topics } = await h.admin.fetchTopicMetadata({ topics: names })
  return new Map(topics.map((t) => [t.name, t.partitions.length]))
}

export async function createTopics(h: AdminHandle, specs: TopicSpec[]): Promise<void> {
  if (specs.length === 0) return
  try {
    // every partition has a leader on return: groups can be provisioned (offsets committed) right after
    await createTopicsAndWait(h.kafka, h.admin, specs)
  } catch (err) {
    // kafkajs wraps the topics' errors in an aggregate (KafkaJSAggregateError.errors)
    const e = err as { type?: string; errors?: Array<{ type?: string; message: string }>; message: string }
    const causes = [e, ...(e.errors ?? [])]
    if (
      causes.some(
        (c) =>
          c.type === 'INVALID_REPLICATION_FACTOR' || c.type === 'INVALID_PARTITIONS' || c.type === 'INVALID_CONFIG',
      )
    ) {
      const why = [...new Set((e.errors ?? [e]).map((c) => c.message))].join('; ')
      throw new UsageError(
        `Kafka refused to create the topics: ${why} (check partitions and replication_factor against the cluster)`,
      )
    }
    throw err
  }
}

export interface TopicSummary {
  name: string
  partitions: number
}

export async function listTopics(h: AdminHandle): Promise<TopicSummary[]> {
  const names = (await h.admin.listTopics()).filter((n) => !isInternal(n)).sort()
  const counts = await partitionCounts(h, names)
  return names.map((name) => ({ name, partitions: counts.get(name) ?? 0 }))
}

export async function topicExists(h: AdminHandle, names: string[]): Promise<{ known: string[]; unknown: string[] }> {
  const present = new Set(await h.admin.listTopics())
  return { known: names.filter((n) => present.has(n)), unknown: names.filter((n) => !present.has(n)) }
}

export interface TopicDescription {
  name: string
  partitions: Array<{
    partition: number
    leader: number
    replicas: number[]
    isr: number[]
    earliest: string
    latest: string
  }>
  /** every effective config, name → value */
  configs: Record<string, string>
  /** names of the configs set on the topic itself (the rest are broker defaults) */
  overrides: string[]
}

/** null when the topic does not exist */
export async function describeTopic(h: AdminHandle, name: string): Promise<TopicDescription | null> {
  if ((await topicExists(h, [name])).unknown.length) return null
  const [{ topics }, offsets, described] = await Promise.all([
    h.admin.fetchTopicMetadata({ topics: [name] }),
    topicOffsets(h.admin, name),
    h.admin.describeConfigs({ includeSynonyms: false, resources: [{ type: ConfigResourceTypes.TOPIC, name }] }),
  ])
  const byPartition = new Map(offsets.map((o) => [o.partition, o]))
  const entries = described.resources[0]?.configEntries ?? []
  return {
    name,
    partitions: topics[0]!.partitions
      .map((p) => ({
        partition: p.partitionId,
        leader: p.leader,
        replicas: p.replicas,
        isr: p.isr,
        earliest: byPartition.get(p.partitionId)?.low ?? '0',
        latest: byPartition.get(p.partitionId)?.high ?? '0',
      }))
      .sort((a, b) => a.partition - b.partition),
    configs: Object.fromEntries(entries.map((e) => [e.configName, e.configValue])),
    overrides: entries.filter((e) => !e.isDefault && e.configSource === 1 /* TOPIC_CONFIG */).map((e) => e.configName),
  }
}

export async function deleteTopics(h: AdminHandle, names: string[]): Promise<void> {
  if (names.length) await h.admin.deleteTopics({ topics: names })
}
