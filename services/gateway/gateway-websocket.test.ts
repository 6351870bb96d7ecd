// The gateway's WebSocket over real sockets, logout at every gateway, and stopping: in-process logic on the
// in-memory repo, the embedded bus; the tests publish DownstreamMessages themselves, as task would
// (test/helpers/gateway.ts).
import { textDefaults } from '../../src/domain/message.js'
import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { MemoryStore } from '../../src/drivers/memory/store.js'
import { Presence } from '../../src/presence/presence.js'
import { RestClient } from '../../src/client/rest.js'
import { SocketClient, type ServerFrame } from '../../src/client/socket.js'
import { startRepo } from '../repo/index.js'
import { startLogic } from '../logic/index.js'
import { startGateway } from './index.js'
import { MAX_STRIKES } from './session.js'
import { testBlobs } from '../../test/helpers/blobs.js'
import {
  skew,
  base,
  bus,
  cache,
  cfg,
  connect,
  log,
  pushDownstream,
  rawFrames,
  setUpGateways,
  strictPort,
  uniq,
  until,
  user,
  userEvents,
} from '../../test/helpers/gateway.js'

setUpGateways()

describe('gateway WebSocket', () => {
  it('refuses a missing or bad token with HTTP 401 before the upgrade', async () => {
    await expect(SocketClient.connect(base, 'bogus')).rejects.toThrow(/HTTP 401/)
    await expect(SocketClient.connect(base, '')).rejects.toThrow(/HTTP 401/)
    const { token } = await user()
    const wrongPath = new WebSocket(`${base.replace('http', 'ws')}/v2/ws?token=${token}`)
    const status = await new Promise<number>((resolve, reject) => {
      wrongPath.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
      wrongPath.once('open', () => reject(new Error('opened')))
    })
    expect(status).toBe(404)
  })

  it('takes the token from the Authorization header too', async () => {
    const { token } = await user()
    const ws = new WebSocket(`${base.replace('http', 'ws')}/v1/ws`, { headers: { authorization: `Bearer ${token}` } })
    await new Promise((resolve, reject) => {
      ws.once('open', resolve)
      ws.once('error', reject)
    })
    expect(ws.readyState).toBe(WebSocket.OPEN)
    ws.close()
  })

  it('chats directly: ack to the sender, the frame as-is to every device, sync and read', async () => {
    const alice = await user()
    const bob = await user()
    const { conversationId } = await alice.rest.direct(bob.userId)
    const aliceWs = await connect(alice.token)
    const bobPhone = await connect(bob.token)
    const bobLaptop = await connect(bob.token)
    const phoneRaw = rawFrames(bobPhone)
    const laptopRaw = rawFrames(bobLaptop)

    const ack = await aliceWs.send(conversationId, 'hello bob', uniq())
    expect(ack).toEqual({ op: 'ack', ref: expect.any(String), messageId: expect.any(String), seq: 1 })

    const sync = (await bobPhone.sync(conversationId, 0)) as Extract<ServerFrame, { op: 'sync.result' }>
    expect(sync).toEqual({
      op: 'sync.result',
      ref: expect.any(String),
      hasMore: false,
      messages: [expect.objectContaining({ seq: 1, content: 'hello bob' })],
    })
    const message = sync.messages[0]!
    // the domain Message's fields, no reply: it answers nothing
    expect(Object.keys(message).sort()).toEqual(
      [
        'content',
        'conversationId',
        'messageId',
        'senderId',
        'sentAt',
        'seq',
        'status',
        ...Object.keys(textDefaults),
      ].sort(),
    )

    const frame = await pushDownstream('gw-t1', message, [bob.userId, alice.userId])
    for (const dev of [bobPhone, bobLaptop, aliceWs]) await dev.waitForMessage(conversationId, 1)
    expect(phoneRaw).toContain(frame)
    expect(laptopRaw).toContain(frame)

    expect(await bobLaptop.read(conversationId, 1)).toEqual({ op: 'ack', ref: expect.any(String) })
    expect(await bobLaptop.request({ op: 'ping' })).toEqual({ op: 'pong', ref: expect.any(String) })
  })

  it('refuses non-members with an error frame', async () => {
    const alice = await user()
    const bob = await user()
    const eve = await user()
    const { conversationId } = await alice.rest.direct(bob.userId)
    const eveWs = await connect(eve.token)
    expect(await eveWs.send(conversationId, 'let me in', uniq())).toMatchObject({ op: 'error', code: 'not_member' })
    expect(await eveWs.sync(conversationId, 0)).toMatchObject({ op: 'error', code: 'not_member' })
    expect(await eveWs.read(conversationId, 1)).toMatchObject({ op: 'error', code: 'not_member' })
  })

  it('answers malformed and oversized frames and keeps the connection usable', async () => {
    const alice = await user()
    const bob = await user()
    const { conversationId } = await alice.rest.direct(bob.userId)
    const ws = await connect(alice.token)
    ws.raw('{not json')
    await ws.waitFor((f) => f.op === 'error' && f.code === 'bad_frame' && f.ref === undefined)
    ws.raw(JSON.stringify({ op: 'teleport', ref: 'x1' }))
    expect(await ws.waitFor((f) => f.op === 'error' && f.ref === 'x1')).toMatchObject({ code: 'bad_frame' })
    ws.raw(Buffer.from(JSON.stringify({ op: 'ping', ref: 'bin' }))) // a Buffer goes out as a binary frame
    await ws.waitFor((f) => f.op === 'error' && f.code === 'bad_frame' && /binary/.test(f.message))
    ws.raw(
      JSON.stringify({
        op: 'send',
        ref: 'x2',
        conversationId,
        content: 'a'.repeat(cfg.max_frame_bytes),
        idempotencyKey: 'big',
      }),
    )
    expect(await ws.waitFor((f) => f.op === 'error' && f.code === 'too_large')).toMatchObject({ op: 'error' })
    expect(await ws.send(conversationId, '   ', uniq())).toMatchObject({ op: 'error', code: 'bad_request' })
    expect(await ws.send(conversationId, 'still here', uniq())).toMatchObject({ op: 'ack', seq: 1 })
    expect(ws.closed).toBeUndefined()
  })

  it('closes a client that keeps sending bad frames with 1008', async () => {
    const { token } = await user()
    const ws = await connect(token)
    for (let i = 0; i < MAX_STRIKES; i++) ws.raw('nope')
    await until(() => ws.closed !== undefined)
    expect(ws.closed?.code).toBe(1008)
    expect(ws.frames.filter((f) => f.op === 'error')).toHaveLength(MAX_STRIKES)
  })

  it('rate-limits a connection with rate_limited answers, without closing it', async () => {
    const { token } = await user()
    const ws = await connect(token, `http://127.0.0.1:${strictPort}`)
    skew(1100) // a full bucket
    for (let i = 0; i < 12; i++) ws.raw(JSON.stringify({ op: 'ping', ref: `p${i}` }))
    await until(() => ws.frames.filter((f) => 'ref' in f && String(f.ref).startsWith('p')).length === 12)
    const answers = ws.frames.filter((f) => 'ref' in f && String(f.ref).startsWith('p'))
    expect(answers.filter((f) => f.op === 'pong').length).toBeGreaterThanOrEqual(5)
    expect(answers.filter((f) => f.op === 'pong').length).toBeLessThan(8)
    expect(answers.find((f) => f.op === 'error')).toMatchObject({
      code: 'rate_limited',
      ref: expect.stringMatching(/^p/),
    })
    skew(400)
    expect((await ws.ping()).op).toBe('pong')
  })

  it('limits a user over all their connections: frames a second, and connections at once (429 with Retry-After)', async () => {
    const { token } = await user()
    const strict = `http://127.0.0.1:${strictPort}`
    const socks = [await connect(token, strict), await connect(token, strict), await connect(token, strict)]
    const refused = await new Promise<{ status?: number; retryAfter?: string }>((resolve, reject) => {
      const extra = new WebSocket(`ws://127.0.0.1:${strictPort}/v1/ws?token=${token}`)
      extra.once('unexpected-response', (_req, res) =>
        resolve({ status: res.statusCode, retryAfter: res.headers['retry-after'] }),
      )
      extra.once('open', () => reject(new Error('a 4th connection was accepted')))
    })
    expect(refused).toEqual({ status: 429, retryAfter: '5' })
    skew(1100) // full buckets
    // 4 frames a connection is within its own limit (5); 12 from the user are over theirs (8)
    for (const s of socks) for (let i = 0; i < 4; i++) s.raw(JSON.stringify({ op: 'ping', ref: `u${i}` }))
    const answers = () => socks.flatMap((s) => s.frames.filter((f) => 'ref' in f && String(f.ref).startsWith('u')))
    await until(() => answers().length === 12)
    expect(answers().filter((f) => f.op === 'pong').length).toBeLessThan(12)
    expect(answers().find((f) => f.op === 'error')).toMatchObject({
      code: 'rate_limited',
      message: expect.stringContaining('this user'),
    })
    await socks[0]!.close()
    await new Promise((r) => setTimeout(r, 1100)) // the gateway sees the close; the user's bucket refills
    expect((await connect(token, strict)).ws.readyState).toBe(WebSocket.OPEN) // a place is free again
  })

  it('registers presence per connection and publishes user.online and user.offline', async () => {
    const alice = await user()
    const presence = new Presence(cache, { ttlMs: 60_000 })
    const a = await connect(alice.token)
    const b = await connect(alice.token, `http://127.0.0.1:${strictPort}`)
    expect((await presence.lookup([alice.userId])).get(alice.userId)).toEqual(['gw-t1', 'gw-t2'])
    await a.close()
    await b.close()
    await until(() => userEvents.some((e) => e.user_id === alice.userId && e.event_type === 'user.offline'))
    const mine = userEvents.filter((e) => e.user_id === alice.userId)
    expect(mine.map((e) => e.event_type)).toEqual(['user.online', 'user.offline'])
    expect(mine[0]).toMatchObject({ payload: { gateway_id: 'gw-t1', last_seen: expect.any(Number) } })
    expect((await presence.lookup([alice.userId])).get(alice.userId)).toEqual([])
  })

  it('drops a connection that stops answering pings', async () => {
    const { token } = await user()
    const silent = new WebSocket(`ws://127.0.0.1:${strictPort}/v1/ws?token=${token}`, { autoPong: false })
    const closed = new Promise<number>((resolve) => silent.once('close', (code) => resolve(code)))
    await new Promise((resolve) => silent.once('open', resolve))
    const start = Date.now()
    await closed
    expect(Date.now() - start).toBeGreaterThanOrEqual(150)
  })
})

describe('logout (issue 11, finding 7)', () => {
  const logout = (url: string, token: string) =>
    fetch(`${url}/v1/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })

  it('revokes the token at every gateway: REST refused, sockets of it closed with 1008, other tokens untouched', async () => {
    const name = `u${uniq()}`
    const { token } = await new RestClient(base).register(name, 'secret-pass')
    const other = (await new RestClient(base).login(name, 'secret-pass')).token
    const strict = `http://127.0.0.1:${strictPort}`
    // both gateways know the token and hold a socket of it; the other token has a socket too
    for (const url of [base, strict])
      expect((await fetch(`${url}/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200)
    const here = await connect(token)
    const there = await connect(token, strict)
    const untouched = await connect(other, strict)
    expect((await logout(base, token)).status).toBe(204)
    // the gateway that served the logout: at once
    expect((await fetch(`${base}/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401)
    await until(() => here.closed !== undefined, 1000)
    expect(here.closed).toEqual({ code: 1008, reason: 'token revoked' })
    // the other gateway: its next revocation check (1 s) and heartbeat (100 ms here)
    await until(() => there.closed !== undefined, 3000)
    expect(there.closed?.code).toBe(1008)
    await new Promise((r) => setTimeout(r, 1100))
    const res = await fetch(`${strict}/v1/me`, { headers: { authorization: `Bearer ${token}` } })
    expect(res.status).toBe(401)
    expect((await res.json()) as object).toMatchObject({ error: { code: 'invalid_token' } })
    await expect(SocketClient.connect(strict, token)).rejects.toThrow()
    expect((await untouched.ping()).op).toBe('pong')
    expect((await logout(base, token)).status).toBe(401)
    expect((await logout(base, '')).status).toBe(401)
  })
})

describe('gateway stop', () => {
  it('closes sockets with 1001, refuses new ones and unregisters presence', async () => {
    const repo = await startRepo({ cfg, bus, log, store: new MemoryStore(), cache })
    const logic = await startLogic({ cfg, bus, log, repo: repo.api, cache, blobs: testBlobs() })
    const gw = await startGateway({
      cfg: { ...cfg, instance_id: 'gw-t3' },
      bus,
      log,
      logic: logic.logic,
      messages: logic.messages,
      cache,
    })
    const url = `http://127.0.0.1:${gw.port}`
    const { userId, token } = await new RestClient(url).guest()
    const ws = await SocketClient.connect(url, token)
    await ws.ping()
    await gw.role.stop()
    await until(() => ws.closed !== undefined)
    expect(ws.closed?.code).toBe(1001)
    expect((await new Presence(cache, { ttlMs: 1000 }).lookup([userId])).get(userId)).toEqual([])
    await expect(fetch(`${url}/health`)).rejects.toThrow()
    await logic.role.stop()
    await repo.role.stop()
  })
})
