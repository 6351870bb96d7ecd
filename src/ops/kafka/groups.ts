// Consumer groups for `gochat groups …`: state, members, per-partition lag, and committing offsets for idle groups.
import kafkajs from 'kafkajs'
import { UsageError } from '../../core/operator-errors.js'
import { topicOffsets } from '../../drivers/kafka/create-topics.js'
import type { AdminHandle } from './admin.js'

// kafkajs is CommonJS: Node's ESM loader does not see every export by name, the default does
const { AssignerProtocol } = kafkajs

const JOIN_TIMEOUT_MS = 15_000

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
