// Thin operations on the kafkajs admin client for `gochat topics …` and `gochat groups …`. Every function
// returns plain data (strings for offsets: Kafka offsets are 64-bit); rendering is the commands' business.
import kafkajs, { type Admin, type Kafka } from 'kafkajs'
import { UnreachableError, UsageError } from '../../core/operator-errors.js'
import type { GochatConfig } from '../../config/index.js'
import type { TopicSpec } from '../../ports/bus.js'
import { createKafka } from './client.js'
import { createTopicsAndWait, topicOffsets } from './create-topics.js'

// kafkajs is CommonJS: Node's ESM loader does not see every export by name (ConfigResourceTypes), the default does
const { AssignerProtocol, ConfigResourceTypes, logLevel } = kafkajs

export interface AdminHandle {
  kafka: Kafka
  admin: Admin
  brokers: string[]
}

const CONNECT_TIMEOUT_MS = 10_000
const JOIN_TIMEOUT_MS = 15_000

const unreachable = (brokers: string[], why: string) =>
  new UnreachableError(
    `Kafka at ${brokers.join(',')} ${why}`,
    'start it with `gochat infra up` (see `gochat infra status`), or point --kafka / GOCHAT_KAFKA_BROKERS at a running broker',
  )

// kafkajs reports a dead broker under several names, sometimes wrapped in a retry error.
function isConnectionError(err: unknown): boolean {
  const e = err as { name?: string; originalError?: unknown } | null
  if (!e) return false
  if (
    [
      'KafkaJSConnectionError',
      'KafkaJSBrokerNotFound',
      'KafkaJSRequestTimeoutError',
      'KafkaJSConnectionClosedError',
    ].includes(e.name ?? '')
  )
    return true
  return e.name === 'KafkaJSNumberOfRetriesExceeded' && isConnectionError(e.originalError)
}

/** For commands that only make sense on a real broker: the embedded bus lives inside one process. */
export const needsKafka = () =>
  new UsageError(
    'this command needs Kafka, and none is configured (the embedded bus lives inside a running gochat and cannot be looked at from outside)',
    'pass --kafka host:port or set GOCHAT_KAFKA_BROKERS, e.g. --kafka 127.0.0.1:9092 after `gochat infra up`',
  )

/** Connects within a bounded wait: kafkajs alone would retry with backoff for much longer. */
export async function openAdmin(
  cfg: Pick<GochatConfig, 'kafka_brokers' | 'log_level'>,
  timeoutMs = CONNECT_TIMEOUT_MS,
): Promise<AdminHandle> {
  const brokers = cfg.kafka_brokers
  if (brokers.length === 0) {
    throw needsKafka()
  }
  // Failures surface as one clear error from here; kafkajs' own per-retry log lines would only be noise.
  const kafka = createKafka(brokers, 'gochat-admin', {
    logLevel: cfg.log_level === 'debug' ? logLevel.WARN : logLevel.NOTHING,
  })
  const admin = kafka.admin()
  let timer: NodeJS.Timeout | undefined
  const connecting = admin.connect()
  connecting.catch(() => {}) // if the timeout wins, the late rejection must not become an unhandled one
  try {
    await Promise.race([
      connecting,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(unreachable(brokers, `did not answer within ${timeoutMs / 1000}s`)), timeoutMs)
      }),
    ])
  } catch (err) {
    void admin.disconnect().catch(() => {})
    if (err instanceof UnreachableError) throw err
    throw unreachable(brokers, `did not answer (${(err as Error).message})`)
  } finally {
    clearTimeout(timer)
  }
  return { kafka, admin, brokers }
}

/** Opens, runs, always disconnects; a broker lost midway becomes an UnreachableError too. */
export async function withAdmin<T>(
  cfg: Pick<GochatConfig, 'kafka_brokers' | 'log_level'>,
  fn: (h: AdminHandle) => Promise<T>,
): Promise<T> {
  const h = await openAdmin(cfg)
  try {
    return await fn(h)
  } catch (err) {
    if (isConnectionError(err)) throw unreachable(h.brokers, `stopped answering (${(err as Error).message})`)
    throw err
  } finally {
    await h.admin.disconnect().catch(() => {})
  }
}

const isInternal = (name: string) => name.startsWith('__')

// ---------------------------------------------------------------------------------------------- topics

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

// ---------------------------------------------------------------------------------------------- groups

/** Groups with members are live: offsets must not be moved under them. */
export const isIdle = (state: string) => state === 'Empty' || state === 'Dead'

export interface GroupSummary {
  groupId: string
  state: string
  members: number
  protocolType: string
}

export async function listGroups(h: AdminHandle): Promise<GroupSummary[]> {
  const { groups } = await h.admin.listGroups()
  if (groups.length === 0) return []
  const described = await h.admin.describeGroups(groups.map((g) => g.groupId))
  return described.groups
    .map((g) => ({ groupId: g.groupId, state: g.state, members: g.members.length, protocolType: g.protocolType }))
    .sort((a, b) => a.groupId.localeCompare(b.groupId))
}

export interface GroupMember {
  memberId: string
  clientId: string
  host: string
  assignment: Array<{ topic: string; partitions: number[] }>
}
export interface PartitionLag {
  topic: string
  partition: number
  committed: string | null
  logEndOffset: string
  lag: number | null
}
export interface GroupDetails {
  groupId: string
  state: string
  members: GroupMember[]
  partitions: PartitionLag[]
  /** sum over partitions with a committed offset */
  totalLag: number
}

function decodeAssignment(buf: Buffer): GroupMember['assignment'] {
  try {
    const decoded = AssignerProtocol.MemberAssignment.decode(buf)
    return Object.entries(decoded?.assignment ?? {}).map(([topic, partitions]) => ({ topic, partitions }))
  } catch {
    return [] // not a consumer-protocol group (e.g. Kafka Connect): no assignment to show
  }
}

/** null when the group has neither members nor committed offsets */
export async function describeGroup(h: AdminHandle, groupId: string): Promise<GroupDetails | null> {
  const [{ groups }, committed, present] = await Promise.all([
    h.admin.describeGroups([groupId]),
    h.admin.fetchOffsets({ groupId }), // no topics: every topic the group has committed on
    h.admin.listTopics().then((t) => new Set(t)),
  ])
  const g = groups[0]!
  const members = g.members.map((m) => ({
    memberId: m.memberId,
    clientId: m.clientId,
    host: m.clientHost,
    assignment: decodeAssignment(m.memberAssignment),
  }))
  const committedBy = new Map<string, string>()
  for (const t of committed)
    for (const p of t.partitions) if (Number(p.offset) >= 0) committedBy.set(`${t.topic}/${p.partition}`, p.offset)
  const topicNames = new Set([
    ...committed.filter((t) => t.partitions.some((p) => Number(p.offset) >= 0)).map((t) => t.topic),
    ...members.flatMap((m) => m.assignment.map((a) => a.topic)),
  ])
  if (g.state === 'Dead' && topicNames.size === 0) return null

  const partitions: PartitionLag[] = []
  for (const topic of [...topicNames].filter((t) => present.has(t)).sort()) {
    for (const o of await topicOffsets(h.admin, topic)) {
      const c = committedBy.get(`${topic}/${o.partition}`) ?? null
      partitions.push({
        topic,
        partition: o.partition,
        committed: c,
        logEndOffset: o.high,
        lag: c === null ? null : Math.max(0, Number(o.high) - Number(c)),
      })
    }
  }
  return { groupId, state: g.state, members, partitions, totalLag: partitions.reduce((s, p) => s + (p.lag ?? 0), 0) }
}

export const activeGroupError = (groupId: string, state: string, members: number) =>
  new UsageError(
    `consumer group ${groupId} has ${members} active member(s) (state ${state}); stop its consumers before moving its offsets`,
  )

/**
 * Commits offsets by joining the group for a moment as its only member. kafkajs' admin.setOffsets does the
 * same but waits out a full fetch (~5 s a topic); a paused consumer with a short fetch wait leaves in ~0.1 s.
 * Only for idle groups: joining a live one would trigger a rebalance of its real members.
 */
export async function commitAsMember(
  h: AdminHandle,
  groupId: string,
  offsets: Array<{ topic: string; partition: number; offset: string }>,
): Promise<void> {
  const topicList = [...new Set(offsets.map((o) => o.topic))]
  const consumer = h.kafka.consumer({ groupId, maxWaitTimeInMs: 100, allowAutoTopicCreation: false })
  let timer: NodeJS.Timeout | undefined
  try {
    await consumer.connect()
    await consumer.subscribe({ topics: topicList })
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()))
    await consumer.run({ autoCommit: false, eachBatch: async () => {} })
    consumer.pause(topicList.map((topic) => ({ topic }))) // never fetch: this member is only here to commit
    await Promise.race([
      joined,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`could not join consumer group ${groupId} within ${JOIN_TIMEOUT_MS / 1000}s`)),
          JOIN_TIMEOUT_MS,
        )
      }),
    ])
    await consumer.commitOffsets(offsets)
  } finally {
    clearTimeout(timer)
    await consumer.disconnect().catch(() => {})
  }
}

export interface ProvisionResult {
  provisioned: Array<{ groupId: string; topics: string[] }>
  skipped: Array<{ groupId: string; reason: string }>
}

/**
 * Gives every listed group a committed offset (the current end of each partition) on each of its topics
 * where it has none yet, so that `gochat groups describe` shows lag from the first minute instead of no
 * offsets until a consumer commits. A topic where the group has committed anything is left alone: those
 * offsets are real progress. Groups with members are skipped. With dryRun, topics that do not exist yet
 * count as needing offsets.
 */
export async function provisionGroups(
  h: AdminHandle,
  wanted: Array<{ groupId: string; topics: string[] }>,
  dryRun = false,
): Promise<ProvisionResult> {
  const result: ProvisionResult = { provisioned: [], skipped: [] }
  if (wanted.length === 0) return result
  const present = new Set(await h.admin.listTopics())
  const { groups } = await h.admin.describeGroups(wanted.map((g) => g.groupId))
  const state = new Map(groups.map((g) => [g.groupId, g]))
  for (const { groupId, topics } of wanted) {
    const g = state.get(groupId)
    if (g && !isIdle(g.state)) {
      result.skipped.push({ groupId, reason: `${g.members.length} active member(s), state ${g.state}` })
      continue
    }
    const existing = topics.filter((t) => present.has(t))
    if (!dryRun && existing.length < topics.length) {
      result.skipped.push({ groupId, reason: `missing topics: ${topics.filter((t) => !present.has(t)).join(', ')}` })
      continue
    }
    const committed = existing.length ? await h.admin.fetchOffsets({ groupId, topics: existing }) : []
    const hasOffsets = new Set(
      committed.filter((t) => t.partitions.some((p) => Number(p.offset) >= 0)).map((t) => t.topic),
    )
    const todo = topics.filter((t) => !hasOffsets.has(t))
    if (todo.length === 0) continue
    if (!dryRun) {
      const offsets = []
      for (const topic of todo)
        for (const o of await topicOffsets(h.admin, topic))
          offsets.push({ topic, partition: o.partition, offset: o.high })
      await commitAsMember(h, groupId, offsets)
    }
    result.provisioned.push({ groupId, topics: todo })
  }
  return result
}
