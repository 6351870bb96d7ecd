// The store port's contract for the state operations give a message (src/domain/message.ts OperationState), which
// the SQL stores keep as one value: every field survives the others changing (an edit, a pin, a reaction, an erased
// user's reaction taken off), and a record that becomes a tombstone keeps none of it. Run by the memory, SQLite and
// MariaDB suites, each on a store of its own.
import { randomUUID } from 'node:crypto'
import { expect, it } from 'vitest'
import { freshState, type MessageKind, textDefaults } from '../../src/domain/message.js'
import type { MessageDraft } from '../../src/ports/store.js'
import type { StoreFixture } from './store.contract.js'
import { describeOnStore } from './store-suite.js'

const uid = (prefix: string) => `${prefix}-${randomUUID().slice(0, 12)}`
const hooks = { outbox: () => [] }

export function operationStateContract(driver: string, open: () => Promise<StoreFixture>): void {
  describeOnStore(`store contract, operation state: ${driver}`, open, (store) => {
    async function conversation(): Promise<string> {
      const c = uid('d')
      await store.createConversation(
        { conversationId: c, kind: 'direct', name: '', announcement: '', createdAt: 1 },
        ['ann', 'bob'].map((userId) => ({ conversationId: c, userId, role: 'member' as const, joinedAt: 1 })),
        [],
      )
      return c
    }
    const send = (c: string, senderId: string, kind: MessageKind, content: string, targetId = '', sentAt = 10) => {
      const draft: MessageDraft = {
        messageId: uid('m'),
        conversationId: c,
        senderId,
        content,
        sentAt,
        status: 'normal',
        idempotencyKey: uid('k'),
        ...textDefaults,
        kind,
        targetId,
      }
      return store.storeMessage(draft, hooks)
    }

    it('keeps every field of the state while the others change, and a new message starts fresh', async () => {
      const c = await conversation()
      const target = (await send(c, 'ann', 'text', 'first')).message
      expect(await store.getMessage(c, target.messageId)).toMatchObject(freshState)
      await send(c, 'ann', 'edit', 'second', target.messageId, 20)
      await send(c, 'bob', 'reaction', '👍', target.messageId)
      await send(c, 'bob', 'pin', '', target.messageId, 30)
      await send(c, 'ann', 'reaction', '🎉', target.messageId)
      expect(await store.getMessage(c, target.messageId)).toMatchObject({
        content: 'second',
        editedAt: 20,
        editCount: 1,
        editSeq: 2,
        pinnedAt: 30,
        reactions: [
          { emoji: '👍', userIds: ['bob'] },
          { emoji: '🎉', userIds: ['ann'] },
        ],
      })
      await send(c, 'ann', 'unreaction', '', target.messageId)
      await send(c, 'bob', 'unpin', '', target.messageId)
      expect(await store.getMessage(c, target.messageId)).toMatchObject({
        editCount: 1,
        pinnedAt: 0,
        reactions: [{ emoji: '👍', userIds: ['bob'] }],
      })
    })

    it("eraseSent takes the user's reaction off its target and leaves the target's edits, pin and other reactions", async () => {
      const c = await conversation()
      const target = (await send(c, 'ann', 'text', 'first')).message
      await send(c, 'ann', 'edit', 'second', target.messageId, 20)
      await send(c, 'bob', 'pin', '', target.messageId, 30)
      const reaction = (await send(c, 'bob', 'reaction', '👍', target.messageId)).message
      await send(c, 'ann', 'reaction', '🎉', target.messageId)
      await store.retention.eraseSent('bob', [{ conversationId: c, seq: reaction.seq }])
      expect(await store.getMessage(c, target.messageId)).toMatchObject({
        content: 'second',
        editCount: 1,
        pinnedAt: 30,
        reactions: [{ emoji: '🎉', userIds: ['ann'] }],
      })
    })

    it('a record that becomes a tombstone keeps none of its state', async () => {
      const c = await conversation()
      const target = (await send(c, 'ann', 'text', 'first')).message
      await send(c, 'ann', 'edit', 'second', target.messageId, 20)
      await send(c, 'bob', 'reaction', '👍', target.messageId)
      await send(c, 'bob', 'pin', '', target.messageId, 30)
      await store.retention.eraseSent('ann', [{ conversationId: c, seq: target.seq }])
      expect(await store.getMessage(c, target.messageId)).toMatchObject({ kind: 'expired', ...freshState })
      expect(await store.listPins(c, 10)).toEqual([])
    })
  })
}
