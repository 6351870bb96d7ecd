// dispatchHandler against a real repo service (in-process, embedded drivers): a batch costs one presence lookup
// for all of its users and one member listing per group, a direct chat's members are listed once ever, and
// every message still reaches exactly its own members' gateways in the batch's order.
import { textDefaults } from '../../src/domain/message.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memoryRepo, watchedApi } from '../../test/helpers/task-repo.js'
import { configKeys, type GochatConfig } from '../../src/config/index.js'
import type { DispatchMessage, DownstreamMessage } from '../../src/contracts/payloads.js'
import type { Retrier } from '../../src/messaging/retry.js'
import { createLogger } from '../../src/observability/log.js'
import type { Bus, BusRecord, OutgoingRecord } from '../../src/ports/bus.js'
import type { Presence } from '../../src/presence/presence.js'
import type { RepoApi } from '../../src/rpc/api.js'
import type { StartedRepo } from '../repo/index.js'
import { dispatchHandler, type DispatchDeps } from './dispatch.js'

const cfg = Object.fromEntries(Object.entries(configKeys).map(([k, v]) => [k, v.default])) as GochatConfig

const record = (i: number): BusRecord => ({
  topic: 'dispatch',
  partition: 0,
  offset: String(i),
  key: null,
  value: Buffer.alloc(0),
  headers: {},
  timestamp: 0,
})

describe('dispatchHandler', () => {
  let repo: StartedRepo
  let presence: Presence
  const calls: string[] = []
  let failing: string | undefined
  let counted: RepoApi

  beforeAll(async () => {
    ;({ repo, presence } = await memoryRepo(cfg, createLogger()))
    // the real API, with each call counted (and one method made to fail on demand)
    counted = watchedApi(
      repo.api,
      (name) => name === failing,
      (name) => calls.push(name),
    )
  })
  afterAll(async () => {
    await repo.role.stop()
  })

  function harness() {
    const published: Array<{ topic: string; down: DownstreamMessage }> = []
    const bus = {
      publish: async (topic: string, records: OutgoingRecord[]) => {
        for (const r of records) published.push({ topic, down: JSON.parse(String(r.value)) as DownstreamMessage })
      },
    } as unknown as Bus
    const failed: string[] = []
    const retrier: Retrier = { taskType: 'dispatch', fail: async (rec) => void failed.push(rec.offset) }
    const deps: DispatchDeps = {
      repo: counted,
      downstreamTopic: (gw) => `down.${gw}`,
      pushTopic: 'push',
      pushEnabled: false,
      largeGroupThreshold: 1000,
      fanoutBatchSize: 500,
      fanoutTopic: 'fanout',
    }
    return { handle: dispatchHandler(bus, retrier, deps), published, failed }
  }

  let seq = 0
  const message = (conversationId: string, kind: 'direct' | 'group', senderId: string): DispatchMessage => ({
    message: {
      messageId: `m${++seq}`,
      conversationId,
      seq,
      senderId,
      content: 'hi',
      sentAt: 0,
      status: 'normal',
      ...textDefaults,
    },
    conversationKind: kind,
    memberCount: kind === 'direct' ? 2 : 3,
  })

  it("resolves a batch's members once per conversation and presence once, and routes each message in order", async () => {
    const direct1 = (await repo.api.EnsureDirectConversation({ user_a: 'ann', user_b: 'bob' })).conversation!
    const direct2 = (await repo.api.EnsureDirectConversation({ user_a: 'cat', user_b: 'dan' })).conversation!
    const group = (await repo.api.CreateGroup({ name: 'G', creator_id: 'ann', member_ids: ['cat', 'eve'] }))
      .conversation_id
    await presence.register('ann', 'gw-a', 'c1')
    await presence.register('bob', 'gw-b', 'c2')
    await presence.register('cat', 'gw-a', 'c3')
    await presence.register('dan', 'gw-a', 'c4')
    await presence.register('eve', 'gw-b', 'c5')
    const batch = [
      message(direct1.conversation_id, 'direct', 'ann'),
      message(group, 'group', 'eve'),
      message(direct2.conversation_id, 'direct', 'cat'),
      message(direct1.conversation_id, 'direct', 'bob'),
      message(group, 'group', 'ann'),
    ]
    const { handle, published, failed } = harness()
    calls.length = 0
    await handle(batch.map((value, i) => ({ record: record(i), value })))

    expect(failed).toEqual([])
    expect(calls.sort()).toEqual(['ListMembers', 'ListMembers', 'ListMembers', 'LookupPresence'])
    const routed = (gw: string) =>
      published.filter((p) => p.topic === `down.${gw}`).map((p) => [p.down.seq, [...p.down.userIds].sort()])
    const s = batch.map((d) => d.message.seq)
    expect(routed('gw-a')).toEqual([
      [s[0], ['ann']],
      [s[1], ['ann', 'cat']],
      [s[2], ['cat', 'dan']],
      [s[3], ['ann']],
      [s[4], ['ann', 'cat']],
    ])
    expect(routed('gw-b')).toEqual([
      [s[0], ['bob']],
      [s[1], ['eve']],
      [s[3], ['bob']],
      [s[4], ['eve']],
    ])

    // the next batch: direct members come from the cache, presence is read fresh (bob moved to gw-a)
    await presence.unregister('bob', 'gw-b', 'c2')
    await presence.register('bob', 'gw-a', 'c6')
    const next = harness()
    calls.length = 0
    const again = message(direct1.conversation_id, 'direct', 'ann')
    await next.handle([{ record: record(9), value: again }])
    expect(calls).toEqual(['LookupPresence'])
    expect(next.published.map((p) => [p.topic, [...p.down.userIds].sort()])).toEqual([['down.gw-a', ['ann', 'bob']]])
  })

  it("routes the batch's other messages when resolving it fails, and retries only the one that fails alone", async () => {
    const group = (await repo.api.CreateGroup({ name: 'H', creator_id: 'fay', member_ids: ['gus'] })).conversation_id
    const cached = (await repo.api.EnsureDirectConversation({ user_a: 'ann', user_b: 'bob' })).conversation!
    await presence.register('fay', 'gw-a', 'c7')
    const { handle, published, failed } = harness()
    failing = 'ListMembers' // the group's members cannot be listed; the direct chat's are cached
    try {
      await handle([
        { record: record(0), value: message(cached.conversation_id, 'direct', 'ann') },
        { record: record(1), value: message(group, 'group', 'fay') },
      ])
    } finally {
      failing = undefined
    }
    expect(failed).toEqual(['1'])
    expect(published.map((p) => [p.topic, p.down.conversationId])).toEqual([[`down.gw-a`, cached.conversation_id]])
  })
})
