// The people routes and the typing op over real sockets: names in the conversation list, user search and
// lookup, presence, group members, and typing relayed to gochat.message-events (in-process logic, memory repo).
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { configKeys, type GochatConfig } from '../../src/config/index.js'
import { topics } from '../../src/contracts/topics.js'
import type { EventEnvelope } from '../../src/contracts/events.js'
import { MemoryBus } from '../../src/drivers/memory/bus.js'
import { MemoryCache } from '../../src/drivers/memory/cache.js'
import { MemoryStore } from '../../src/drivers/memory/store.js'
import { createLogger } from '../../src/observability/log.js'
import type { RunningRole } from '../../src/core/role.js'
import { ApiError, RestClient } from '../../src/client/rest.js'
import { SocketClient } from '../../src/client/socket.js'
import { startRepo } from '../repo/index.js'
import { startLogic } from '../logic/index.js'
import { startGateway } from './index.js'
import { testBlobs } from '../../test/helpers/blobs.js'

const defaults = Object.fromEntries(Object.entries(configKeys).map(([k, v]) => [k, v.default])) as GochatConfig
const log = createLogger({ test: 'people' })
const tag = `p${randomUUID().slice(0, 6)}`
const bus = new MemoryBus({ defaultPartitions: 1 })
const cache = new MemoryCache()
const cfg: GochatConfig = { ...defaults, gateway_port: 0, instance_id: 'gw-people', partitions: 1 }
const roles: RunningRole[] = []
const sockets: SocketClient[] = []
const messageEvents: EventEnvelope[] = []
let base = ''

beforeAll(async () => {
  const repo = await startRepo({ cfg, bus, log, store: new MemoryStore(), cache })
  const logic = await startLogic({ cfg, bus, log, repo: repo.api, cache, blobs: testBlobs() })
  const gw = await startGateway({ cfg, bus, log, logic: logic.logic, messages: logic.messages, cache })
  roles.push(gw.role, logic.role, repo.role)
  base = `http://127.0.0.1:${gw.port}`
  await bus.subscribe({
    groupId: 'test-message-events',
    topics: [topics(cfg).messageEvents],
    fromBeginning: true,
    eachBatch: async (recs) =>
      void messageEvents.push(...recs.map((r) => JSON.parse(r.value.toString()) as EventEnvelope)),
  })
})

afterAll(async () => {
  for (const s of sockets) await s.close()
  for (const r of roles) await r.stop()
  await bus.close()
  await cache.close()
})

async function user(name: string, displayName: string) {
  const rest = new RestClient(base)
  return { rest, ...(await rest.register(`${tag}${name}`, 'secret-pass', displayName)) }
}
const status = (p: Promise<unknown>) =>
  p.then(
    () => 200,
    (e: unknown) => (e instanceof ApiError ? `${e.status} ${e.code}` : String(e)),
  )
const until = async (cond: () => boolean, ms = 5000) => {
  for (const end = Date.now() + ms; !cond(); ) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('people and typing', () => {
  it('names the direct peer (with its read cursor) and the caller role in the conversation list', async () => {
    const ann = await user('ann', 'Ann A')
    const bob = await user('bob', 'Bob B')
    const { conversationId } = await ann.rest.direct(bob.userId)
    await ann.rest.send(conversationId, 'hi', 'k1')
    await bob.rest.read(conversationId, 1)
    const g = await ann.rest.createGroup('Team', [bob.userId])
    await ann.rest.announce(g.conversationId, 'standup at 10')
    const { conversations } = await ann.rest.call<{ conversations: Array<Record<string, unknown>> }>(
      'GET',
      '/v1/conversations',
    )
    expect(conversations.find((c) => c.conversationId === conversationId)).toEqual({
      conversationId,
      kind: 'direct',
      lastSeq: 1,
      readSeq: 0,
      role: 'member',
      muted: false,
      peer: { userId: bob.userId, displayName: 'Bob B', readSeq: 1 },
    })
    expect(conversations.find((c) => c.conversationId === g.conversationId)).toEqual({
      conversationId: g.conversationId,
      kind: 'group',
      name: 'Team',
      lastSeq: 0,
      readSeq: 0,
      role: 'admin',
      muted: false,
      announcement: 'standup at 10',
    })
    // members: names and roles, paged; members only
    const members = await bob.rest.call<{ members: unknown[]; next?: string }>(
      'GET',
      `/v1/conversations/${g.conversationId}/members?limit=1`,
    )
    expect(members.members).toHaveLength(1)
    const rest = await bob.rest.call<{ members: unknown[]; next?: string }>(
      'GET',
      `/v1/conversations/${g.conversationId}/members?after=${members.next}`,
    )
    expect([...members.members, ...rest.members]).toEqual(
      expect.arrayContaining([
        { userId: ann.userId, displayName: 'Ann A', role: 'admin' },
        { userId: bob.userId, displayName: 'Bob B', role: 'member' },
      ]),
    )
    expect(rest.next).toBeUndefined()
    const eve = await user('eve', 'Eve')
    expect(await status(eve.rest.call('GET', `/v1/conversations/${g.conversationId}/members`))).toBe('403 not_member')
  })

  it('searches contacts by username or display-name prefix, paged; usernames only for the exact one; looks up names by id', async () => {
    const a = await user('carol', 'Zed One')
    const b = await user('dave', 'zed two')
    // strangers: a prefix finds only oneself, the exact username the other
    expect((await a.rest.call<{ users: unknown[] }>('GET', '/v1/users?q=zed')).users).toEqual([
      { userId: a.userId, username: `${tag}carol`, displayName: 'Zed One' },
    ])
    expect(await a.rest.call('GET', `/v1/users?q=${tag}DAVE`)).toEqual({
      users: [{ userId: b.userId, username: `${tag}dave`, displayName: 'zed two' }],
    })
    await a.rest.direct(b.userId)
    const found = await a.rest.call<{ users: Array<{ userId: string }>; next?: string }>(
      'GET',
      `/v1/users?q=ZED&limit=1`,
    )
    expect(found.users).toHaveLength(1)
    const more = await a.rest.call<{ users: Array<{ userId: string }>; next?: string }>(
      'GET',
      `/v1/users?q=zed&limit=1&after=${found.next}`,
    )
    expect([...found.users, ...more.users].map((u) => u.userId).sort()).toEqual([a.userId, b.userId].sort())
    // a contact found by prefix comes without their login username
    expect(await a.rest.call('GET', `/v1/users?q=${tag}dav`)).toEqual({
      users: [{ userId: b.userId, displayName: 'zed two' }],
    })
    for (const q of ['', 'z', ' z ', 'x'.repeat(65)])
      expect(await status(a.rest.call('GET', `/v1/users?q=${encodeURIComponent(q)}`)), q).toBe('400 bad_request')
    expect(await status(a.rest.call('GET', '/v1/users'))).toBe('400 bad_request')
    expect(await status(a.rest.call('GET', `/v1/users?q=zed&ids=${a.userId}`))).toBe('400 bad_request')
    expect(await status(a.rest.call('GET', '/v1/users?q=zed&limit=-1'))).toBe('400 bad_request')
    // a limit over 50 is cut, not refused
    expect(await status(a.rest.call('GET', '/v1/users?q=zed&limit=1000'))).toBe(200)
    // by id: names, and the username of the caller only
    expect(await a.rest.call('GET', `/v1/users?ids=${b.userId},nobody,${a.userId}`)).toEqual({
      users: [
        { userId: a.userId, username: `${tag}carol`, displayName: 'Zed One' },
        { userId: b.userId, displayName: 'zed two' },
      ].sort((x, y) => (x.userId < y.userId ? -1 : 1)),
    })
    const tooMany = Array.from({ length: 101 }, (_, i) => `u${i}`).join(',')
    expect(await status(a.rest.call('GET', `/v1/users?ids=${tooMany}`))).toBe('400 bad_request')
  })

  it('answers presence from live sockets', async () => {
    const a = await user('erin', 'Erin')
    const b = await user('finn', 'Finn')
    const ask = () =>
      a.rest.call<{ presence: unknown[] }>('GET', `/v1/users/presence?ids=${a.userId},${b.userId},nobody`)
    expect((await ask()).presence).toEqual([
      { userId: a.userId, online: false },
      { userId: b.userId, online: false },
      { userId: 'nobody', online: false },
    ])
    const s = await SocketClient.connect(base, b.token)
    await s.ping()
    expect((await ask()).presence).toEqual([
      { userId: a.userId, online: false },
      { userId: b.userId, online: true },
      { userId: 'nobody', online: false },
    ])
    await s.close()
    await expect
      .poll(async () => (await ask()).presence[1], { timeout: 5000 })
      .toEqual({ userId: b.userId, online: false })
    expect(await status(a.rest.call('GET', '/v1/users/presence'))).toBe('400 bad_request')
  })

  it('relays typing of members to message-events, one per 2 s per conversation; refuses non-members', async () => {
    const a = await user('gus', 'Gus')
    const b = await user('hal', 'Hal')
    const eve = await user('ivy', 'Ivy')
    const { conversationId } = await a.rest.direct(b.userId)
    const s = await SocketClient.connect(base, a.token)
    sockets.push(s)
    expect(await s.request({ op: 'typing', conversationId })).toEqual({ op: 'ack', ref: expect.anything() })
    expect(await s.request({ op: 'typing', conversationId })).toEqual({ op: 'ack', ref: expect.anything() })
    await until(() => messageEvents.some((e) => e.conversation_id === conversationId))
    await new Promise((r) => setTimeout(r, 200))
    const typed = messageEvents.filter((e) => e.conversation_id === conversationId)
    expect(typed).toHaveLength(1)
    expect(typed[0]).toMatchObject({ event_type: 'typing', operator_id: a.userId, payload: {} })
    const e = await SocketClient.connect(base, eve.token)
    sockets.push(e)
    expect(await e.request({ op: 'typing', conversationId })).toMatchObject({ op: 'error', code: 'not_member' })
    expect(await e.request({ op: 'typing' })).toMatchObject({ op: 'error', code: 'bad_frame' })
  })
})
