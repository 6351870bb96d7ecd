// The store contract, messages and read cursors: run on every driver by store.contract.ts (one store per driver, shared by
// the cases, so each uses ids and outbox topics of its own).
import { expect, it } from 'vitest'
import type { AppError } from '../../src/core/errors.js'
import type { Store, StoreMessageHooks } from '../../src/ports/store.js'
import { uid, record, rejectsWith, storeHelpers } from './store-suite.js'

/** messages; `store`: the suite's store (opened before the cases run) */
export function messageCases(store: Store): void {
  const { pendingOf, group, draft, plainHooks } = storeHelpers(store)
  it('stores a message with its outbox rows, and a repeated (sender, key) returns the first, writing nothing', async () => {
    const conversationId = await group(['alice', 'bob'])
    const topic = uid('t')
    const first = await store.storeMessage(draft(conversationId, { idempotencyKey: 'k-1' }), plainHooks(topic))
    expect(first.duplicate).toBe(false)
    expect(first.message).toMatchObject({
      conversationId,
      seq: 1,
      senderId: 'alice',
      idempotencyKey: 'k-1',
      status: 'normal',
    })
    const again = await store.storeMessage(
      draft(conversationId, { idempotencyKey: 'k-1', content: 'other' }),
      plainHooks(topic),
    )
    expect(again).toEqual({ message: first.message, duplicate: true })
    expect(await store.maxSeq(conversationId)).toBe(1)
    expect(await pendingOf(topic)).toHaveLength(1)

    // the key is scoped to its sender
    const bob = await store.storeMessage(
      draft(conversationId, { senderId: 'bob', idempotencyKey: 'k-1' }),
      plainHooks(topic),
    )
    expect(bob).toMatchObject({ duplicate: false, message: { seq: 2, senderId: 'bob' } })
    // no key: never a duplicate
    const a = await store.storeMessage(draft(conversationId, { idempotencyKey: '' }), plainHooks(topic))
    const b = await store.storeMessage(draft(conversationId, { idempotencyKey: '' }), plainHooks(topic))
    expect([a.duplicate, b.duplicate, a.message.seq, b.message.seq]).toEqual([false, false, 3, 4])
    expect(await pendingOf(topic)).toHaveLength(4)
    expect(await store.getMessage(conversationId, a.message.messageId)).toEqual(a.message)
    expect(await store.getMessage('elsewhere', a.message.messageId)).toBeNull()
  })

  it('scopes an idempotency key to (conversation, sender): the same key to two conversations is two messages', async () => {
    const [c1, c2] = [await group(['alice', 'bob']), await group(['alice', 'carol'])]
    await store.storeMessage(draft(c2, { idempotencyKey: 'other' }), plainHooks())
    const toB = await store.storeMessage(draft(c1, { idempotencyKey: 'k-same', content: 'to b' }), plainHooks())
    const toC = await store.storeMessage(draft(c2, { idempotencyKey: 'k-same', content: 'to c' }), plainHooks())
    expect(toB).toMatchObject({ duplicate: false, message: { conversationId: c1, seq: 1, content: 'to b' } })
    expect(toC).toMatchObject({ duplicate: false, message: { conversationId: c2, seq: 2, content: 'to c' } })
    expect(toC.message.messageId).not.toBe(toB.message.messageId)
    // the same key in the same conversation is still the first send
    expect(await store.storeMessage(draft(c2, { idempotencyKey: 'k-same', content: 'again' }), plainHooks())).toEqual({
      message: toC.message,
      duplicate: true,
    })
    expect((await store.listMessages(c1, 0, 10)).map((m) => m.content)).toEqual(['to b'])
    expect((await store.listMessages(c2, 0, 10)).map((m) => m.content)).toEqual(['hi', 'to c'])
    // async persistence: rows with given seqs, same key in another conversation, are stored too
    const c3 = await group(['alice'])
    const kept = await store.insertMessages([
      { ...draft(c3, { idempotencyKey: 'k-same' }), seq: 1 },
      { ...draft(c3, { idempotencyKey: 'k-same' }), seq: 2 },
    ])
    expect(kept.map((m) => m.seq)).toEqual([1])
  })

  it('serializes a conversation: 50 concurrent stores get seqs 1..50, unique and gap-free', async () => {
    const conversationId = await group(['alice'])
    const results = await Promise.all(
      Array.from({ length: 50 }, () => store.storeMessage(draft(conversationId), plainHooks())),
    )
    expect(results.map((r) => r.message.seq).sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1))
    const page = await store.listMessages(conversationId, 0, 100)
    expect(page.map((m) => m.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1))
  })

  it('stores a burst across conversations: gap-free seqs in outbox order, each caller its own result or error', async () => {
    const topic = uid('t')
    const convs = await Promise.all(Array.from({ length: 12 }, () => group(['alice', 'bob'])))
    const hooks: StoreMessageHooks = {
      outbox: (m) => [{ ...record(topic, m.seq), key: m.conversationId }],
    }
    const drafts = convs.flatMap((c) => Array.from({ length: 8 }, () => draft(c)))
    const twice = draft(convs[0]!, { idempotencyKey: 'burst-twice' })
    const calls = [
      ...drafts.map((d) => store.storeMessage(d, hooks)),
      store.storeMessage(twice, hooks),
      store.storeMessage({ ...twice, messageId: uid('m') }, hooks),
      store.storeMessage(draft(uid('missing')), hooks),
      store.storeMessage(draft(convs[1]!), { ...hooks, outbox: () => [{ ...record(topic), topic: '' }] }),
      store.storeMessage(draft(convs[2]!), {
        ...hooks,
        outbox: () => {
          throw new Error('boom')
        },
      }),
    ]
    const settled = await Promise.allSettled(calls)
    const results = settled
      .slice(0, drafts.length)
      .map((r) => (r as PromiseFulfilledResult<{ message: { messageId: string } }>).value)
    expect(results.map((r) => r.message.messageId)).toEqual(drafts.map((d) => d.messageId))
    const [a, b] = settled
      .slice(drafts.length, drafts.length + 2)
      .map((r) => (r as PromiseFulfilledResult<Awaited<ReturnType<Store['storeMessage']>>>).value)
    expect([a!.duplicate, b!.duplicate].sort()).toEqual([false, true])
    expect(b!.message).toEqual(a!.message)
    const reasons = settled.slice(drafts.length + 2).map((r) => (r as PromiseRejectedResult).reason)
    expect(reasons.map((e) => (e as AppError).code ?? (e as Error).message)).toEqual([
      'not_found',
      'bad_request',
      'boom',
    ])
    const pending = await pendingOf(topic)
    for (const c of convs) {
      const n = c === convs[0] ? 9 : 8
      expect((await store.listMessages(c, 0, 100)).map((m) => m.seq)).toEqual(
        Array.from({ length: n }, (_, i) => i + 1),
      )
      expect(pending.filter((r) => r.key === c).map((r) => Number(r.headers.n))).toEqual(
        Array.from({ length: n }, (_, i) => i + 1),
      )
    }
  })

  it('spends no seq on a store that fails: the next message of the batch gets its seq', async () => {
    const conversationId = await group(['alice'])
    const topic = uid('t')
    const failing = draft(conversationId)
    const hooks: StoreMessageHooks = {
      outbox: (m) => {
        if (m.messageId === failing.messageId) throw new Error('boom')
        return [record(topic, m.seq)]
      },
    }
    // started together: one group commit on MySQL, the failing message between the other two
    const [a, b, c] = await Promise.allSettled([
      store.storeMessage(draft(conversationId), hooks),
      store.storeMessage(failing, hooks),
      store.storeMessage(draft(conversationId), hooks),
    ])
    expect((b as PromiseRejectedResult).reason).toEqual(new Error('boom'))
    const seqs = [a, c].map((r) => (r as PromiseFulfilledResult<{ message: { seq: number } }>).value.message.seq)
    expect(seqs.sort((x, y) => x - y)).toEqual([1, 2])
    expect((await store.listMessages(conversationId, 0, 10)).map((m) => m.seq)).toEqual([1, 2])
    expect((await pendingOf(topic)).map((r) => Number(r.headers.n)).sort((x, y) => x - y)).toEqual([1, 2])
    expect((await store.storeMessage(draft(conversationId), hooks)).message.seq).toBe(3)
  })

  it('stores above seqs taken by insertMessages and above the seq reservation (async persistence in flight)', async () => {
    const conversationId = await group(['alice'])
    await store.storeMessage(draft(conversationId), plainHooks())
    await store.insertMessages([{ ...draft(conversationId), seq: 2 }])
    expect((await store.storeMessage(draft(conversationId), plainHooks())).message.seq).toBe(3)
    // seqs up to 10 handed out by AllocateSeq, on their way to insertMessages: none of them is taken here
    await store.reserveSeq(conversationId, 10)
    const after = await Promise.all([0, 1].map(() => store.storeMessage(draft(conversationId), plainHooks())))
    expect(after.map((r) => r.message.seq).sort((x, y) => x - y)).toEqual([11, 12])
    expect((await store.storeMessage(draft(conversationId), plainHooks())).message.seq).toBe(13)
  })

  it('rolls back: a failing outbox write leaves neither the message nor any outbox row', async () => {
    const conversationId = await group(['alice'])
    const topic = uid('t')
    const bad: StoreMessageHooks = {
      // the second record is refused after the message row and the first record were written
      outbox: () => [record(topic, 1), { ...record(topic, 2), topic: 'x'.repeat(300) }],
    }
    await rejectsWith(store.storeMessage(draft(conversationId, { idempotencyKey: 'once' }), bad), 'bad_request')
    const failing: StoreMessageHooks = {
      ...bad,
      outbox: () => {
        throw new Error('boom')
      },
    }
    await expect(store.storeMessage(draft(conversationId), failing)).rejects.toThrow('boom')
    expect(await store.maxSeq(conversationId)).toBe(0)
    expect(await store.listMessages(conversationId, 0, 10)).toEqual([])
    expect(await pendingOf(topic)).toEqual([])
    // and the key and the seq are still free
    expect(
      await store.storeMessage(draft(conversationId, { idempotencyKey: 'once' }), plainHooks(topic)),
    ).toMatchObject({ duplicate: false, message: { seq: 1 } })
  })

  it('refuses a message to a conversation that does not exist', async () => {
    await rejectsWith(store.storeMessage(draft(uid('missing')), plainHooks()), 'not_found')
  })

  it('keeps a seq reservation that only rises, apart from MAX(seq)', async () => {
    const conversationId = await group(['alice'])
    expect(await store.reserveSeq(conversationId, 0)).toBe(0)
    expect(await store.reserveSeq(conversationId, 100)).toBe(100)
    expect(await store.reserveSeq(conversationId, 40)).toBe(100)
    expect(await store.reserveSeq(conversationId, 0)).toBe(100)
    expect(await store.maxSeq(conversationId)).toBe(0)
    expect(await store.reserveSeq(uid('missing'), 10)).toBe(0)
  })

  it('inserts messages with given seqs idempotently on (conversation, seq)', async () => {
    const conversationId = await group(['alice'])
    const m = (seq: number) => ({ ...draft(conversationId), seq })
    const [one, two] = [m(1), m(2)]
    expect(await store.insertMessages([one, two])).toEqual([one, two])
    expect(await store.insertMessages([{ ...m(2), content: 'again' }, m(3)])).toEqual([
      expect.objectContaining({ seq: 3 }),
    ])
    expect((await store.listMessages(conversationId, 0, 10)).map((x) => x.content)).toEqual(['hi', 'hi', 'hi'])
  })

  it('syncs after a seq, in order, leaving deleted messages out', async () => {
    const conversationId = await group(['alice'])
    const stored = []
    for (let i = 0; i < 6; i++) stored.push((await store.storeMessage(draft(conversationId), plainHooks())).message)
    await store.updateMessageStatus(conversationId, stored[2]!.messageId, { status: 'deleted', hard: false }, [])
    expect((await store.listMessages(conversationId, 1, 3)).map((m) => m.seq)).toEqual([2, 4, 5])
    expect((await store.listMessages(conversationId, 5, 3)).map((m) => m.seq)).toEqual([6])
    expect(await store.listMessages(conversationId, 6, 3)).toEqual([])
  })

  it('changes status: recall, soft and hard delete; deleted is final; outbox only on a change', async () => {
    const conversationId = await group(['alice'])
    const topic = uid('t')
    const m = async () => (await store.storeMessage(draft(conversationId, { content: 'secret' }), plainHooks())).message
    const change = (id: string, status: 'recalled' | 'deleted', hard = false, n = 0) =>
      store.updateMessageStatus(conversationId, id, { status, hard }, [record(topic, n)])

    const r = await m()
    expect(await change(r.messageId, 'recalled', false, 1)).toEqual({ ...r, status: 'recalled' })
    expect(await change(r.messageId, 'recalled', false, 2)).toEqual({ ...r, status: 'recalled' })

    const s = await m()
    expect(await change(s.messageId, 'deleted', false, 3)).toEqual({ ...s, status: 'deleted' })
    expect(await change(s.messageId, 'recalled', false, 4)).toEqual({ ...s, status: 'deleted' })
    expect(await change(s.messageId, 'deleted', true, 5)).toEqual({ ...s, status: 'deleted', content: '' })
    expect(await store.getMessage(conversationId, s.messageId)).toEqual({ ...s, status: 'deleted', content: '' })

    expect(await change('m-missing', 'deleted')).toBeNull()
    expect((await pendingOf(topic)).map((x) => x.key)).toEqual(['k1', 'k3', 'k5'])
  })
}

/** read cursors; `store`: the suite's store (opened before the cases run) */
export function readCursorCases(store: Store): void {
  const { pendingOf, group } = storeHelpers(store)
  it('never move backwards, and write the outbox only when they advance', async () => {
    const conversationId = await group(['alice'])
    const topic = uid('t')
    expect(await store.setReadSeq(conversationId, 'alice', 5, [record(topic, 1)])).toEqual({
      readSeq: 5,
      advanced: true,
    })
    expect(await store.setReadSeq(conversationId, 'alice', 3, [record(topic, 2)])).toEqual({
      readSeq: 5,
      advanced: false,
    })
    expect(await store.setReadSeq(conversationId, 'alice', 5, [record(topic, 3)])).toEqual({
      readSeq: 5,
      advanced: false,
    })
    expect(await store.setReadSeq(conversationId, 'alice', 9, [record(topic, 4)])).toEqual({
      readSeq: 9,
      advanced: true,
    })
    const concurrent = await Promise.all([7, 12, 10, 11].map((seq) => store.setReadSeq(conversationId, 'bob', seq, [])))
    expect(Math.max(...concurrent.map((c) => c.readSeq))).toBe(12)
    expect(await store.setReadSeq(conversationId, 'bob', 11, [])).toEqual({ readSeq: 12, advanced: false })
    expect((await pendingOf(topic)).map((x) => x.key)).toEqual(['k1', 'k4'])
  })
}
