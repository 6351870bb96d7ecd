// The store port's contract for the order of one conversation's messages: storeMessage calls made in order (as
// repo makes them for one StoreMessages call) get seqs in that order, however the store groups them (MySQL's group
// commit runs two transactions at once, each of at most 200 messages). Run by the memory, SQLite and MariaDB suites.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { textDefaults } from '../../src/domain/message.js'
import type { MessageDraft, Store, StoreMessageHooks } from '../../src/ports/store.js'
import type { StoreFixture } from './store.contract.js'

const uid = (prefix = 'x') => `${prefix}-${randomUUID().slice(0, 12)}`
const now = Date.now()
const hooks: StoreMessageHooks = {
  outbox: (m) => [{ topic: 'order-contract', key: m.conversationId, value: Buffer.from(String(m.seq)), headers: {} }],
}

export function messageOrderContract(driver: string, open: () => Promise<StoreFixture>): void {
  describe(`store contract, message order: ${driver}`, () => {
    let fx: StoreFixture
    let store: Store
    beforeAll(async () => {
      fx = await open()
      store = fx.store
    })
    afterAll(async () => {
      await fx?.cleanup()
    })

    async function conversation(): Promise<string> {
      const conversationId = uid('g')
      await store.createConversation(
        { conversationId, kind: 'group', name: 'G', announcement: '', createdAt: now },
        ['ann', 'bob'].map((userId) => ({ conversationId, userId, role: 'member', joinedAt: now })),
        [],
      )
      return conversationId
    }
    const draft = (conversationId: string, content: string): MessageDraft => ({
      messageId: uid('m'),
      conversationId,
      senderId: 'ann',
      content,
      sentAt: now,
      status: 'normal',
      idempotencyKey: uid('k'),
      ...textDefaults,
    })

    it('stores calls made in order in that order: 3 rounds of 450 messages over two conversations', async () => {
      const [a, b] = [await conversation(), await conversation()]
      for (let round = 0; round < 3; round++) {
        // more than one group-commit batch a round, two conversations interleaved in each
        const sends = Array.from({ length: 450 }, (_, i) => {
          const c = i % 3 === 0 ? b : a
          return store.storeMessage(draft(c, `${round}:${i}`), hooks).then((s) => s.message)
        })
        const stored = await Promise.all(sends)
        for (const c of [a, b]) {
          const seqs = stored.filter((m) => m.conversationId === c).map((m) => m.seq)
          expect(seqs).toEqual([...seqs].sort((x, y) => x - y))
        }
      }
      const history = await store.listMessages(a, 0, 1000)
      expect(history.map((m) => m.seq)).toEqual(Array.from({ length: 900 }, (_, i) => i + 1))
      // the contents in history follow the calls: round by round, call by call
      const order = (m: { content: string }) => m.content.split(':').map(Number) as [number, number]
      const calls = history.map(order)
      expect(calls).toEqual([...calls].sort((x, y) => x[0] - y[0] || x[1] - y[1]))
    })
  })
}
