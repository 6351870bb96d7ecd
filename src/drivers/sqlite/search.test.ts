// The SQLite search index on a database that held messages before migration 009: reopening the file applies it
// and indexes every message already there, over several batches, and searches then find them.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, expect, it } from 'vitest'
import { textDefaults } from '../../domain/message.js'
import { queryTerms } from '../../domain/search.js'
import { SEARCH_BACKFILL_BATCH } from '../sql/search.js'
import { SqliteStore } from './store.js'

const dir = mkdtempSync(join(tmpdir(), 'gochat-search-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

it('009 indexes the messages a live database already holds, in batches, when the file is opened', async () => {
  const path = join(dir, 'gochat.db')
  const members = [{ conversationId: 'g1', userId: 'ann', role: 'admin' as const, joinedAt: 1 }]
  const store = new SqliteStore(path)
  await store.createConversation(
    { conversationId: 'g1', kind: 'group', name: 'G', announcement: '', createdAt: 1 },
    members,
    [],
  )
  await store.close()
  // the database as 008 left it, with more messages than one batch, written without any index
  const db = new Database(path)
  db.exec('DROP TABLE message_search; DROP TABLE message_search_rows; DROP TABLE search_backfill')
  db.prepare('DELETE FROM schema_migrations WHERE version = 9').run()
  const insert = db.prepare(
    "INSERT INTO messages (conversation_id, seq, message_id, sender_id, content, sent_at, status, kind) VALUES ('g1', ?, ?, 'ann', ?, ?, ?, ?)",
  )
  const n = SEARCH_BACKFILL_BATCH * 2 + 17
  db.transaction(() => {
    for (let seq = 1; seq <= n; seq++) {
      const content = seq === n ? '最後の消息 kafka' : seq === 5 ? 'recalled kafka' : `filler ${seq}`
      insert.run(seq, `m${seq}`, content, seq, seq === 5 ? 'recalled' : 'normal', textDefaults.kind)
    }
  })()
  db.close()

  const reopened = new SqliteStore(path)
  try {
    const found = await reopened.searchMessages({ userId: 'ann', terms: queryTerms('kafka'), limit: 10 })
    expect(found.map((m) => m.seq)).toEqual([n])
    expect(await reopened.searchMessages({ userId: 'ann', terms: queryTerms('消息'), limit: 10 })).toHaveLength(1)
    const fillers = await reopened.searchMessages({ userId: 'ann', terms: queryTerms('filler'), limit: 5000 })
    expect(fillers).toHaveLength(n - 2)
    // new messages are indexed as they are stored
    await reopened.storeMessage(
      {
        ...textDefaults,
        messageId: 'm-new',
        conversationId: 'g1',
        senderId: 'ann',
        content: 'fresh kafka',
        sentAt: n + 1,
        status: 'normal',
        idempotencyKey: '',
      },
      { outbox: () => [] },
    )
    expect(
      (await reopened.searchMessages({ userId: 'ann', terms: queryTerms('kafka'), limit: 10 })).map((m) => m.content),
    ).toEqual(['fresh kafka', '最後の消息 kafka'])
  } finally {
    await reopened.close()
  }
})
