import { expect, it } from 'vitest'
import type { StoreMessageHooks } from '../../src/ports/store.js'
import type { StoreFixture } from './store.contract.js'
import { createGroup, textDraft, describeOnStore } from './store-suite.js'

const hooks: StoreMessageHooks = {
  outbox: (m) => [{ topic: 'order-contract', key: m.conversationId, value: Buffer.from(String(m.seq)), headers: {} }],
}

export function messageOrderContract(driver: string, open: () => Promise<StoreFixture>): void {
  describeOnStore(`store contract, message order: ${driver}`, open, (store) => {
    const conversation = async () => (await createGroup(store, ['ann', 'bob'], () => 'member')).conversationId
    const draft = (conversationId: string, content: string) => textDraft(conversationId, { content })

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
