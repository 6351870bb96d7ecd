// Migrations MySQL 016 / SQLite 013 move the state operations give a message (edits, reactions, pin) from a column
// per field to one JSON column: a live database at the migration before keeps every message's state, its pins
// list as before, and takes further operations.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import mysql from 'mysql2/promise'
import { describe, expect, it } from 'vitest'
import { textDefaults } from '../../src/domain/message.js'
import { connectionOptions, migrate } from '../../src/drivers/mysql/migrate.js'
import { MysqlStore } from '../../src/drivers/mysql/store.js'
import { SqliteStore } from '../../src/drivers/sqlite/store.js'
import type { MessageDraft, Store } from '../../src/ports/store.js'
import { infraAvailable } from '../helpers/infra.js'
import { testDatabase } from '../helpers/mysql.js'

const reactions = JSON.stringify([{ emoji: '👍', userIds: ['u_b'] }])
/** d_old: m_edited (edited, 👍 by u_b, pinned) and m_plain, as the former columns kept them */
const OLD_ROWS = [
  "INSERT INTO conversations (conversation_id, kind, name, announcement, member_count, created_at) VALUES ('d_old', 'direct', '', '', 2, 1)",
  "INSERT INTO members (conversation_id, user_id, role, joined_at) VALUES ('d_old', 'u_a', 'member', 1), ('d_old', 'u_b', 'member', 1)",
  `INSERT INTO messages (conversation_id, seq, message_id, sender_id, content, sent_at, status, idempotency_key, kind,
     edited_at, edit_count, edit_seq, reactions, pinned_at)
   VALUES ('d_old', 1, 'm_edited', 'u_a', 'second text', 1, 'normal', 'k1', 'text', 5, 2, 4, '${reactions}', 7),
          ('d_old', 2, 'm_plain', 'u_b', 'plain', 2, 'normal', 'k2', 'text', 0, 0, 0, NULL, 0)`,
]

async function keepsStateAndTakesOperations(store: Store): Promise<void> {
  expect(await store.getMessage('d_old', 'm_edited')).toMatchObject({
    content: 'second text',
    editedAt: 5,
    editCount: 2,
    editSeq: 4,
    reactions: [{ emoji: '👍', userIds: ['u_b'] }],
    pinnedAt: 7,
  })
  expect(await store.getMessage('d_old', 'm_plain')).toMatchObject({
    editedAt: 0,
    editCount: 0,
    editSeq: 0,
    reactions: [],
    pinnedAt: 0,
  })
  expect((await store.listPins('d_old', 10)).map((m) => m.messageId)).toEqual(['m_edited'])

  const draft = (over: Partial<MessageDraft>): MessageDraft => ({
    messageId: `m_${over.kind}`,
    conversationId: 'd_old',
    senderId: 'u_a',
    content: '',
    sentAt: 9,
    status: 'normal',
    idempotencyKey: `k_${over.kind}`,
    ...textDefaults,
    ...over,
  })
  const hooks = { outbox: () => [] }
  await store.storeMessage(draft({ kind: 'unpin', targetId: 'm_edited' }), hooks)
  await store.storeMessage(draft({ kind: 'pin', targetId: 'm_plain' }), hooks)
  await store.storeMessage(draft({ kind: 'reaction', targetId: 'm_edited', content: '🎉' }), hooks)
  expect(await store.getMessage('d_old', 'm_edited')).toMatchObject({
    editCount: 2,
    pinnedAt: 0,
    reactions: [
      { emoji: '👍', userIds: ['u_b'] },
      { emoji: '🎉', userIds: ['u_a'] },
    ],
  })
  expect((await store.listPins('d_old', 10)).map((m) => m.messageId)).toEqual(['m_plain'])
}

describe('sqlite migration 013: operation state in one column', () => {
  it('applies to a file at 012 holding edited, reacted and pinned messages: each keeps its state', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gochat-sqlite-'))
    const file = join(dir, 'gochat.db')
    try {
      await new SqliteStore(file).close()
      // back to the schema of 012: a column per field of the state
      const db = new Database(file)
      db.exec(`DROP INDEX ix_messages_pinned;
        ALTER TABLE messages DROP COLUMN pinned_at;
        ALTER TABLE messages DROP COLUMN op_state;
        ALTER TABLE messages ADD COLUMN edited_at INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE messages ADD COLUMN edit_count INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE messages ADD COLUMN edit_seq INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE messages ADD COLUMN reactions TEXT NULL;
        ALTER TABLE messages ADD COLUMN pinned_at INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX ix_messages_pinned ON messages (conversation_id, pinned_at);
        DELETE FROM schema_migrations WHERE version = 13;`)
      for (const sql of OLD_ROWS) db.exec(sql)
      db.close()

      const store = new SqliteStore(file)
      try {
        await keepsStateAndTakesOperations(store)
      } finally {
        await store.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe.skipIf(!(await infraAvailable('mysql')))('mysql migration 016: operation state in one column', () => {
  it('applies to a live database at 015 holding edited, reacted and pinned messages: each keeps its state', async () => {
    const old = testDatabase('mig16')
    try {
      await migrate(old.url)
      const conn = await mysql.createConnection(connectionOptions(old.url))
      // back to the schema of 015: a column per field of the state
      await conn.query('DROP INDEX ix_messages_pinned ON messages')
      await conn.query('ALTER TABLE messages DROP COLUMN pinned_at, DROP COLUMN op_state')
      await conn.query(`ALTER TABLE messages
        ADD COLUMN edited_at  BIGINT NOT NULL DEFAULT 0,
        ADD COLUMN edit_count INT    NOT NULL DEFAULT 0,
        ADD COLUMN edit_seq   BIGINT NOT NULL DEFAULT 0,
        ADD COLUMN reactions  TEXT   NULL,
        ADD COLUMN pinned_at  BIGINT NOT NULL DEFAULT 0`)
      await conn.query('CREATE INDEX ix_messages_pinned ON messages (conversation_id, pinned_at)')
      await conn.query('DELETE FROM schema_migrations WHERE version = 16')
      for (const sql of OLD_ROWS) await conn.query(sql)
      await conn.end()

      expect((await migrate(old.url)).applied).toMatchObject([{ version: 16, name: 'operation_state' }])
      const store = new MysqlStore(old.url)
      try {
        await keepsStateAndTakesOperations(store)
      } finally {
        await store.close()
      }
    } finally {
      await old.drop()
    }
  })
})
