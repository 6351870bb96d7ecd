// Fanout shards cover every member exactly once — also with boundaries cached from an older member list.
import { describe, expect, it } from 'vitest'
import type { RepoApi } from '../../src/rpc/api.js'
import { decode, FanoutTask, type DispatchMessage } from '../../src/contracts/payloads.js'
import { planShards } from './fanout.js'
import { memberPages } from './members.js'
import { Outbox } from './route.js'
import type { DispatchDeps } from './dispatch.js'

function repoOf(members: string[]): RepoApi {
  return {
    ListMembers: async (req: { after_user_id?: string; limit?: number }) => {
      const sorted = [...members].sort()
      const page = sorted.filter((id) => id > (req.after_user_id ?? '')).slice(0, req.limit ?? 1000)
      const more = sorted.indexOf(page[page.length - 1]!) < sorted.length - 1
      return { members: page.map((user_id) => ({ user_id, conversation_id: 'g', role: 'member', joined_at: 0 })), next_cursor: more ? page[page.length - 1]! : '' }
    },
  } as unknown as RepoApi
}

const ids = (n: number, prefix = 'u') => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(5, '0')}`)
const dispatch = (memberCount: number): DispatchMessage => ({
  message: { messageId: 'm', conversationId: `g${memberCount}`, seq: 1, senderId: 'u00000', content: 'x', sentAt: 0, status: 'normal' },
  conversationKind: 'group', memberCount,
})

async function covered(deps: DispatchDeps, d: DispatchMessage) {
  const out = new Outbox()
  await planShards(deps, out, d)
  const tasks = (out.byTopic.get('fanout') ?? []).map((r) => decode(FanoutTask, r.value as string, 'FanoutTask'))
  const seen: string[] = []
  for (const t of tasks) for await (const page of memberPages(deps.repo, d.message.conversationId, t.afterUserId, t.untilUserId, 7)) seen.push(...page)
  return { tasks, seen }
}

describe('planShards', () => {
  const deps = (members: string[]): DispatchDeps => ({ repo: repoOf(members), downstreamTopic: (g) => g, pushTopic: 'push', pushEnabled: true, largeGroupThreshold: 1, fanoutBatchSize: 10, fanoutTopic: 'fanout' })

  it.each([1, 9, 10, 11, 100, 101])('cuts %i members into shards of 10 that cover each member once', async (n) => {
    const members = ids(n)
    const { tasks, seen } = await covered(deps(members), dispatch(n))
    expect(tasks).toHaveLength(Math.ceil(n / 10))
    expect(tasks.map((t) => t.shards)).toEqual(tasks.map(() => Math.ceil(n / 10)))
    expect(seen.sort()).toEqual(members)
  })

  it('still covers every member once when cached boundaries are stale (same count, other members)', async () => {
    await covered(deps(ids(50)), dispatch(50)) // caches boundaries for conversation g50
    const changed = [...ids(25), ...ids(25, 'z')] // same count, half the members replaced
    const { seen } = await covered(deps(changed), dispatch(50))
    expect(seen.sort()).toEqual(changed.sort())
  })
})
