// eventsHandler: a burst of notifications costs one presence lookup per batch, and each event still reaches the
// gateways of its own target user (and no one else).
import { describe, expect, it } from 'vitest'
import type { Bus, BusRecord, OutgoingRecord } from '../../src/ports/bus.js'
import type { Retrier } from '../../src/messaging/retry.js'
import type { RepoApi } from '../../src/rpc/api.js'
import { notification, userEvent } from '../../src/contracts/events.js'
import { eventsHandler, USER_EVENT_PEERS } from './events.js'

const record = (i: number): BusRecord => ({
  topic: 'n',
  partition: 0,
  offset: String(i),
  key: null,
  value: Buffer.alloc(0),
  headers: {},
  timestamp: 0,
})

describe('eventsHandler', () => {
  it("looks up the presence of a batch's target users once and routes each event to its user's gateway", async () => {
    const lookups: string[][] = []
    const online: Record<string, string[]> = { u0: ['gw-a'], u1: ['gw-b'], u2: ['gw-a', 'gw-b'] }
    const repo = {
      LookupPresence: async ({ user_ids }: { user_ids: string[] }) => {
        lookups.push(user_ids)
        return { presence: user_ids.map((u) => ({ user_id: u, gateway_ids: online[u] ?? [] })) }
      },
    } as unknown as RepoApi
    const published: Array<{ topic: string; records: OutgoingRecord[] }> = []
    const bus = {
      publish: async (topic: string, records: OutgoingRecord[]) => void published.push({ topic, records }),
    } as unknown as Bus
    const failed: string[] = []
    const retrier: Retrier = { taskType: 'event', fail: async (rec) => void failed.push(rec.offset) }
    const deps = { repo, downstreamTopic: (gw: string) => `down.${gw}`, pushTopic: 'push', pushEnabled: true }

    const users = ['u0', 'u1', 'u2', 'u3', 'u0']
    await eventsHandler(
      bus,
      retrier,
      deps,
    )(users.map((u, i) => ({ record: record(i), value: notification('group.invited', u, { conversation_id: 'g1' }) })))

    expect(lookups).toEqual([['u0', 'u1', 'u2', 'u3']])
    expect(failed).toEqual([])
    const targets = (topic: string) =>
      published
        .filter((p) => p.topic === topic)
        .flatMap((p) => p.records.map((r) => JSON.parse(String(r.value)) as { userIds: string[]; frame: string }))
    const a = targets('down.gw-a')
    expect(a.map((d) => d.userIds)).toEqual([['u0'], ['u2'], ['u0']])
    expect(targets('down.gw-b').map((d) => d.userIds)).toEqual([['u1'], ['u2']])
    expect(JSON.parse(a[0]!.frame)).toMatchObject({
      op: 'event',
      event: { event_type: 'group.invited', target_user_id: 'u0' },
    })
  })

  it("routes the other events of a batch when one user's presence lookup fails, and retries only that event", async () => {
    const repo = {
      LookupPresence: async ({ user_ids }: { user_ids: string[] }) => {
        if (user_ids.includes('bad')) throw new Error('presence of bad: timeout')
        return { presence: user_ids.map((u) => ({ user_id: u, gateway_ids: ['gw-a'] })) }
      },
    } as unknown as RepoApi
    const published: OutgoingRecord[] = []
    const bus = {
      publish: async (_t: string, records: OutgoingRecord[]) => void published.push(...records),
    } as unknown as Bus
    const failed: string[] = []
    const retrier: Retrier = { taskType: 'event', fail: async (rec) => void failed.push(rec.offset) }
    const deps = { repo, downstreamTopic: (gw: string) => `down.${gw}`, pushTopic: 'push', pushEnabled: true }
    await eventsHandler(
      bus,
      retrier,
      deps,
    )(
      ['u0', 'bad', 'u1'].map((u, i) => ({
        record: record(i),
        value: notification('group.invited', u, { conversation_id: 'g1' }),
      })),
    )
    expect(failed).toEqual(['1'])
    expect(published.map((r) => (JSON.parse(String(r.value)) as { userIds: string[] }).userIds)).toEqual([
      ['u0'],
      ['u1'],
    ])
  })

  it('routes user.online / user.offline to the direct peers (bounded, asked once per batch) and user.profile.updated to the user too', async () => {
    const asked: Array<{ user_id: string; limit: number }> = []
    const repo = {
      ListDirectPeers: async (req: { user_id: string; limit: number }) => {
        asked.push(req)
        return { user_ids: ['p1', 'p2'] }
      },
      LookupPresence: async ({ user_ids }: { user_ids: string[] }) => ({
        presence: user_ids.map((u) => ({ user_id: u, gateway_ids: u === 'p2' ? [] : ['gw-a'] })),
      }),
    } as unknown as RepoApi
    const published: OutgoingRecord[] = []
    const bus = {
      publish: async (_t: string, records: OutgoingRecord[]) => void published.push(...records),
    } as unknown as Bus
    const retrier: Retrier = {
      taskType: 'event',
      fail: async () => {
        throw new Error('no failure expected')
      },
    }
    const deps = { repo, downstreamTopic: (gw: string) => `down.${gw}`, pushTopic: 'push', pushEnabled: true }
    const events = [userEvent('user.online', 'me', {}), userEvent('user.profile.updated', 'me', { display_name: 'Me' })]
    await eventsHandler(bus, retrier, deps)(events.map((value, i) => ({ record: record(i), value })))
    // one audience (the user's peers) for both events of the batch: asked once
    expect(asked).toEqual([{ user_id: 'me', limit: USER_EVENT_PEERS }])
    const frames = published.map((r) => JSON.parse(String(r.value)) as { userIds: string[]; frame: string })
    expect(frames.map((d) => d.userIds)).toEqual([['p1'], ['me', 'p1']])
    expect(JSON.parse(frames[0]!.frame)).toMatchObject({
      op: 'event',
      event: { event_type: 'user.online', user_id: 'me' },
    })
  })
})
