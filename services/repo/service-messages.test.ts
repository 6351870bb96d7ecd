// RepoService over the in-memory store and cache, called in process as --role=all does: storing, seqs, sync,
// recall and delete, read cursors and send restrictions (test/helpers/repo-service.ts).
import { textDefaults } from '../../src/domain/message.js'
import { describe, expect, it } from 'vitest'
import { decode, DispatchMessage } from '../../src/contracts/payloads.js'
import { startRepo } from './index.js'
import {
  api,
  bus,
  cache,
  cfg,
  event,
  group,
  log,
  pending,
  rejectsWith,
  setUpRepo,
  store,
} from '../../test/helpers/repo-service.js'

describe('repo service', () => {
  setUpRepo()

  describe('messages', () => {
    it('stores a message with its DispatchMessage in the outbox; a repeated key returns the first', async () => {
      const id = await group('ann', ['bob'])
      const first = await api.StoreMessage({
        conversation_id: id,
        sender_id: 'ann',
        idempotency_key: 'k1',
        content: 'hello',
      })
      expect(first.duplicate).toBe(false)
      expect(first.message).toMatchObject({
        conversation_id: id,
        seq: 1,
        sender_id: 'ann',
        content: 'hello',
        status: 'normal',
        idempotency_key: 'k1',
      })
      const again = await api.StoreMessage({
        conversation_id: id,
        sender_id: 'ann',
        idempotency_key: 'k1',
        content: 'hello again',
      })
      expect(again).toEqual({ message: first.message, duplicate: true })
      const other = await api.StoreMessage({
        conversation_id: id,
        sender_id: 'bob',
        idempotency_key: 'k1',
        content: 'mine',
      })
      expect(other).toMatchObject({ duplicate: false, message: { seq: 2 } })

      const rows = (await pending('gochat.messages.dispatch')).filter((r) => r.key === id)
      expect(rows).toHaveLength(2)
      const dispatched = decode(DispatchMessage, rows[0]!.value, 'DispatchMessage')
      expect(dispatched).toEqual({
        message: {
          messageId: first.message!.message_id,
          conversationId: id,
          seq: 1,
          senderId: 'ann',
          content: 'hello',
          sentAt: first.message!.sent_at,
          status: 'normal',
          ...textDefaults,
        },
        conversationKind: 'group',
        memberCount: 2,
      })
      await rejectsWith(api.StoreMessage({ conversation_id: 'g_nope', sender_id: 'ann', content: 'x' }), 'not_found')
      await rejectsWith(api.StoreMessage({ conversation_id: id, content: 'x' }), 'bad_request')
    })

    it('allocates unique, gap-free seqs to 50 concurrent sends', async () => {
      const id = await group('ann')
      const sent = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          api.StoreMessage({ conversation_id: id, sender_id: 'ann', idempotency_key: `c${i}`, content: `${i}` }),
        ),
      )
      expect(sent.map((s) => s.message!.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1))
    })

    it('stores without the cache: seqs from the store, whatever the counter says, through a cache outage', async () => {
      const id = await group('ann')
      const send = async () =>
        (await api.StoreMessage({ conversation_id: id, sender_id: 'ann', content: 'x' })).message!.seq
      await cache.incrAtLeast(`seq:${id}`, 40) // a counter from an earlier async period
      expect([await send(), await send()]).toEqual([1, 2])
      cache.failing = true
      try {
        expect([await send(), await send()]).toEqual([3, 4])
      } finally {
        cache.failing = false
      }
      expect(await cache.incrExisting(`seq:${id}`)).toBe(42) // untouched by the sends
    })

    it('async after sync: the first allocation in a process starts above the stored rows, never above a counter ahead of them', async () => {
      const id = await group('ann')
      for (let i = 0; i < 3; i++) await api.StoreMessage({ conversation_id: id, sender_id: 'ann', content: 'sync' })
      await cache.incrAtLeast(`seq:${id}`, 0) // left at 1 from before: behind the rows stored meanwhile
      expect((await api.AllocateSeq({ conversation_id: id })).seq).toBe(4)
      expect(await store.reserveSeq(id, 0)).toBeGreaterThan(5)
      // another repo process: the counter is ahead of MAX(seq) now, so it goes on from it (no jump over the
      // reservation, no gap)
      const other = await startRepo({ cfg, bus, log, store, cache, relay: { start: false } })
      try {
        expect((await other.api.AllocateSeq({ conversation_id: id })).seq).toBe(5)
      } finally {
        await other.role.stop()
      }
      expect((await api.AllocateSeq({ conversation_id: id })).seq).toBe(6)
    })

    it('syncs pages in seq order with has_more, leaving deleted messages out', async () => {
      const id = await group('ann')
      const ids: string[] = []
      for (let i = 1; i <= 7; i++)
        ids.push(
          (await api.StoreMessage({ conversation_id: id, sender_id: 'ann', content: `m${i}` })).message!.message_id,
        )
      await api.UpdateMessageStatus({ conversation_id: id, message_id: ids[1]!, status: 'deleted' })
      const first = await api.SyncMessages({ conversation_id: id, after_seq: 0, limit: 3 })
      expect([first.messages.map((m) => m.seq), first.has_more]).toEqual([[1, 3, 4], true])
      const last = await api.SyncMessages({ conversation_id: id, after_seq: 4, limit: 3 })
      expect([last.messages.map((m) => m.seq), last.has_more]).toEqual([[5, 6, 7], false])
      expect((await api.GetMessage({ conversation_id: id, message_id: ids[1]! })).status).toBe('deleted')
      await rejectsWith(api.GetMessage({ conversation_id: id, message_id: 'm_nope' }), 'not_found')
    })

    it('recalls and deletes (soft, hard) with their events, only when something changes', async () => {
      const id = await group('ann')
      const topic = `t.status.${id}`
      const m = (await api.StoreMessage({ conversation_id: id, sender_id: 'ann', content: 'secret' })).message!
      const change = (status: string, hard = false) =>
        api.UpdateMessageStatus({
          conversation_id: id,
          message_id: m.message_id,
          status,
          hard,
          events: [event(topic, `${status}${hard ? '-hard' : ''}`)],
        })
      expect((await change('recalled')).status).toBe('recalled')
      expect((await change('deleted')).status).toBe('deleted')
      expect(await change('deleted', true)).toMatchObject({ status: 'deleted', content: '' })
      expect(await change('deleted', true)).toMatchObject({ status: 'deleted', content: '' })
      expect((await pending(topic)).map((r) => r.key)).toEqual(['recalled', 'deleted', 'deleted-hard'])
      await rejectsWith(change('normal'), 'bad_request')
      await rejectsWith(change('recalled', true), 'bad_request')
      await rejectsWith(
        api.UpdateMessageStatus({ conversation_id: id, message_id: 'm_nope', status: 'deleted' }),
        'not_found',
      )
    })

    it('moves read cursors forward only, never past the last message', async () => {
      const id = await group('ann')
      for (let i = 0; i < 5; i++) await api.StoreMessage({ conversation_id: id, sender_id: 'ann', content: 'x' })
      const topic = `t.read.${id}`
      const read = (seq: number) =>
        api.SetReadSeq({ conversation_id: id, user_id: 'ann', seq, events: [event(topic, String(seq))] })
      expect(await read(3)).toEqual({ read_seq: 3 })
      expect(await read(2)).toEqual({ read_seq: 3 })
      expect(await read(99)).toEqual({ read_seq: 5 })
      expect((await pending(topic)).map((r) => r.key)).toEqual(['3', '99'])
    })

    it('refuses a blocked or muted sender in StoreMessage, StoreMessages and AllocateSeq, storing nothing', async () => {
      const d = (await api.EnsureDirectConversation({ user_a: 'rhea', user_b: 'sol' })).conversation!.conversation_id
      const first = await api.StoreMessage({ conversation_id: d, sender_id: 'rhea', content: 'first' })
      await api.Block({ user_id: 'sol', blocked_id: 'rhea' })
      await rejectsWith(api.StoreMessage({ conversation_id: d, sender_id: 'rhea', content: 'x' }), 'blocked')
      await rejectsWith(api.AllocateSeq({ conversation_id: d, sender_id: 'sol', idempotency_key: 'k' }), 'blocked')
      const batch = await api.StoreMessages({ messages: [{ conversation_id: d, sender_id: 'sol', content: 'y' }] })
      expect(batch.results[0]).toMatchObject({ error: { code: 'blocked' } })
      expect(await store.maxSeq(d)).toBe(first.message!.seq)
      const g = await group('tia', ['uma'])
      await api.SetMemberMute({ conversation_id: g, user_id: 'uma', until: Date.now() + 60_000 })
      await rejectsWith(api.StoreMessage({ conversation_id: g, sender_id: 'uma', content: 'x' }), 'muted')
      expect(await store.maxSeq(g)).toBe(0)
    })

    it('allocates seqs and inserts messages for async persistence, idempotently', async () => {
      const id = await group('ann')
      const seqs = [await api.AllocateSeq({ conversation_id: id }), await api.AllocateSeq({ conversation_id: id })].map(
        (r) => r.seq,
      )
      expect(seqs).toEqual([1, 2])
      const msg = (seq: number) => ({
        message_id: `m_async_${id}_${seq}`,
        conversation_id: id,
        seq,
        sender_id: 'ann',
        content: `a${seq}`,
        sent_at: 1,
        idempotency_key: `ak${seq}`,
      })
      expect((await api.InsertMessages({ messages: [msg(2), msg(1)] })).inserted.map((m) => m.seq)).toEqual([2, 1])
      expect((await api.InsertMessages({ messages: [msg(1), msg(3)] })).inserted.map((m) => m.seq)).toEqual([3])
      expect((await api.SyncMessages({ conversation_id: id, after_seq: 0 })).messages.map((m) => m.content)).toEqual([
        'a1',
        'a2',
        'a3',
      ])
      await rejectsWith(api.InsertMessages({ messages: [{ ...msg(0) }] }), 'bad_request')
    })

    it("scopes AllocateSeq's idempotency key to (conversation, sender)", async () => {
      const [a, b] = [await group('ann'), await group('ann')]
      const alloc = (conversation_id: string, sender_id = 'ann') =>
        api.AllocateSeq({ conversation_id, sender_id, idempotency_key: 'same' })
      const first = await alloc(a)
      expect(first).toMatchObject({ seq: 1, duplicate: false })
      expect(await alloc(a)).toEqual({ ...first, duplicate: true })
      const other = await alloc(b)
      expect(other).toMatchObject({ seq: 1, duplicate: false })
      expect(other.message_id).not.toBe(first.message_id)
      expect(await alloc(b, 'bob')).toMatchObject({ seq: 2, duplicate: false })
    })
  })
})
