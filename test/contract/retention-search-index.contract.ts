// The store port's contract for the retention sweep and the history search index: a record the sweep turns into
// a tombstone leaves the index with it (searches skip tombstones either way, so only the index itself tells: each
// SQL driver's suite passes `indexed`, the index entries of a conversation, read from its own tables; the in-memory
// store has no index: it searches its records). Run by the driver suites (memory, SQLite, MariaDB).
import { randomUUID } from 'node:crypto'
import { expect, it } from 'vitest'
import { textDefaults } from '../../src/domain/message.js'
import { queryTerms } from '../../src/domain/search.js'
import type { MessageDraft, Store } from '../../src/ports/store.js'
import type { StoreFixture } from './store.contract.js'
import { describeOnStore } from './store-suite.js'

const uid = (prefix = 'x') => `${prefix}-${randomUUID().slice(0, 12)}`
const now = Date.now()

/** how many index entries the store holds for the conversation */
export type IndexedCount = (store: Store, conversationId: string) => Promise<number>

export function retentionSearchIndexContract(
  driver: string,
  open: () => Promise<StoreFixture>,
  /** none for a driver without an index of its own */
  indexed?: IndexedCount,
): void {
  describeOnStore(`store contract, retention and the search index: ${driver}`, open, (store) => {
    const draft = (conversationId: string, content: string, sentAt: number): MessageDraft => ({
      messageId: uid('m'),
      conversationId,
      senderId: 'ann',
      content,
      sentAt,
      status: 'normal',
      idempotencyKey: uid('k'),
      ...textDefaults,
    })

    it('the sweep removes the index entries of the records it expires, and only those', async () => {
      const c = uid('g')
      await store.createConversation(
        { conversationId: c, kind: 'group', name: 'G', announcement: '', createdAt: now },
        [{ conversationId: c, userId: 'ann', role: 'admin', joinedAt: now }],
        [],
      )
      await store.retention.setRetention(c, { retentionDays: 0, ttlSeconds: 60 }, [])
      const hooks = { outbox: () => [] }
      await store.storeMessage(draft(c, 'zebra crossing', now - 120_000), hooks)
      await store.storeMessage(draft(c, 'zebra stripes', now - 90_000), hooks)
      await store.storeMessage(draft(c, 'zebra fresh', now - 1_000), hooks)
      const search = () =>
        store.searchMessages({ userId: 'ann', terms: queryTerms('zebra'), conversationId: c, limit: 10 })
      expect((await search()).map((m) => m.content)).toEqual(['zebra fresh', 'zebra stripes', 'zebra crossing'])
      if (indexed) expect(await indexed(store, c)).toBe(3)

      const expired = await store.retention.expireMessages({ nowMs: now, defaultRetentionDays: 0 }, 500)
      expect(expired.filter((e) => e.conversationId === c)).toHaveLength(2)
      expect((await search()).map((m) => m.content)).toEqual(['zebra fresh'])
      // the expired records' entries went with the sweep
      if (indexed) expect(await indexed(store, c)).toBe(1)
    })
  })
}
