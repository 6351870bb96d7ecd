// The store contract against the SQLite driver, on a database file in a temporary directory; plus what only a
// file-backed store can show: the data outlives the process's handle, and a second handle on the file is refused.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { storeContract } from '../../../test/contract/store.contract.js'
import { messageOpsContract } from '../../../test/contract/message-ops.contract.js'
import { messageOpsRedeliveryContract } from '../../../test/contract/message-ops-redelivery.contract.js'
import { moderationContract } from '../../../test/contract/moderation.contract.js'
import { messageAttachmentsContract } from '../../../test/contract/message-attachments.contract.js'
import { messageSearchContract } from '../../../test/contract/message-search.contract.js'
import { attachmentLifecycleContract } from '../../../test/contract/attachment-lifecycle.contract.js'
import { messageOrderContract } from '../../../test/contract/message-order.contract.js'
import { erasureContract } from '../../../test/contract/erasure.contract.js'
import { operationStateContract } from '../../../test/contract/operation-state.contract.js'
import { retentionContract } from '../../../test/contract/retention.contract.js'
import { retentionSearchIndexContract } from '../../../test/contract/retention-search-index.contract.js'
import Database from 'better-sqlite3'
import { SqliteStore } from './store.js'
import { textDefaults } from '../../domain/message.js'

/** a store on a file of its own, removed after */
async function sqliteFixture() {
  const dir = mkdtempSync(join(tmpdir(), 'gochat-sqlite-'))
  const store = new SqliteStore(join(dir, 'gochat.db'))
  return {
    store,
    cleanup: async () => {
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
storeContract('sqlite', sqliteFixture)
messageOpsContract('sqlite', sqliteFixture)
messageOpsRedeliveryContract('sqlite', sqliteFixture)
messageAttachmentsContract('sqlite', sqliteFixture)
moderationContract('sqlite', sqliteFixture)
messageSearchContract('sqlite', sqliteFixture)
attachmentLifecycleContract('sqlite', sqliteFixture)
messageOrderContract('sqlite', sqliteFixture)
retentionContract('sqlite', sqliteFixture)
// the index's entries, read from the store's own handle (the file admits one)
retentionSearchIndexContract('sqlite', sqliteFixture, async (store, conversationId) => {
  const { db } = store as unknown as { db: Database.Database }
  const row = db.prepare('SELECT COUNT(*) AS n FROM message_search_rows WHERE conversation_id = ?').get(conversationId)
  return (row as { n: number }).n
})
erasureContract('sqlite', sqliteFixture)
operationStateContract('sqlite', sqliteFixture)

describe('sqlite store: the file', () => {
  it('keeps rows, seqs and pending outbox rows across a reopen; one handle at a time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gochat-sqlite-'))
    const file = join(dir, 'gochat.db')
    try {
      const first = new SqliteStore(file)
      expect(() => new SqliteStore(file, { busyTimeoutMs: 50 })).toThrow(/in use by another process/)
      await first.createConversation(
        { conversationId: 'c1', kind: 'group', name: 'G', announcement: '', createdAt: 1 },
        [{ conversationId: 'c1', userId: 'a', role: 'admin', joinedAt: 1 }],
        [],
      )
      const hooks = {
        outbox: () => [{ topic: 't', key: 'c1', value: Buffer.from('x'), headers: {} }],
      }
      for (let i = 0; i < 3; i++)
        await first.storeMessage(
          {
            messageId: `m${i}`,
            conversationId: 'c1',
            senderId: 'a',
            content: `hi ${i}`,
            sentAt: 1,
            status: 'normal',
            idempotencyKey: `k${i}`,
            ...textDefaults,
          },
          hooks,
        )
      await first.setReadSeq('c1', 'a', 2, [])
      await first.close()

      const again = new SqliteStore(file)
      expect((await again.listMessages('c1', 0, 10)).map((m) => [m.seq, m.content])).toEqual([
        [1, 'hi 0'],
        [2, 'hi 1'],
        [3, 'hi 2'],
      ])
      expect((await again.listUserConversations('a'))[0]).toMatchObject({
        readSeq: 2,
        conversation: { lastSeq: 3, memberCount: 1 },
      })
      expect(
        (
          await again.storeMessage(
            {
              messageId: 'dup',
              conversationId: 'c1',
              senderId: 'a',
              content: 'again',
              sentAt: 1,
              status: 'normal',
              idempotencyKey: 'k1',
              ...textDefaults,
            },
            hooks,
          )
        ).duplicate,
      ).toBe(true)
      const lease = (await again.acquireOutboxLease())!
      expect((await lease.pending(10)).length).toBe(3)
      await lease.release()
      await again.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('deletes rows published over 10 minutes ago as the relay marks more, without waiting for its hourly purge', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gochat-sqlite-'))
    let clock = Date.now()
    const now = vi.spyOn(Date, 'now').mockImplementation(() => clock)
    try {
      const store = new SqliteStore(join(dir, 'gochat.db'))
      const lease = (await store.acquireOutboxLease())!
      const publishOne = async () => {
        await store.appendOutbox([{ topic: 't', key: null, value: Buffer.from('x'), headers: {} }])
        await lease.markPublished((await lease.pending(10)).map((r) => r.id))
      }
      await publishOne()
      await publishOne()
      clock += 11 * 60_000
      await publishOne() // deletes the first two
      clock += 1
      expect(await lease.purgePublished(0)).toBe(1)
      await lease.release()
      await store.close()
    } finally {
      now.mockRestore()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('sqlite store: usernames from before the normalized column', () => {
  it('migrates a file holding look-alike usernames: keeps every row, reports the collisions, finds each at login', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gochat-sqlite-'))
    const file = join(dir, 'gochat.db')
    try {
      await new SqliteStore(file).close()
      // back to the schema before migration 004, with names that differ only in case or width
      const db = new Database(file)
      db.exec(`DROP INDEX uq_users_username_norm;
        ALTER TABLE users DROP COLUMN username_norm;
        ALTER TABLE users DROP COLUMN discoverable;
        DELETE FROM schema_migrations WHERE version = 4;`)
      const insert = db.prepare(
        "INSERT INTO users (user_id, username, display_name, guest, password_hash, created_at) VALUES (?, ?, 'n', 0, '', ?)",
      )
      for (const [id, name, at] of [
        ['u_a1', 'Alice', 1],
        ['u_a2', 'alice', 2],
        ['u_b1', 'bob', 1],
        ['u_b2', 'ｂｏｂ', 3],
      ] as const)
        insert.run(id, name, at)
      db.close()

      const store = new SqliteStore(file)
      try {
        expect(store.usernameCollisions).toEqual([
          { userId: 'u_a2', username: 'alice', normalized: 'alice', heldBy: 'u_a1' },
          { userId: 'u_b2', username: 'ｂｏｂ', normalized: 'bob', heldBy: 'u_b1' },
        ])
        expect((await store.getUser({ username: 'alice' }))?.userId).toBe('u_a2')
        expect((await store.getUser({ username: 'ALICE' }))?.userId).toBe('u_a1')
        expect((await store.getUser({ username: 'ｂｏｂ' }))?.userId).toBe('u_b2')
        expect((await store.getUser({ username: 'Bob' }))?.userId).toBe('u_b1')
      } finally {
        await store.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('sqlite store: a data directory from before group invitations', () => {
  it('applies migration 005 to a file at 004 that holds a group, keeping its members', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gochat-sqlite-'))
    const file = join(dir, 'gochat.db')
    try {
      await new SqliteStore(file).close()
      const db = new Database(file)
      db.exec(`DROP TABLE group_invitations;
        DELETE FROM schema_migrations WHERE version = 5;
        INSERT INTO conversations (conversation_id, kind, name, announcement, member_count, created_at)
          VALUES ('g_old', 'group', 'Old', '', 1, 1);
        INSERT INTO members (conversation_id, user_id, role, joined_at) VALUES ('g_old', 'u_admin', 'admin', 1);`)
      db.close()

      const store = new SqliteStore(file)
      try {
        const invitation = { conversationId: 'g_old', inviteeId: 'u_new', inviterId: 'u_admin', createdAt: 2 }
        expect(await store.invitations.invite('g_old', [invitation], () => [])).toEqual(['u_new'])
        expect(await store.invitations.acceptInvitation('g_old', 'u_new', 3, [])).toBe(true)
        expect((await store.listMembers('g_old', '', 10)).map((m) => [m.userId, m.role])).toEqual([
          ['u_admin', 'admin'],
          ['u_new', 'member'],
        ])
      } finally {
        await store.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
