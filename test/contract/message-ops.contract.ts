import { expect, it } from 'vitest'
import type { MessageKind } from '../../src/domain/message.js'
import { MAX_REACTIONS_PER_MESSAGE } from '../../src/domain/operations.js'
import type { MessageDraft, MessageRow, StoreMessageHooks } from '../../src/ports/store.js'
import type { StoreFixture } from './store.contract.js'
import { createGroup, now, rejectsWith, textDraft, describeOnStore } from './store-suite.js'

export function messageOpsContract(driver: string, open: () => Promise<StoreFixture>): void {
  describeOnStore(`store contract, message operations: ${driver}`, open, (store) => {
    /** the records' outbox rows, to see what each transaction wrote */
    const written: MessageRow[] = []
    const hooks: StoreMessageHooks = {
      outbox: (m) => {
        written.push(m)
        return [{ topic: 'ops-contract', key: m.conversationId, value: Buffer.from(String(m.seq)), headers: {} }]
      },
    }

    const conversation = async () => (await createGroup(store, ['ann', 'bob', 'cy'])).conversationId

    const send = async (conversationId: string, over: Partial<MessageDraft> = {}) =>
      (await store.storeMessage(textDraft(conversationId, over), hooks)).message
    const op = (conversationId: string, kind: MessageKind, target: MessageRow, over: Partial<MessageDraft> = {}) =>
      send(conversationId, { kind, targetId: target.messageId, content: '', ...over })
    const get = async (m: MessageRow) => (await store.getMessage(m.conversationId, m.messageId))!

    it('stores an edit in the seq stream and applies it to its target: text, editedAt, edit count', async () => {
      const c = await conversation()
      const m = await send(c)
      const edit = await op(c, 'edit', m, { content: 'hello, edited', sentAt: now + 5 })
      expect(edit).toMatchObject({ seq: 2, kind: 'edit', targetId: m.messageId, content: 'hello, edited' })
      expect(await get(m)).toMatchObject({ content: 'hello, edited', editedAt: now + 5, editCount: 1, editSeq: 2 })
      await op(c, 'edit', m, { content: 'third', sentAt: now + 9 })
      const history = await store.listMessages(c, 0, 10)
      expect(history.map((h) => [h.seq, h.kind, h.content])).toEqual([
        [1, 'text', 'third'],
        [2, 'edit', 'hello, edited'],
        [3, 'edit', 'third'],
      ])
      expect(history[0]).toMatchObject({ editCount: 2, editedAt: now + 9, editSeq: 3 })
    })

    it('refuses an edit of another sender, of a recalled message, of an operation, of no message: nothing written', async () => {
      const c = await conversation()
      const m = await send(c)
      const before = written.length
      await rejectsWith(op(c, 'edit', m, { senderId: 'bob', content: 'not mine' }), 'not_sender')
      await rejectsWith(send(c, { kind: 'edit', targetId: 'm-nope', content: 'x' }), 'not_found')
      const reaction = await op(c, 'reaction', m, { senderId: 'bob', content: '👍' })
      await rejectsWith(op(c, 'edit', reaction, { content: 'x' }), 'bad_request')
      await store.updateMessageStatus(c, m.messageId, { status: 'recalled', hard: false }, [])
      await rejectsWith(op(c, 'edit', m, { content: 'too late' }), 'conflict')
      await rejectsWith(op(c, 'reaction', m, { content: '🎉' }), 'conflict')
      expect(written.length).toBe(before + 1) // the reaction only
      expect(await store.maxSeq(c)).toBe(2)
      expect(await get(m)).toMatchObject({ status: 'recalled', editCount: 0 })
    })

    it('keeps one reaction per user per message: adds, replaces, removes, and counts who reacted', async () => {
      const c = await conversation()
      const m = await send(c)
      await op(c, 'reaction', m, { senderId: 'bob', content: '👍' })
      await op(c, 'reaction', m, { senderId: 'cy', content: '👍' })
      await op(c, 'reaction', m, { senderId: 'ann', content: '🎉' })
      expect((await get(m)).reactions).toEqual([
        { emoji: '👍', userIds: ['bob', 'cy'] },
        { emoji: '🎉', userIds: ['ann'] },
      ])
      await op(c, 'reaction', m, { senderId: 'bob', content: '🎉' }) // replaces bob's 👍
      await op(c, 'unreaction', m, { senderId: 'ann', content: '🎉' })
      await op(c, 'unreaction', m, { senderId: 'cy', content: '🎉' }) // cy reacted 👍, not 🎉: nothing to remove
      expect((await get(m)).reactions).toEqual([
        { emoji: '👍', userIds: ['cy'] },
        { emoji: '🎉', userIds: ['bob'] },
      ])
      expect(await store.maxSeq(c)).toBe(7) // every record stays in the stream
    })

    it(`bounds the distinct reactions of a message at ${MAX_REACTIONS_PER_MESSAGE}`, async () => {
      const c = await conversation()
      const m = await send(c)
      const emoji = [...'😀😁😂🤣😃😄😅😆😉😊😋😎😍😘🥰😗😙😚🙂🤗🤩']
      for (let i = 0; i < MAX_REACTIONS_PER_MESSAGE; i++)
        await op(c, 'reaction', m, { senderId: `u${i}`, content: emoji[i]! })
      await rejectsWith(op(c, 'reaction', m, { senderId: 'ann', content: emoji[20]! }), 'conflict')
      await op(c, 'reaction', m, { senderId: 'ann', content: emoji[0]! }) // an existing one still takes more users
      expect((await get(m)).reactions).toHaveLength(MAX_REACTIONS_PER_MESSAGE)
      expect((await get(m)).reactions[0]!.userIds).toEqual(['u0', 'ann'])
    })

    it('pins and unpins, and lists the pinned messages in seq order', async () => {
      const c = await conversation()
      const [a, b, d] = [await send(c), await send(c), await send(c)]
      await op(c, 'pin', d, { sentAt: now + 1 })
      await op(c, 'pin', a, { sentAt: now + 2 })
      await op(c, 'pin', a, { sentAt: now + 3 }) // pinned already: stays pinned since now + 2
      expect((await store.listPins(c, 10)).map((m) => [m.messageId, m.pinnedAt])).toEqual([
        [a.messageId, now + 2],
        [d.messageId, now + 1],
      ])
      await op(c, 'unpin', d)
      expect((await store.listPins(c, 10)).map((m) => m.messageId)).toEqual([a.messageId])
      expect((await get(b)).pinnedAt).toBe(0)
    })

    it('stores a reply with a preview of the original, shown as recalled once it is', async () => {
      const c = await conversation()
      const original = await send(c, { content: 'x'.repeat(300), senderId: 'bob' })
      const reply = await send(c, { replyTo: original.messageId, content: 'yes' })
      expect(reply.reply).toEqual({
        messageId: original.messageId,
        senderId: 'bob',
        snippet: 'x'.repeat(100),
        status: 'normal',
      })
      expect(written.at(-1)!.reply?.messageId).toBe(original.messageId) // the dispatch record carries it
      await store.updateMessageStatus(c, original.messageId, { status: 'recalled', hard: false }, [])
      const shown = (await store.listMessages(c, 0, 10)).find((m) => m.messageId === reply.messageId)!
      expect(shown.reply).toEqual({ messageId: original.messageId, senderId: 'bob', snippet: '', status: 'recalled' })
      expect((await get(reply)).reply?.status).toBe('recalled')
    })

    it('refuses a reply to a message of another conversation, or an operation on one: nothing written', async () => {
      const c = await conversation()
      const other = await conversation()
      const elsewhere = await send(other)
      await rejectsWith(send(c, { replyTo: elsewhere.messageId }), 'not_found')
      await rejectsWith(op(c, 'pin', elsewhere), 'not_found')
      expect(await store.maxSeq(c)).toBe(0)
      expect((await get(elsewhere)).pinnedAt).toBe(0)
    })

    it('keeps mentions, and answers a repeated operation key with the first record, applied once', async () => {
      const c = await conversation()
      const m = await send(c, { mentions: ['bob', '@all'] })
      expect((await get(m)).mentions).toEqual(['bob', '@all'])
      const first = await store.storeMessage(
        textDraft(c, { kind: 'edit', targetId: m.messageId, idempotencyKey: 'k' }),
        hooks,
      )
      const again = await store.storeMessage(
        textDraft(c, { kind: 'edit', targetId: m.messageId, idempotencyKey: 'k', content: 'other' }),
        hooks,
      )
      expect(again).toMatchObject({ duplicate: true, message: { messageId: first.message.messageId } })
      expect((await get(m)).editCount).toBe(1)
    })

    it('applies operations inserted with seqs from elsewhere (async persistence), the last edit by seq winning', async () => {
      const c = await conversation()
      const m = await send(c)
      const row = (seq: number, over: Partial<MessageDraft>): MessageRow => ({ ...textDraft(c, over), seq })
      // two edits handed seqs 3 and 2 arrive in that order: the text is the one of seq 3, both count
      await store.insertMessages([row(3, { kind: 'edit', targetId: m.messageId, content: 'last' })])
      await store.insertMessages([row(2, { kind: 'edit', targetId: m.messageId, content: 'earlier' })])
      expect(await get(m)).toMatchObject({ content: 'last', editCount: 2, editSeq: 3 })
      // one the target's state refuses by now is stored (the seq stays taken) and changes nothing
      await store.updateMessageStatus(c, m.messageId, { status: 'recalled', hard: false }, [])
      await store.insertMessages([row(4, { kind: 'reaction', targetId: m.messageId, content: '👍', senderId: 'bob' })])
      expect(await store.maxSeq(c)).toBe(4)
      expect((await get(m)).reactions).toEqual([])
    })
  })
}
