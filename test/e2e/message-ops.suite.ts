// Message operations end to end (docs/protocol.md, "Message operations, replies and mentions"): edits, reactions,
// replies, mentions and pins reach every device of every member live and by sync after a reconnect, the bad inputs
// are refused and change nothing, and concurrent edits end with one text on every device. Run against `gochat up`
// (message-ops.test.ts) and a multi-process cluster on real Kafka/MariaDB/Redis (message-ops-cluster.test.ts),
// both with group_adds=direct so that a group is made in one call.
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { RestClient } from '../../src/client/rest.js'
import { type ServerFrame, SocketClient } from '../../src/client/socket.js'
import type { Message } from '../../src/contracts/payloads.js'

export interface Target {
  /** gateway base URLs; clients are spread over them (index modulo length) */
  gateways: () => string[]
}

const uniq = () => randomUUID().slice(0, 8)
type MessageFrame = Extract<ServerFrame, { op: 'message' }>

export function messageOpsSuite(name: string, target: Target) {
  const gw = (i: number) => target.gateways()[i % target.gateways().length]!
  const sockets: SocketClient[] = []

  async function user(i: number) {
    const rest = new RestClient(gw(i))
    const s = await rest.register(`u${uniq()}`, 'correct horse battery', `User ${i}`)
    return { rest, ...s }
  }
  async function connect(i: number, token: string) {
    const s = await SocketClient.connect(gw(i), token)
    sockets.push(s)
    expect((await s.ping()).op).toBe('pong')
    return s
  }
  /** the record at seq, as a device received it live */
  const live = async (dev: SocketClient, conversationId: string, seq: number) =>
    ((await dev.waitForMessage(conversationId, seq, 20_000)) as MessageFrame).message
  /** the whole history, page after page */
  async function history(rest: RestClient, conversationId: string, afterSeq = 0): Promise<Message[]> {
    const out: Message[] = []
    for (let after = afterSeq; ; ) {
      const page = await rest.history(conversationId, after, 200)
      out.push(...page.messages)
      if (!page.hasMore || page.messages.length === 0) return out
      after = page.messages.at(-1)!.seq
    }
  }
  /** Waits until history has `seq` and `ok` holds for the records: at once with the outbox; with async persistence
   *  history trails the ack (and an operation on a message not stored yet is refused not_found). */
  async function settled(
    rest: RestClient,
    conversationId: string,
    seq: number,
    ok: (h: Message[]) => boolean = () => true,
  ) {
    for (let i = 0; i < 200; i++) {
      const h = await history(rest, conversationId)
      if (h.some((m) => m.seq === seq) && ok(h)) return h
      await new Promise((r) => setTimeout(r, 50))
    }
    throw new Error(`${conversationId}#${seq} never settled in history`)
  }
  /** a group of ann (admin), bob and cy */
  async function team() {
    const [ann, bob, cy] = [await user(0), await user(1), await user(0)]
    const { conversationId } = await ann.rest.createGroup('ops', [bob.userId, cy.userId])
    return { ann, bob, cy, conversationId }
  }
  const send = (dev: SocketClient, conversationId: string, content: string, record = {}) =>
    dev.send(conversationId, content, uniq(), record)
  const seqOf = (f: ServerFrame) => {
    if (f.op !== 'ack') throw new Error(`not an ack: ${JSON.stringify(f)}`)
    return f.seq!
  }

  describe(name, () => {
    it('edits, reactions, replies, mentions and pins reach every device live, and by sync after a reconnect', async () => {
      const { ann, bob, cy, conversationId: c } = await team()
      const annWs = await connect(0, ann.token)
      const bobPhone = await connect(0, bob.token)
      let bobLaptop = await connect(1, bob.token)
      const devices = () => [annWs, bobPhone, bobLaptop]

      const first = await send(annWs, c, 'hello', { mentions: [bob.userId] })
      const m1 = (first as { messageId: string }).messageId
      expect(seqOf(first)).toBe(1)
      await settled(ann.rest, c, 1)
      const steps: Array<[SocketClient | RestClient, string, object]> = [
        [bobPhone, '👍', { kind: 'reaction', targetId: m1 }],
        [ann.rest, 'hello, edited', { kind: 'edit', targetId: m1 }],
        [bobLaptop, 'yes!', { replyTo: m1, mentions: [ann.userId] }],
        [annWs, '', { kind: 'pin', targetId: m1 }],
        [annWs, 'everyone, look', { mentions: ['@all'] }],
      ]
      for (const [by, content, record] of steps) {
        if (by instanceof RestClient) await by.send(c, content, uniq(), record)
        else seqOf(await send(by, c, content, record))
      }
      for (const dev of devices()) {
        expect((await live(dev, c, 2)).kind).toBe('reaction')
        expect(await live(dev, c, 3)).toMatchObject({ kind: 'edit', targetId: m1, content: 'hello, edited' })
        expect(await live(dev, c, 4)).toMatchObject({
          kind: 'text',
          replyTo: m1,
          mentions: [ann.userId],
          reply: { messageId: m1, senderId: ann.userId, snippet: 'hello, edited', status: 'normal' },
        })
        expect(await live(dev, c, 5)).toMatchObject({ kind: 'pin', targetId: m1 })
        expect((await live(dev, c, 6)).mentions).toEqual(['@all'])
      }
      // the domain events reach the members too: the edit to bob, the mentions to who was mentioned
      const eventOf = (dev: SocketClient, type: string, more: (e: Record<string, unknown>) => boolean = () => true) =>
        dev.waitFor((f) => f.op === 'event' && f.event.event_type === type && more(f.event), 20_000, type)
      expect(await eventOf(bobLaptop, 'message.edited')).toMatchObject({
        event: { conversation_id: c, payload: { message_id: m1, seq_id: 1, content: 'hello, edited' } },
      })
      await eventOf(bobPhone, 'message.mentioned', (e) => e.target_user_id === bob.userId)
      await eventOf(annWs, 'message.mentioned', (e) => e.target_user_id === ann.userId)
      await eventOf(bobPhone, 'message.mentioned', (e) => e.conversation_id === c) // @all
      await eventOf(annWs, 'message.pinned')
      expect((await bob.rest.pins(c)).messages.map((m) => m.messageId)).toEqual([m1])

      // bob's laptop goes away; what happens meanwhile it catches up on by sync from the last seq it had
      await bobLaptop.close()
      await ann.rest.send(c, '', uniq(), { kind: 'unpin', targetId: m1 })
      seqOf(await send(annWs, c, 'hello, final', { kind: 'edit', targetId: m1 }))
      seqOf(await send(bobPhone, c, '🎉', { kind: 'reaction', targetId: m1 }))
      // with async persistence an acked record is in history once the persist consumer wrote it: sync shows it then
      await settled(bob.rest, c, 9, (h) => h.filter((m) => m.seq > 6).length === 3)
      bobLaptop = await connect(1, bob.token)
      const missed = (await bobLaptop.sync(c, 6)) as Extract<ServerFrame, { op: 'sync.result' }>
      expect(missed.messages.map((m) => [m.seq, m.kind])).toEqual([
        [7, 'unpin'],
        [8, 'edit'],
        [9, 'reaction'],
      ])
      // cy was never online: a first sync shows every record and the message as the operations left it
      const cyView = await settled(cy.rest, c, 9, (h) => h[0]!.editSeq === 8 && h[0]!.reactions[0]?.emoji === '🎉')
      expect(cyView.map((m) => m.kind)).toEqual([
        'text',
        'reaction',
        'edit',
        'text',
        'pin',
        'text',
        'unpin',
        'edit',
        'reaction',
      ])
      expect(cyView[0]).toMatchObject({
        content: 'hello, final',
        editCount: 2,
        editSeq: 8,
        pinnedAt: 0,
        reactions: [{ emoji: '🎉', userIds: [bob.userId] }],
      })
      expect(cyView[0]!.editedAt).toBeGreaterThan(0)
      expect(cyView[3]!.reply).toMatchObject({ messageId: m1, snippet: 'hello, final' })
      expect((await cy.rest.pins(c)).messages).toEqual([])

      // a reply to a message recalled since shows it as recalled
      await ann.rest.recall(c, m1)
      expect((await history(bob.rest, c, 3))[0]!.reply).toEqual({
        messageId: m1,
        senderId: ann.userId,
        snippet: '',
        status: 'recalled',
      })
    })

    it('refuses the bad inputs with clear codes, and changes nothing', async () => {
      const { ann, bob, cy, conversationId: c } = await team()
      const other = await team()
      const bobWs = await connect(1, bob.token)
      const m1 = (await ann.rest.send(c, 'original', uniq())).messageId
      const elsewhere = (await other.ann.rest.send(other.conversationId, 'not yours', uniq())).messageId
      await settled(ann.rest, c, 1)
      await settled(other.ann.rest, other.conversationId, 1)
      const stranger = await user(1)
      // one after another: each refusal must leave the state as the next one finds it
      const refusals: Array<[() => Promise<unknown>, string]> = [
        [() => bob.rest.send(c, 'mine now', uniq(), { kind: 'edit', targetId: m1 }), 'not_sender'],
        [() => send(bobWs, c, 'mine now', { kind: 'edit', targetId: m1 }), 'not_sender'],
        [() => bob.rest.send(c, 'x'.repeat(10_240), uniq(), { kind: 'reaction', targetId: m1 }), 'too_large'],
        [() => send(bobWs, c, 'x'.repeat(10_240), { kind: 'reaction', targetId: m1 }), 'too_large'],
        [() => bob.rest.send(c, 'nice', uniq(), { kind: 'reaction', targetId: m1 }), 'bad_request'],
        [() => bob.rest.send(c, 'no', uniq(), { replyTo: elsewhere }), 'not_found'],
        [() => send(bobWs, c, 'no', { replyTo: elsewhere }), 'not_found'],
        [() => bob.rest.send(c, 'hey', uniq(), { mentions: [stranger.userId] }), 'bad_request'],
        [() => bob.rest.send(c, 'hey all', uniq(), { mentions: ['@all'] }), 'not_admin'],
        [() => cy.rest.send(c, '', uniq(), { kind: 'pin', targetId: m1 }), 'not_admin'],
        [() => send(bobWs, c, '', { kind: 'pin', targetId: m1 }), 'not_admin'],
        [() => ann.rest.send(c, '', uniq(), { kind: 'pin', targetId: elsewhere }), 'not_found'],
        [() => stranger.rest.send(c, '👍', uniq(), { kind: 'reaction', targetId: m1 }), 'not_member'],
      ]
      for (const [attempt, code] of refusals) {
        const outcome = await attempt().then(
          (v) => v,
          (err: { code?: string }) => ({ op: 'error', code: err.code }),
        )
        expect(outcome, code).toMatchObject({ op: 'error', code })
      }
      const after = await history(ann.rest, c)
      expect(after).toHaveLength(1)
      expect(after[0]).toMatchObject({ content: 'original', editCount: 0, reactions: [], pinnedAt: 0 })
      expect((await other.ann.rest.pins(other.conversationId)).messages).toEqual([])
    })

    it('leaves one final text on every device after concurrent edits (the last by seq)', async () => {
      const { ann, bob, conversationId: c } = await team()
      const annPhone = await connect(0, ann.token)
      const annLaptop = await connect(1, ann.token)
      const bobDevices = [await connect(0, bob.token), await connect(1, bob.token)]
      const m1 = (await ann.rest.send(c, 'draft', uniq())).messageId
      await settled(ann.rest, c, 1)
      const acks = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          send(i % 2 ? annLaptop : annPhone, c, `version ${i}`, { kind: 'edit', targetId: m1 }),
        ),
      )
      const last = Math.max(...acks.map(seqOf))
      expect(last).toBe(13)
      // every record stored: under async persistence the persist consumer may write them in more than one batch
      const stored = (await settled(bob.rest, c, last, (h) => h.length === last && h[0]!.editSeq === last))[0]!
      for (const dev of [annPhone, annLaptop, ...bobDevices]) {
        await live(dev, c, last)
        // what a device shows: the edit with the highest seq it received
        const edits = dev.messages(c).filter((m) => m.kind === 'edit' && m.targetId === m1)
        expect(edits).toHaveLength(12)
        const shown = edits.reduce((a, b) => (b.seq > a.seq ? b : a))
        expect(shown.content).toBe(stored.content)
      }
      expect(stored).toMatchObject({ editCount: 12, editSeq: 13 })
    })
  })

  return {
    closeSockets: async () => {
      await Promise.all(sockets.map((s) => s.close()))
    },
  }
}
