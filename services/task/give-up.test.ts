// A delivery the task gives up on still keeps the promise "live, or a resync": against a real repo service
// (in-process, embedded drivers) and the real retrier, a dispatch that fails past its last retry tells each of the
// conversation's online members to resync through their own gateway before it is dead-lettered; a fanout shard
// tells only the shard's members; when the recipients cannot be located, nothing is dead-lettered (the record comes
// again); a record that does not decode is dead-lettered with nobody to tell.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memoryRepo, watchedApi } from '../../test/helpers/task-repo.js'
import { configKeys, type GochatConfig } from '../../src/config/index.js'
import {
  encode,
  TaskMessage,
  decode,
  type DispatchMessage,
  type DownstreamMessage,
  type FanoutTask,
} from '../../src/contracts/payloads.js'
import { RESYNC_FRAME } from '../../src/contracts/resync.js'
import { textDefaults } from '../../src/domain/message.js'
import { retrier } from '../../src/messaging/retry.js'
import { createLogger } from '../../src/observability/log.js'
import type { Bus, BusRecord, OutgoingRecord } from '../../src/ports/bus.js'
import type { Presence } from '../../src/presence/presence.js'
import type { RepoApi } from '../../src/rpc/api.js'
import type { StartedRepo } from '../repo/index.js'
import { dispatchHandler, type DispatchDeps } from './dispatch.js'
import { resyncOnGiveUp, tellingFirst } from './give-up.js'
import { taskHandler } from './worker.js'

const cfg = Object.fromEntries(Object.entries(configKeys).map(([k, v]) => [k, v.default])) as GochatConfig
const topics = { retry: 'retry', dlq: 'dlq' }
const log = createLogger()

const recordOf = (topic: string, value: unknown): BusRecord => ({
  topic,
  partition: 0,
  offset: '7',
  key: null,
  value: Buffer.from(typeof value === 'string' ? value : encode(value)),
  headers: {},
  timestamp: 0,
})

describe('a given-up delivery tells its recipients to resync', () => {
  let repo: StartedRepo
  let presence: Presence
  let failing = new Set<string>()
  let api: RepoApi

  beforeAll(async () => {
    ;({ repo, presence } = await memoryRepo(cfg, log))
    // the real API, with the methods named in `failing` made to fail (repo unreachable for those calls)
    api = watchedApi(repo.api, (name) => failing.has(name))
  })
  afterAll(async () => {
    await repo.role.stop()
  })

  function harness(taskType: 'dispatch' | 'fanout') {
    const published: Array<{ topic: string; record: OutgoingRecord }> = []
    const bus = {
      publish: async (topic: string, records: OutgoingRecord[]) => {
        for (const record of records) published.push({ topic, record })
      },
    } as unknown as Bus
    const deps: DispatchDeps = {
      repo: api,
      downstreamTopic: (gw) => `down.${gw}`,
      pushTopic: 'push',
      pushEnabled: false,
      largeGroupThreshold: 1000,
      fanoutBatchSize: 2,
      fanoutTopic: 'fanout',
    }
    const giveUp = resyncOnGiveUp(bus, deps, taskType, log)
    // no retries: the first failure is the last
    const retry = retrier(bus, topics, taskType, { attempts: 0, baseMs: 1, capMs: 1 }, giveUp)
    /** each gateway told to resync, with the users it was told for (in pages of fanoutBatchSize members) */
    const resyncs = () => {
      const by = new Map<string, string[]>()
      for (const p of published) {
        const down = p.topic.startsWith('down.') ? (JSON.parse(String(p.record.value)) as DownstreamMessage) : undefined
        if (down?.frame === RESYNC_FRAME) by.set(p.topic, [...(by.get(p.topic) ?? []), ...down.userIds])
      }
      return [...by].map(([topic, users]) => [topic, users.sort()]).sort()
    }
    return { bus, deps, giveUp, retry, published, resyncs }
  }

  let seq = 0
  const message = (conversationId: string, senderId: string) => ({
    messageId: `m${++seq}`,
    conversationId,
    seq,
    senderId,
    content: 'hi',
    sentAt: 0,
    status: 'normal' as const,
    ...textDefaults,
  })

  it('a dispatch out of retries: every online member is told through its gateway, then it is dead-lettered', async () => {
    const group = (await repo.api.CreateGroup({ name: 'G', creator_id: 'ann', member_ids: ['bob', 'cat', 'dan'] }))
      .conversation_id
    await presence.register('ann', 'gw-a', 'c1')
    await presence.register('bob', 'gw-b', 'c2')
    await presence.register('cat', 'gw-a', 'c3') // dan is offline
    const d: DispatchMessage = { message: message(group, 'ann'), conversationKind: 'group', memberCount: 4 }
    const h = harness('dispatch')
    failing = new Set(['LookupPresence']) // routing fails; locating the members for the resync does not
    try {
      await dispatchHandler(h.bus, h.retry, h.deps)([{ record: recordOf('dispatch', d), value: d }])
    } finally {
      failing = new Set()
    }
    expect(h.resyncs()).toEqual([
      ['down.gw-a', ['ann', 'cat']],
      ['down.gw-b', ['bob']],
    ])
    // told before the dead letter, keyed like the conversation's messages (after its earlier frames)
    expect(h.published.at(-1)!.topic).toBe('dlq')
    for (const p of h.published.slice(0, -1)) expect(p.record.key).toBe(group)
    const dead = decode(TaskMessage, Buffer.from(String(h.published.at(-1)!.record.value)), 'TaskMessage')
    expect(dead.lastError).toMatch(/LookupPresence: unavailable/)
  })

  it('a fanout shard given up tells only the members of its shard', async () => {
    const group = (await repo.api.CreateGroup({ name: 'F', creator_id: 'u1', member_ids: ['u2', 'u3', 'u4'] }))
      .conversation_id
    for (const u of ['u1', 'u2', 'u3', 'u4']) await presence.register(u, u < 'u3' ? 'gw-a' : 'gw-b', `c-${u}`)
    const shard: FanoutTask = {
      taskId: 't1',
      message: message(group, 'u1'),
      shard: 1,
      shards: 2,
      afterUserId: 'u2',
      untilUserId: '',
    }
    const h = harness('fanout')
    await taskHandler<FanoutTask>(h.bus, h.retry, async () => {
      throw new Error('the shard could not be routed')
    })([{ record: recordOf('fanout', shard), value: shard }])
    expect(h.resyncs()).toEqual([['down.gw-b', ['u3', 'u4']]])
    expect(h.published.at(-1)!.topic).toBe('dlq')
  })

  it('when the recipients cannot be located, nothing is dead-lettered: the give-up fails and the record comes again', async () => {
    const direct = (await repo.api.EnsureDirectConversation({ user_a: 'eve', user_b: 'fay' })).conversation!
    await presence.register('fay', 'gw-b', 'c9')
    const d: DispatchMessage = {
      message: message(direct.conversation_id, 'eve'),
      conversationKind: 'direct',
      memberCount: 2,
    }
    const h = harness('dispatch')
    failing = new Set(['ListMembers', 'LocateMembers'])
    try {
      await expect(
        dispatchHandler(h.bus, h.retry, h.deps)([{ record: recordOf('dispatch', d), value: d }]),
      ).rejects.toThrow(/LocateMembers: unavailable/)
    } finally {
      failing = new Set()
    }
    expect(h.published).toEqual([])
    // once repo answers, the same give-up tells fay and dead-letters
    await h.retry.fail(recordOf('dispatch', d), new Error('still failing'))
    expect(h.resyncs()).toEqual([['down.gw-b', ['fay']]])
    expect(h.published.at(-1)!.topic).toBe('dlq')
  })

  it('a record that does not decode is dead-lettered by the consumer with nobody to tell', async () => {
    const h = harness('dispatch')
    const dead: string[] = []
    await tellingFirst(h.giveUp, async (rec, reason) => void dead.push(`${rec.offset}: ${reason}`))(
      recordOf('dispatch', 'not json'),
      'undecodable record',
    )
    expect(h.published).toEqual([])
    expect(dead).toEqual(['7: undecodable record'])
  })
})
