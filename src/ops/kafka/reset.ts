// Offset resets of a consumer group (`gochat groups reset`), as kafka-consumer-groups.sh --reset-offsets plans
// them: a target per partition from a rule (earliest, latest, a time, an offset, a shift), clamped to what the
// log still holds. Planning changes nothing; applying commits the plan for an idle group.
import { UsageError } from '../../core/operator-errors.js'
import type { AdminHandle } from './admin.js'
import { activeGroupError, commitAsMember, isIdle } from './groups.js'
import { topicOffsets } from '../../drivers/kafka/create-topics.js'

export type ResetTarget =
  | { to: 'earliest' }
  | { to: 'latest' }
  | { to: 'datetime'; timestamp: number }
  | { to: 'offset'; offset: bigint }
  | { to: 'shift'; by: bigint }

export interface ResetPlan {
  groupId: string
  state: string
  activeMembers: number
  /** false for a group with no committed offset anywhere and no members (only planned with --create) */
  groupExists: boolean
  partitions: Array<{ topic: string; partition: number; current: string | null; target: string }>
}

export interface ResetScope {
  /** one topic, or null for every topic the group has committed offsets on */
  topic: string | null
  /** only these partitions of the topic (all when absent) */
  partitions?: number[]
}

/** topic → partition → committed offset, for every topic where the group committed something */
async function committedOffsets(h: AdminHandle, groupId: string): Promise<Map<string, Map<number, string>>> {
  const byTopic = new Map<string, Map<number, string>>()
  for (const t of await h.admin.fetchOffsets({ groupId })) {
    const done = t.partitions.filter((p) => Number(p.offset) >= 0)
    if (done.length) byTopic.set(t.topic, new Map(done.map((p) => [p.partition, p.offset])))
  }
  return byTopic
}

const clamp = (v: bigint, low: bigint, high: bigint) => (v < low ? low : v > high ? high : v)

export async function planReset(
  h: AdminHandle,
  groupId: string,
  scope: ResetScope,
  target: ResetTarget,
): Promise<ResetPlan> {
  const [{ groups }, committed] = await Promise.all([h.admin.describeGroups([groupId]), committedOffsets(h, groupId)])
  const g = groups[0]!
  const topics = scope.topic ? [scope.topic] : [...committed.keys()].sort()
  const partitions: ResetPlan['partitions'] = []
  for (const topic of topics) {
    const ends = await topicOffsets(h.admin, topic)
    if (scope.partitions) {
      const absent = scope.partitions.filter((p) => !ends.some((e) => e.partition === p))
      if (absent.length)
        throw new UsageError(
          `${topic} has partitions 0 to ${ends.length - 1}; --partitions ${absent.join(',')} do not exist`,
        )
    }
    const byTime =
      target.to === 'datetime'
        ? new Map(
            (await h.admin.fetchTopicOffsetsByTimestamp(topic, target.timestamp)).map((o) => [o.partition, o.offset]),
          )
        : null
    for (const o of ends.filter((e) => !scope.partitions || scope.partitions.includes(e.partition))) {
      const current = committed.get(topic)?.get(o.partition) ?? null
      const [low, high] = [BigInt(o.low), BigInt(o.high)]
      let target_: bigint
      if (target.to === 'earliest') target_ = low
      else if (target.to === 'latest') target_ = high
      else if (target.to === 'datetime') target_ = BigInt(byTime!.get(o.partition) ?? o.high)
      else if (target.to === 'offset') target_ = target.offset
      // a shift starts from the committed offset, or from the end where there is none (where a new consumer starts)
      else target_ = BigInt(current ?? o.high) + target.by
      partitions.push({ topic, partition: o.partition, current, target: String(clamp(target_, low, high)) })
    }
  }
  partitions.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition)
  return {
    groupId,
    state: g.state,
    activeMembers: g.members.length,
    groupExists: g.state !== 'Dead' || committed.size > 0,
    partitions,
  }
}

export async function applyReset(h: AdminHandle, plan: ResetPlan): Promise<void> {
  const { groups } = await h.admin.describeGroups([plan.groupId]) // again: members may have joined since the plan
  if (!isIdle(groups[0]!.state)) throw activeGroupError(plan.groupId, groups[0]!.state, groups[0]!.members.length)
  await commitAsMember(
    h,
    plan.groupId,
    plan.partitions.map((p) => ({ topic: p.topic, partition: p.partition, offset: p.target })),
  )
}

/** ISO-8601 (PT1H30M, P1D) or short (90s, 15m, 2h, 1d) duration in milliseconds */
export function parseDuration(value: string): number {
  const short = /^(\d+)(ms|s|m|h|d)$/.exec(value.trim())
  if (short) return Number(short[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[short[2] as 'ms']
  const iso = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(value.trim())
  if (iso && value.trim().length > 1 && !/T$/i.test(value.trim())) {
    const [, d, h, m, s] = iso
    return Number(d ?? 0) * 86_400_000 + Number(h ?? 0) * 3_600_000 + Number(m ?? 0) * 60_000 + Number(s ?? 0) * 1000
  }
  throw new UsageError(`--by-duration: "${value}" is not a duration`, 'e.g. 15m, 2h, 1d or ISO-8601 PT1H30M')
}
