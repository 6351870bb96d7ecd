// The core messaging path, end to end over real HTTP and WebSockets. Run against a multi-process cluster on real
// Kafka/MariaDB/Redis (cluster.test.ts) and against `gochat up` on embedded drivers (embedded.test.ts).
import { describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { ApiError, RestClient } from '../../src/client/rest.js'
import { SocketClient, type ServerFrame } from '../../src/client/socket.js'

export interface Target {
  /** gateway base URLs; tests spread clients over them (index modulo length) */
  gateways: () => string[]
}

const uniq = () => randomUUID().slice(0, 8)

export function chatSuite(name: string, target: Target) {
  const gw = (i: number) => target.gateways()[i % target.gateways().length]!

  async function user(i = 0, display?: string) {
    const rest = new RestClient(gw(i))
    const s = await rest.register(`u${uniq()}`, 'correct horse battery', display)
    return { rest, ...s }
  }

  /** Waits until `seq` is in history: immediate with the outbox; with async persistence the ack comes first. */
  async function settled(rest: RestClient, conversationId: string, seq: number) {
    for (let i = 0; i < 100; i++) {
      const page = await rest.history(conversationId, seq - 1, 1)
      if (page.messages.some((m) => m.seq === seq)) return
      await new Promise((r) => setTimeout(r, 50))
    }
    throw new Error(`${conversationId}#${seq} never reached history`)
  }

  const sockets: SocketClient[] = []
  async function connect(i: number, token: string) {
    const s = await SocketClient.connect(gw(i), token)
    sockets.push(s)
    // presence is registered when the upgrade completes; a ping round trip makes sure the gateway is done
    expect((await s.ping()).op).toBe('pong')
    return s
  }

  describe(name, () => {
    it('registers, logs in, signs in as guest, and refuses bad credentials and tokens', async () => {
      const rest = new RestClient(gw(0))
      const username = `u${uniq()}`
      const reg = await rest.register(username, 'secret-pass-1', 'Ann')
      expect(reg.userId).toBeTruthy()
      await expect(rest.register(username, 'other-pass-1')).rejects.toMatchObject({
        status: 409,
        code: 'username_taken',
      })
      const login = await new RestClient(gw(1)).login(username, 'secret-pass-1')
      expect(login.userId).toBe(reg.userId)
      await expect(new RestClient(gw(0)).login(username, 'wrong-pass')).rejects.toMatchObject({
        status: 401,
        code: 'invalid_credentials',
      })
      const guest = new RestClient(gw(0))
      const g = await guest.guest('Visitor')
      expect(await guest.me()).toMatchObject({ userId: g.userId, displayName: 'Visitor', guest: true })
      await expect(new RestClient(gw(0), 'not-a-token').me()).rejects.toMatchObject({ status: 401 })
      await expect(new RestClient(gw(0), `${g.token}x`).me()).rejects.toMatchObject({ status: 401 })
      await expect(SocketClient.connect(gw(0), 'bogus')).rejects.toThrow(/401/)
    })

    it('delivers a direct message to every device of the recipient across gateways, with ack and seq', async () => {
      const alice = await user(0)
      const bob = await user(1)
      const { conversationId } = await alice.rest.direct(bob.userId)
      expect((await bob.rest.direct(alice.userId)).conversationId).toBe(conversationId)
      const aliceWs = await connect(0, alice.token)
      const bobPhone = await connect(0, bob.token)
      const bobLaptop = await connect(1, bob.token)
      const ack = await aliceWs.send(conversationId, 'hello bob', uniq())
      expect(ack).toMatchObject({ op: 'ack' })
      const seq = (ack as { seq: number }).seq
      expect(seq).toBe(1)
      for (const dev of [bobPhone, bobLaptop]) {
        const f = (await dev.waitForMessage(conversationId, seq)) as Extract<ServerFrame, { op: 'message' }>
        expect(f.message).toMatchObject({
          conversationId,
          seq,
          senderId: alice.userId,
          content: 'hello bob',
          status: 'normal',
        })
        expect(typeof f.message.sentAt).toBe('number')
      }
    })

    it('answers an idempotent resend with the first result and stores nothing new', async () => {
      const alice = await user(0)
      const bob = await user(1)
      const { conversationId } = await alice.rest.direct(bob.userId)
      const ws = await connect(0, alice.token)
      const key = uniq()
      const first = (await ws.send(conversationId, 'once', key)) as { messageId: string; seq: number }
      const again = (await ws.send(conversationId, 'once', key)) as { messageId: string; seq: number }
      expect(again.messageId).toBe(first.messageId)
      expect(again.seq).toBe(first.seq)
      const rest = await alice.rest.send(conversationId, 'once', key)
      expect(rest.seq).toBe(first.seq)
      await settled(alice.rest, conversationId, first.seq)
      const hist = await alice.rest.history(conversationId)
      expect(hist.messages).toHaveLength(1)
    })

    it('stores the same idempotency key sent to two conversations twice, each with its own seq', async () => {
      const [alice, bob, carol] = [await user(0), await user(1), await user(0)]
      const toBob = (await alice.rest.direct(bob.userId)).conversationId
      const toCarol = (await alice.rest.direct(carol.userId)).conversationId
      const ws = await connect(0, alice.token)
      await ws.send(toCarol, 'earlier', uniq())
      const key = uniq()
      const b = (await ws.send(toBob, 'to bob', key)) as { messageId: string; seq: number }
      const c = (await ws.send(toCarol, 'to carol', key)) as { messageId: string; seq: number }
      expect(c.messageId).not.toBe(b.messageId)
      expect([b.seq, c.seq]).toEqual([1, 2])
      await settled(alice.rest, toCarol, 2)
      expect((await carol.rest.history(toCarol)).messages.map((m) => m.content)).toEqual(['earlier', 'to carol'])
      expect((await bob.rest.history(toBob)).messages.map((m) => m.content)).toEqual(['to bob'])
    })

    it('gives 40 sends in flight on one connection seqs in send order; a refused one and a repeat change nothing', async () => {
      const [alice, bob, carol] = [await user(0), await user(1), await user(0)]
      const group = await alice.rest.createGroup('in flight', [])
      const theirs = (await carol.rest.direct(bob.userId)).conversationId // alice is not a member
      const ws = await connect(0, alice.token)
      const keys = Array.from({ length: 40 }, () => uniq())
      const sends = keys.map((key, i) =>
        i === 10
          ? ws.send(theirs, 'not mine', key)
          : i === 20
            ? ws.send(group.conversationId, 'm5 again', keys[5]!) // the key of send 5: its answer again
            : ws.send(group.conversationId, `m${i}`, key),
      )
      const answers = (await Promise.all(sends)) as Array<{ op: string; seq?: number; code?: string }>
      expect(answers[10]).toMatchObject({ op: 'error', code: 'not_member' })
      expect(answers[20]).toMatchObject({ op: 'ack', seq: answers[5]!.seq })
      const sent = answers.filter((_, i) => i !== 10 && i !== 20)
      expect(sent.map((a) => a.seq)).toEqual(Array.from({ length: 38 }, (_, i) => i + 1))
      await settled(alice.rest, group.conversationId, 38)
      const history = await alice.rest.history(group.conversationId, 0, 50)
      const contents = Array.from({ length: 40 }, (_, i) => `m${i}`).filter((_, i) => i !== 10 && i !== 20)
      expect(history.messages.map((m) => m.content)).toEqual(contents)
      expect(history.hasMore).toBe(false)
    })

    it('delivers 50 messages in seq order without gaps, and sync after reconnect fills what was missed', async () => {
      const alice = await user(0)
      const bob = await user(1)
      const { conversationId } = await alice.rest.direct(bob.userId)
      const aliceWs = await connect(0, alice.token)
      const bobWs = await connect(1, bob.token)
      for (let i = 1; i <= 50; i++) {
        const ack = (await aliceWs.send(conversationId, `m${i}`, `k${i}-${uniq()}`)) as { seq: number }
        expect(ack.seq).toBe(i)
      }
      await bobWs.waitForMessage(conversationId, 50, 20_000)
      const got = bobWs.messages(conversationId)
      expect(got.map((m) => m.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1))
      expect(got.map((m) => m.content)).toEqual(Array.from({ length: 50 }, (_, i) => `m${i + 1}`))

      await bobWs.close()
      for (let i = 51; i <= 55; i++) await aliceWs.send(conversationId, `m${i}`, `k${i}-${uniq()}`)
      await settled(alice.rest, conversationId, 55)
      const back = await connect(0, bob.token)
      const res = (await back.sync(conversationId, 50)) as Extract<ServerFrame, { op: 'sync.result' }>
      expect(res.op).toBe('sync.result')
      expect(res.messages.map((m) => m.seq)).toEqual([51, 52, 53, 54, 55])
      expect(res.hasMore).toBe(false)
      const page = (await back.sync(conversationId, 0, 20)) as Extract<ServerFrame, { op: 'sync.result' }>
      expect(page.messages).toHaveLength(20)
      expect(page.hasMore).toBe(true)
    })

    it('fans a group message out to every member and its devices', async () => {
      const admin = await user(0)
      const members = await Promise.all([1, 2, 3].map((i) => user(i)))
      const { conversationId } = await admin.rest.createGroup(
        'team',
        members.map((m) => m.userId),
      )
      // strangers to the admin: invited, members once they accept (group consent)
      for (const m of members) await m.rest.acceptInvitation(conversationId)
      const socks = await Promise.all(members.map((m, i) => connect(i, m.token)))
      const adminOther = await connect(1, admin.token)
      const adminWs = await connect(0, admin.token)
      const ack = (await adminWs.send(conversationId, 'standup in 5', uniq())) as { seq: number }
      for (const s of [...socks, adminOther]) {
        const f = (await s.waitForMessage(conversationId, ack.seq)) as Extract<ServerFrame, { op: 'message' }>
        expect(f.message.content).toBe('standup in 5')
      }
      const convs = await members[0]!.rest.conversations()
      expect(convs.conversations.find((c) => c.conversationId === conversationId)).toMatchObject({
        kind: 'group',
        name: 'team',
        lastSeq: 1,
      })
    })

    it('recalls with an event, deletes soft and hard, and marks read', async () => {
      const alice = await user(0)
      const bob = await user(1)
      const { conversationId } = await alice.rest.direct(bob.userId)
      const bobWs = await connect(1, bob.token)
      const m1 = await alice.rest.send(conversationId, 'oops', uniq())
      const m2 = await alice.rest.send(conversationId, 'soft', uniq())
      const m3 = await alice.rest.send(conversationId, 'hard', uniq())
      await settled(alice.rest, conversationId, m3.seq)
      await expect(bob.rest.recall(conversationId, m1.messageId)).rejects.toMatchObject({ status: 403 })
      await alice.rest.recall(conversationId, m1.messageId)
      const ev = (await bobWs.waitFor((f) => f.op === 'event' && f.event.event_type === 'message.recalled')) as Extract<
        ServerFrame,
        { op: 'event' }
      >
      expect(ev.event).toMatchObject({
        conversation_id: conversationId,
        operator_id: alice.userId,
        payload: { message_id: m1.messageId, seq_id: m1.seq },
      })
      await expect(bob.rest.deleteMessage(conversationId, m2.messageId, 'soft')).rejects.toMatchObject({ status: 403 })
      await alice.rest.deleteMessage(conversationId, m2.messageId, 'soft')
      await alice.rest.deleteMessage(conversationId, m3.messageId, 'hard')
      const hist = await bob.rest.history(conversationId)
      const bySeq = new Map(hist.messages.map((m) => [m.seq, m]))
      expect(bySeq.get(m1.seq)).toMatchObject({ status: 'recalled', content: '' })
      // deleted messages (soft: content kept for audit; hard: content erased) leave a gap in history (docs/protocol.md)
      expect(hist.messages.map((m) => m.seq)).toEqual([m1.seq])
      const deletedEvents = () =>
        bobWs.frames.filter((f) => f.op === 'event' && f.event.event_type === 'message.deleted')
      await bobWs.waitFor(() => deletedEvents().length >= 2).catch(() => undefined)
      expect(deletedEvents().map((f) => (f as Extract<ServerFrame, { op: 'event' }>).event.payload)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ message_id: m2.messageId }),
          expect.objectContaining({ message_id: m3.messageId }),
        ]),
      )
      await bob.rest.read(conversationId, m3.seq)
      const ackRead = await bobWs.read(conversationId, m3.seq)
      expect(ackRead.op).toBe('ack')
      const convs = await bob.rest.conversations()
      expect(convs.conversations.find((c) => c.conversationId === conversationId)).toMatchObject({
        lastSeq: m3.seq,
        readSeq: m3.seq,
      })
      await bobWs.waitFor((f) => f.op === 'event' && f.event.event_type === 'message.read')
    })

    it('names, search, presence, typing and profile events across gateways', async () => {
      const tag = `t${uniq()}`
      const alice = await user(0, `${tag} Alice`)
      const bob = await user(1, `${tag} Bob`)
      const { conversationId } = await alice.rest.direct(bob.userId)
      // names: the peer's display name in the list; search by display-name prefix, lookup by id
      const list = await alice.rest.call<{
        conversations: Array<{ conversationId: string; peer?: { displayName: string } }>
      }>('GET', '/v1/conversations')
      expect(list.conversations.find((c) => c.conversationId === conversationId)?.peer?.displayName).toBe(`${tag} Bob`)
      const found = await alice.rest.call<{ users: Array<{ userId: string }> }>('GET', `/v1/users?q=${tag}`)
      expect(found.users.map((u) => u.userId).sort()).toEqual([alice.userId, bob.userId].sort())
      await expect(alice.rest.call('GET', '/v1/users?q=t')).rejects.toMatchObject({ status: 400, code: 'bad_request' })

      // presence: Bob comes online on gateway 1, Alice (gateway 0) gets user.online and sees him in the query
      const aliceWs = await connect(0, alice.token)
      const bobWs = await connect(1, bob.token)
      await aliceWs.waitFor(
        (f) => f.op === 'event' && f.event.event_type === 'user.online' && f.event.user_id === bob.userId,
      )
      const presence = await alice.rest.call<{ presence: Array<{ userId: string; online: boolean }> }>(
        'GET',
        `/v1/users/presence?ids=${bob.userId}`,
      )
      expect(presence.presence).toEqual([{ userId: bob.userId, online: true }])

      // typing: relayed to the other gateway, never stored
      await bobWs.request({ op: 'typing', conversationId })
      const typing = (await aliceWs.waitFor((f) => f.op === 'event' && f.event.event_type === 'typing')) as Extract<
        ServerFrame,
        { op: 'event' }
      >
      expect(typing.event).toMatchObject({ conversation_id: conversationId, operator_id: bob.userId })
      expect((await alice.rest.history(conversationId)).messages).toEqual([])

      // a rename reaches the peer's socket; going offline too
      await bob.rest.updateMe(`${tag} Robert`)
      const renamed = (await aliceWs.waitFor(
        (f) => f.op === 'event' && f.event.event_type === 'user.profile.updated',
      )) as Extract<ServerFrame, { op: 'event' }>
      expect(renamed.event).toMatchObject({ user_id: bob.userId, payload: { display_name: `${tag} Robert` } })
      await bobWs.close()
      await aliceWs.waitFor(
        (f) => f.op === 'event' && f.event.event_type === 'user.offline' && f.event.user_id === bob.userId,
      )
    })

    it('refuses unauthorized send, sync, read and recall', async () => {
      const alice = await user(0)
      const bob = await user(1)
      const eve = await user(0)
      const { conversationId } = await alice.rest.direct(bob.userId)
      const m = await alice.rest.send(conversationId, 'private', uniq())
      await settled(alice.rest, conversationId, m.seq)
      const eveWs = await connect(0, eve.token)
      const sent = await eveWs.send(conversationId, 'let me in', uniq())
      expect(sent).toMatchObject({ op: 'error' })
      expect((sent as { code: string }).code).toMatch(/not_member|forbidden/)
      expect((await eveWs.sync(conversationId, 0)).op).toBe('error')
      expect((await eveWs.read(conversationId, 1)).op).toBe('error')
      await expect(eve.rest.history(conversationId)).rejects.toMatchObject({ status: 403 })
      await expect(eve.rest.recall(conversationId, m.messageId)).rejects.toMatchObject({ status: 403 })
      await expect(eve.rest.send(conversationId, 'x', uniq())).rejects.toBeInstanceOf(ApiError)
      expect((await alice.rest.history(conversationId)).messages).toHaveLength(1)
    })

    it('answers malformed and oversized frames with errors and keeps the connection usable', async () => {
      const alice = await user(0)
      const bob = await user(1)
      const { conversationId } = await alice.rest.direct(bob.userId)
      const ws = await connect(0, alice.token)
      ws.raw('{not json')
      expect((await ws.waitFor((f) => f.op === 'error' && f.code === 'bad_frame')).op).toBe('error')
      ws.raw(JSON.stringify({ op: 'teleport', ref: 'x1' }))
      expect(await ws.waitFor((f) => f.op === 'error' && f.ref === 'x1')).toMatchObject({ code: 'bad_frame' })
      ws.raw(
        JSON.stringify({
          op: 'send',
          ref: 'x2',
          conversationId,
          content: 'a'.repeat(70 * 1024),
          idempotencyKey: 'big',
        }),
      )
      expect(await ws.waitFor((f) => f.op === 'error' && f.code === 'too_large')).toMatchObject({ op: 'error' })
      const ok = (await ws.send(conversationId, 'still here', uniq())) as { op: string; seq: number }
      expect(ok.op).toBe('ack')
      expect(ws.closed).toBeUndefined()
      await settled(alice.rest, conversationId, ok.seq)
      expect((await alice.rest.history(conversationId)).messages.map((m) => m.content)).toEqual(['still here'])
    })
  })

  return { closeSockets: () => Promise.all(sockets.splice(0).map((s) => s.close())) }
}
