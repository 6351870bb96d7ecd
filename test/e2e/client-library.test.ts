// gochat/client (src/client/) against a real `gochat up` over real WebSockets, through a proxy that plays the
// network's tricks (test/helpers/ws-proxy.ts): connections killed mid-stream, a client offline while it sends, an
// ack lost with its connection, pushes lost (a seq gap, and a `resync`). After each, the receiving app has every
// message of history exactly once, in seq order, and every send is stored once.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { GochatClient } from '../../src/client/node.js'
import { RestClient } from '../../src/client/rest.js'
import type { Delivery, OutboxEntry } from '../../src/client/index.js'
import { startUp } from '../helpers/up.js'
import { until, waitUntil } from '../helpers/until.js'
import { startWsProxy, type WsProxy } from '../helpers/ws-proxy.js'

let up: Awaited<ReturnType<typeof startUp>>
let proxy: WsProxy
const clients: GochatClient[] = []

/** a client through the proxy, quick to reconnect, that records what it delivers */
async function client(name: string): Promise<{ c: GochatClient; got: Delivery[]; outbox: OutboxEntry[] }> {
  const c = new GochatClient({ url: proxy.url, backoff: { baseMs: 50, capMs: 500 }, requestTimeoutMs: 3000 })
  clients.push(c)
  const got: Delivery[] = []
  const outbox: OutboxEntry[] = []
  c.on('message', (d) => got.push(d))
  c.on('outbox', (e) => outbox.push(e))
  await c.signInAsGuest(name)
  return { c, got, outbox }
}

/** every message of a conversation's history, by REST straight to the server */
async function history(token: string, conversationId: string) {
  const rest = new RestClient(up.url, token)
  const out = []
  for (let after = 0; ; ) {
    const page = await rest.history(conversationId, after, 200)
    out.push(...page.messages)
    if (!page.hasMore) return out
    after = page.messages.at(-1)!.seq
  }
}

/** what the app got for a conversation is history: once each, in seq order */
async function expectComplete(got: Delivery[], token: string, conversationId: string): Promise<void> {
  const stored = (await history(token, conversationId)).map((m) => m.seq)
  await waitUntil(() => got.filter((d) => d.message.conversationId === conversationId).length >= stored.length, 15_000)
  expect(got.filter((d) => d.message.conversationId === conversationId).map((d) => d.message.seq)).toEqual(stored)
}

/** Alice (plain REST, straight to the server) and a library client Bob, in one direct conversation */
async function pair() {
  const alice = new RestClient(up.url)
  await alice.guest('alice')
  const bob = await client('bob')
  const { conversationId } = await alice.direct(bob.c.userId!)
  await bob.c.connect()
  return { alice, bob, conversationId }
}

const say = (alice: RestClient, conversationId: string, text: string) =>
  alice.send(conversationId, text, crypto.randomUUID())

describe('gochat/client against gochat up, over real WebSockets', () => {
  beforeAll(async () => {
    up = await startUp([], { GOCHAT_TOKEN_TTL_SECONDS: '60' })
    proxy = await startWsProxy(up.url)
  })
  afterEach(() => {
    proxy.drop = undefined
    proxy.setOffline(false)
    for (const c of clients.splice(0)) c.close()
  })
  afterAll(async () => {
    await proxy?.close()
    await up?.stop()
  })

  it('connections killed mid-stream: every message once, in order', async () => {
    const { alice, bob, conversationId } = await pair()
    for (let i = 1; i <= 60; i++) {
      await say(alice, conversationId, `m${i}`)
      if (i % 20 === 10) proxy.cut() // twice, while the stream goes on
    }
    await expectComplete(bob.got, alice.token!, conversationId)
    expect(bob.c.connects).toBeGreaterThanOrEqual(3)
    expect(bob.got.some((d) => d.source === 'sync')).toBe(true) // what was sent while it was away came by catch-up
  })

  it('sends made while offline wait in the outbox and are stored once each, in order, on reconnect', async () => {
    const { alice, bob, conversationId } = await pair()
    proxy.setOffline(true)
    await waitUntil(() => bob.c.state === 'offline', 5000)
    const handles = []
    for (const text of ['one', 'two', 'three']) handles.push(await bob.c.send(conversationId, text))
    expect(bob.c.outbox().map((e) => [e.content, e.state])).toEqual([
      ['one', 'pending'],
      ['two', 'pending'],
      ['three', 'pending'],
    ])
    proxy.setOffline(false)
    const acks = await Promise.all(handles.map((h) => h.sent))
    expect(acks.map((a) => a.seq)).toEqual([1, 2, 3])
    const stored = await history(alice.token!, conversationId)
    expect(stored.map((m) => m.content)).toEqual(['one', 'two', 'three'])
    expect(bob.outbox.filter((e) => e.state === 'sent').map((e) => e.content)).toEqual(['one', 'two', 'three'])
    expect(bob.c.outbox()).toEqual([])
    await expectComplete(bob.got, alice.token!, conversationId) // its own messages come back once each too
  })

  it('an ack lost with its connection: the resend with the same key is not stored twice', async () => {
    const { alice, bob, conversationId } = await pair()
    let dropped = false
    proxy.drop = (t) => {
      if (dropped || !t.includes('"op":"ack"')) return false
      dropped = true
      setImmediate(() => proxy.cut()) // the link dies right after the server stored it
      return true
    }
    const h = await bob.c.send(conversationId, 'only once')
    const ack = await h.sent
    expect(dropped).toBe(true)
    const stored = await history(alice.token!, conversationId)
    expect(stored.map((m) => [m.seq, m.content])).toEqual([[ack.seq, 'only once']])
    expect(bob.outbox.filter((e) => e.state === 'pending').at(-1)?.attempts).toBeGreaterThanOrEqual(1)
    await expectComplete(bob.got, alice.token!, conversationId)
  })

  it('a seq gap (pushes lost): the client syncs from its highest seq and delivers in order', async () => {
    const { alice, bob, conversationId } = await pair()
    await say(alice, conversationId, 'first')
    await waitUntil(() => bob.got.length === 1, 5000)
    proxy.drop = (t) => t.includes('"op":"message"') && /"seq":(2|3),/.test(t)
    for (const text of ['second', 'third', 'fourth']) await say(alice, conversationId, text)
    await expectComplete(bob.got, alice.token!, conversationId)
    expect(bob.got.map((d) => [d.message.content, d.source])).toEqual([
      ['first', 'live'],
      ['second', 'sync'],
      ['third', 'sync'],
      ['fourth', 'sync'],
    ])
  })

  it('resync: what never came live is caught up, with no gap to notice it by', async () => {
    const { alice, bob, conversationId } = await pair()
    let resyncs = 0
    bob.c.on('resync', () => resyncs++)
    proxy.drop = (t) => t.includes('"op":"message"')
    for (let i = 1; i <= 5; i++) await say(alice, conversationId, `lost ${i}`)
    await bob.c.history(conversationId, 0, 1) // a round trip on the socket: the pushes would have come by now
    expect(bob.got).toEqual([])
    proxy.drop = undefined
    proxy.inject(JSON.stringify({ op: 'event', type: 'resync', event: { event_type: 'resync' } }))
    await expectComplete(bob.got, alice.token!, conversationId)
    expect(resyncs).toBe(1)
    expect(bob.got.every((d) => d.source === 'sync')).toBe(true)
  })

  it('typed events: typing and read marks of the other member', async () => {
    const { alice, bob, conversationId } = await pair()
    const seen: string[] = []
    bob.c.on('read', (r) => seen.push(`read ${r.seq}`))
    bob.c.on('typing', (t) => seen.push(`typing ${t.userId === bob.c.userId ? 'me' : 'them'}`))
    const { seq } = await say(alice, conversationId, 'hi')
    await waitUntil(() => bob.got.length === 1, 5000)
    await bob.c.markRead(conversationId, seq)
    bob.c.typing(conversationId)
    await waitUntil(() => seen.includes('read 1') && seen.includes('typing me'), 5000)
    void alice
  })

  it('message operations: edit, react, pin through the outbox; typed events in seq order; the target shows them', async () => {
    const { alice, bob, conversationId } = await pair()
    const aliceId = (await alice.me()).userId
    const ops: string[] = []
    bob.c.on('edit', (e) => ops.push(`edit ${e.targetId === mine.messageId} ${e.content}`))
    bob.c.on('reaction', (r) => ops.push(`reaction ${r.emoji} ${r.added} ${r.userId === aliceId ? 'alice' : 'bob'}`))
    bob.c.on('pin', (p) => ops.push(`pin ${p.pinned}`))
    const theirs = await say(alice, conversationId, 'from alice')
    const mine = await (await bob.c.send(conversationId, 'frm bob')).sent
    await (await bob.c.edit(conversationId, mine.messageId, 'from bob')).sent
    await (await bob.c.react(conversationId, theirs.messageId, '👍')).sent
    await alice.send(conversationId, '🎉', crypto.randomUUID(), { kind: 'reaction', targetId: mine.messageId })
    await (await bob.c.pin(conversationId, theirs.messageId)).sent
    // an edit of another's message is refused by the server: the outbox fails it, nothing is stored
    await expect((await bob.c.edit(conversationId, theirs.messageId, 'not mine')).sent).rejects.toMatchObject({
      code: expect.stringMatching(/not_sender|forbidden/),
    })
    await waitUntil(() => ops.length === 4, 10_000)
    expect(ops).toEqual(['edit true from bob', 'reaction 👍 true bob', 'reaction 🎉 true alice', 'pin true'])
    await expectComplete(bob.got, alice.token!, conversationId)
    const byId = new Map((await history(alice.token!, conversationId)).map((m) => [m.messageId, m]))
    expect(byId.get(mine.messageId)).toMatchObject({ content: 'from bob', editCount: 1 })
    expect(byId.get(mine.messageId)!.reactions).toEqual([{ emoji: '🎉', userIds: [aliceId] }])
    expect(byId.get(theirs.messageId)!.reactions).toEqual([{ emoji: '👍', userIds: [bob.c.userId] }])
    expect((await bob.c.pins(conversationId)).map((m) => m.messageId)).toEqual([theirs.messageId])
  })

  it('a password session renews its token before it expires and stays connected', async () => {
    const rest = new RestClient(up.url)
    const username = `renew${Date.now().toString(36)}`
    await rest.register(username, 'secret-password')
    const c = new GochatClient({ url: proxy.url, renewBeforeMs: 57_000 }) // tokens live 60 s here
    clients.push(c)
    const tokens: string[] = []
    c.on('session', (s) => s && tokens.push(s.token))
    await c.signIn(username, 'secret-password')
    await c.connect()
    await waitUntil(() => tokens.length >= 2 && tokens.at(-1) !== tokens[0], 10_000)
    expect(await c.api<{ userId: string }>('GET', '/v1/me')).toMatchObject({ userId: c.userId })
    expect(c.state).toBe('online')
  })

  it('a guest session refreshes its token (POST /v1/auth/refresh) and stays connected; a logout ends the session', async () => {
    const { alice, bob, conversationId } = await pair()
    const c = new GochatClient({ url: proxy.url, renewBeforeMs: 57_000 }) // tokens live 60 s here: refresh after 3 s
    clients.push(c)
    const tokens: string[] = []
    c.on('session', (s) => s && tokens.push(s.token))
    c.useSession(bob.c.session!)
    await c.connect()
    await waitUntil(() => new Set(tokens).size >= 3, 15_000) // refreshed twice, a refreshed token refreshed again
    expect(c.userId).toBe(bob.c.userId)
    expect(c.state).toBe('online')
    expect(await new RestClient(up.url, tokens.at(-1)).me()).toMatchObject({ userId: bob.c.userId })
    expect(await new RestClient(up.url, tokens[0]).me()).toMatchObject({ userId: bob.c.userId }) // left to expire
    await say(alice, conversationId, 'after refresh')
    await waitUntil(() => bob.got.some((d) => d.message.content === 'after refresh'), 5000)
    await c.logout() // with the newest token: the first, of the same session, is revoked with it (within a second)
    const first = () => new RestClient(up.url, tokens[0]).me().catch((e: { status?: number }) => e)
    expect(await until(first, (r) => 'status' in r && r.status === 401, 5000)).toMatchObject({ status: 401 })
    await waitUntil(() => bob.c.state === 'closed', 5000) // its socket was opened with the first token
  })

  it('logout revokes the token and closes the connection for good', async () => {
    const { bob } = await pair()
    const token = bob.c.session!.token
    const states: string[] = []
    bob.c.on('state', (s) => states.push(s.state))
    await bob.c.logout()
    expect(bob.c.state).toBe('closed')
    await expect(new RestClient(up.url, token).me()).rejects.toMatchObject({ status: 401 })
    expect(states).toEqual(['closed'])
  })
})
