import { expect, it } from 'vitest'
import { textDefaults } from '../../src/domain/message.js'
import type { MessageDraft, MessageRow } from '../../src/ports/store.js'
import type { StoreFixture } from './store.contract.js'
import { now, uid, describeOnStore } from './store-suite.js'

export function messageOpsRedeliveryContract(driver: string, open: () => Promise<StoreFixture>): void {
  describeOnStore(`store contract, operations out of order and redelivered: ${driver}`, open, (store) => {
    const row = (conversationId: string, seq: number, over: Partial<MessageDraft> = {}): MessageRow => ({
      messageId: uid('m'),
      conversationId,
      senderId: 'ann',
      content: 'hello',
      sentAt: now + seq,
      status: 'normal',
      idempotencyKey: uid('k'),
      ...textDefaults,
      ...over,
      seq,
    })

    it('counts every edit once whatever the order, and a redelivered one not again; the newest text wins', async () => {
      const c = uid('g')
      await store.createConversation(
        { conversationId: c, kind: 'group', name: 'G', announcement: '', createdAt: now },
        [{ conversationId: c, userId: 'ann', role: 'admin', joinedAt: now }],
        [],
      )
      const target = row(c, 1)
      await store.insertMessages([target])
      const edits = [4, 2, 3].map((seq) =>
        row(c, seq, { kind: 'edit', targetId: target.messageId, content: `e${seq}` }),
      )
      expect(await store.insertMessages([edits[0]!])).toHaveLength(1)
      expect(await store.insertMessages(edits.slice(1))).toHaveLength(2)
      const edited = { content: 'e4', editCount: 3, editSeq: 4, editedAt: now + 4 }
      expect(await store.getMessage(c, target.messageId)).toMatchObject(edited)
      // the whole batch again (a redelivery), then one record under another seq (same id and idempotency key)
      expect(await store.insertMessages(edits)).toEqual([])
      expect(await store.insertMessages([{ ...edits[1]!, seq: 9 }])).toEqual([])
      expect(await store.getMessage(c, target.messageId)).toMatchObject(edited)
      expect(await store.maxSeq(c)).toBe(4)
    })
  })
}
