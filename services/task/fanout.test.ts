// Fanout shards, against the real repo service on the in-memory store and cache: every member is routed exactly
// once, online members to their gateway and offline ones to a push (never the sender), also when the shard
// boundaries cached for the group went stale after a membership change.
import { textDefaults } from '../../src/domain/message.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { configKeys, type GochatConfig } from '../../src/config/index.js'
import {
  decode,
  DownstreamMessage,
  FanoutTask,
  OfflinePush,
  type DispatchMessage,
} from '../../src/contracts/payloads.js'
import { MemoryBus } from '../../src/drivers/memory/bus.js'
import { MemoryCache } from '../../src/drivers/memory/cache.js'
import { MemoryStore } from '../../src/drivers/memory/store.js'
import { createLogger } from '../../src/observability/log.js'
import { Presence } from '../../src/presence/presence.js'
import type { RepoApi } from '../../src/rpc/api.js'
import { startRepo, type StartedRepo } from '../repo/index.js'
import type { DispatchDeps } from './dispatch.js'
import { fanoutOne, planShards } from './fanout.js'
import { OutgoingRecords } from './route.js'

const cfg = Object.fromEntries(Object.entries(configKeys).map(([k, v]) => [k, v.default])) as GochatConfig
const ids = (n: number, prefix = 'u') => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(5, '0')}`)

describe('large-group fanout', () => {
  const cache = new MemoryCache()
  const presence = new Presence(cache, { ttlMs: 60_000 })
  let repo: StartedRepo
  let api: RepoApi
  beforeAll(async () => {
    repo = await startRepo({
      cfg,
      bus: new MemoryBus({ defaultPartitions: 1 }),
      log: createLogger(),
      store: new MemoryStore(),
      cache,
      relay: { start: false },
    })
    api = repo.api
  })
  afterAll(async () => repo?.role.stop())

  const deps = (): DispatchDeps => ({
    repo: api,
    downstreamTopic: (g) => `down.${g}`,
    pushTopic: 'push',
    pushEnabled: true,
    largeGroupThreshold: 1,
    fanoutBatchSize: 10,
    fanoutTopic: 'fanout',
  })

  /** a group of the given members (the first is its creator and the sender); every third member is online, on gw-a or gw-b */
  async function group(members: string[]): Promise<string> {
    const { conversation_id } = await api.CreateGroup({ name: 'g', creator_id: members[0]!, member_ids: [] })
    if (members.length > 1) await api.AddMembers({ conversation_id, user_ids: members.slice(1), role: 'member' })
    for (const [i, u] of members.entries())
      if (i % 3 === 0) await presence.register(u, i % 2 ? 'gw-a' : 'gw-b', `c-${u}`)
    return conversation_id
  }

  const dispatch = (conversationId: string, memberCount: number, senderId: string): DispatchMessage => ({
    message: {
      messageId: 'm',
      conversationId,
      seq: 1,
      senderId,
      content: 'x',
      sentAt: 0,
      status: 'normal',
      ...textDefaults,
    },
    conversationKind: 'group',
    memberCount,
  })

  /** plans the shards, runs each, and returns who got a frame (by gateway) and who a push */
  async function fanOut(d: DispatchMessage) {
    const planned = new OutgoingRecords()
    await planShards(deps(), planned, d)
    const tasks = (planned.byTopic.get('fanout') ?? []).map((r) => decode(FanoutTask, r.value as string, 'FanoutTask'))
    const online: Record<string, string[]> = {}
    const pushed: string[] = []
    for (const t of tasks) {
      const out = await fanoutOne(deps(), t)
      for (const [topic, records] of out.byTopic) {
        for (const r of records) {
          if (topic === 'push') pushed.push(...decode(OfflinePush, r.value as string, 'OfflinePush').userIds)
          else (online[topic] ??= []).push(...decode(DownstreamMessage, r.value as string, 'DownstreamMessage').userIds)
        }
      }
    }
    return { tasks, online, pushed }
  }

  function expectEachOnce(members: string[], routed: Awaited<ReturnType<typeof fanOut>>, sender: string) {
    const on = (i: number) => i % 3 === 0
    expect((routed.online['down.gw-a'] ?? []).sort()).toEqual(members.filter((_, i) => on(i) && i % 2 === 1).sort())
    expect((routed.online['down.gw-b'] ?? []).sort()).toEqual(members.filter((_, i) => on(i) && i % 2 === 0).sort())
    expect(routed.pushed.sort()).toEqual(members.filter((u, i) => !on(i) && u !== sender).sort())
  }

  it.each([1, 9, 10, 11, 100, 101])('cuts %i members into shards of 10 and routes each member once', async (n) => {
    const members = ids(n, `n${n}-`)
    const conv = await group(members)
    const routed = await fanOut(dispatch(conv, n, members[0]!))
    expect(routed.tasks).toHaveLength(Math.ceil(n / 10))
    expect(routed.tasks.map((t) => t.shards)).toEqual(routed.tasks.map(() => Math.ceil(n / 10)))
    expectEachOnce(members, routed, members[0]!)
  })

  it('still routes every member once when cached boundaries are stale (same count, other members)', async () => {
    const members = ids(50, 's')
    const conv = await group(members)
    await fanOut(dispatch(conv, 50, members[0]!)) // caches the boundaries of this group
    // half the members leave and as many others join: the count is the same, the cached boundaries are stale
    for (const u of members.slice(25)) await api.RemoveMember({ conversation_id: conv, user_id: u })
    const joined = ids(25, 'a') // sort before every old member: the first shard gets them all, over several pages
    await api.AddMembers({ conversation_id: conv, user_ids: joined, role: 'member' })
    for (const [i, u] of joined.entries())
      if (i % 3 === 0) await presence.register(u, i % 2 ? 'gw-a' : 'gw-b', `c-${u}`)
    const now = [...joined, ...members.slice(0, 25)]
    const routed = await fanOut(dispatch(conv, 50, members[0]!))
    const all = [...Object.values(routed.online).flat(), ...routed.pushed] // the sender is online: in there once too
    expect(all.sort()).toEqual([...now].sort())
  })
})
