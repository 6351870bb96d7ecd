// `gochat db migrate` through the real CLI (bin/run.js) against MariaDB/MySQL, in a database of its own.
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import mysql from 'mysql2/promise'
import { afterAll, describe, expect, it } from 'vitest'
import { connectionOptions, migrate } from '../../src/drivers/mysql/migrate.js'
import { MysqlStore } from '../../src/drivers/mysql/store.js'
import { textDefaults } from '../../src/domain/message.js'
import type { MessageDraft } from '../../src/ports/store.js'
import { infraAvailable, MYSQL } from '../helpers/infra.js'
import { testDatabase } from '../helpers/mysql.js'

const root = fileURLToPath(new URL('../..', import.meta.url))

function gochat(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/run.js', ...args],
      { cwd: root, env: { ...process.env, GOCHAT_LOG_LEVEL: 'warn', ...env }, timeout: 30_000 },
      (err, stdout, stderr) => {
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr })
      },
    )
  })
}

describe.skipIf(!(await infraAvailable('mysql')))(`gochat db migrate (${MYSQL})`, () => {
  const db = testDatabase('cli')
  afterAll(() => db.drop())

  it('creates the database, applies the migrations once, and reports them as JSON or a table', async () => {
    const first = await gochat(['db', 'migrate', '--mysql', db.url, '--json'])
    expect(first.code, first.stderr).toBe(0)
    const applied = JSON.parse(first.stdout)
    const files = [
      { version: 1, name: 'initial' },
      { version: 2, name: 'seq_reserved' },
      { version: 3, name: 'idempotency_per_conversation' },
      { version: 4, name: 'user_search' },
      { version: 5, name: 'revoked_tokens' },
      { version: 6, name: 'guest_expiry' },
      { version: 7, name: 'username_norm' },
      { version: 8, name: 'group_invitations' },
      { version: 9, name: 'message_operations' },
      { version: 10, name: 'attachments' },
      { version: 11, name: 'message_attachments' },
      { version: 12, name: 'message_search' },
      { version: 13, name: 'moderation' },
      { version: 14, name: 'retention' },
      { version: 15, name: 'attachment_thumbnails' },
      { version: 16, name: 'operation_state' },
    ]
    expect(applied).toMatchObject({ database: db.name, applied: files, all: files, collisions: [] })

    const again = await gochat(['db', 'migrate'], { GOCHAT_MYSQL_URL: db.url })
    expect(again.code, again.stderr).toBe(0)
    expect(again.stdout).toMatch(/001\s*│\s*initial/)
    // every column has a header
    expect(again.stdout).toMatch(/│ version\s*│ name\s*│ applied at\s*│ this run\s*│/)
    expect(again.stdout).toContain(`${db.name}: up to date`)

    const conn = await mysql.createConnection(connectionOptions(db.url))
    const [tables] = await conn.query<mysql.RowDataPacket[]>('SHOW TABLES')
    await conn.end()
    expect(tables.map((t) => Object.values(t)[0]).sort()).toEqual([
      'attachment_owners',
      'attachments',
      'conversation_mutes',
      'conversations',
      'friend_requests',
      'group_bans',
      'group_invitations',
      'member_mutes',
      'members',
      'message_search',
      'messages',
      'outbox',
      'read_cursors',
      'revoked_tokens',
      'schema_migrations',
      'search_backfill',
      'user_blocks',
      'users',
    ])
  })

  it('008 applies to a live database at 007 that holds groups: invitations work, members are kept', async () => {
    const old = testDatabase('mig8')
    try {
      await migrate(old.url)
      const conn = await mysql.createConnection(connectionOptions(old.url))
      await conn.query('DROP TABLE group_invitations')
      await conn.query('DELETE FROM schema_migrations WHERE version = 8')
      await conn.query(
        "INSERT INTO conversations (conversation_id, kind, name, announcement, member_count, created_at) VALUES ('g_old', 'group', 'Old', '', 1, 1)",
      )
      await conn.query(
        "INSERT INTO members (conversation_id, user_id, role, joined_at) VALUES ('g_old', 'u_admin', 'admin', 1)",
      )
      await conn.end()
      // `gochat db migrate` applies 008 alone (a repo store applies it the same way when it starts)
      const run = await gochat(['db', 'migrate', '--mysql', old.url, '--json'])
      expect(run.code, run.stderr).toBe(0)
      expect(JSON.parse(run.stdout).applied).toMatchObject([{ version: 8, name: 'group_invitations' }])
      const store = new MysqlStore(old.url)
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
      await old.drop()
    }
  })

  it('009 applies to a live database at 008 that holds messages: they read as text, and can be edited and pinned', async () => {
    const old = testDatabase('mig9')
    try {
      await migrate(old.url)
      const conn = await mysql.createConnection(connectionOptions(old.url))
      // back to the schema of 008 (what 009 added; 016 moved its state columns to op_state)
      await conn.query('DROP INDEX ix_messages_pinned ON messages')
      await conn.query(
        'ALTER TABLE messages DROP COLUMN kind, DROP COLUMN target_id, DROP COLUMN reply_to, DROP COLUMN mentions, DROP COLUMN pinned_at, DROP COLUMN op_state',
      )
      await conn.query('DELETE FROM schema_migrations WHERE version IN (9, 16)')
      await conn.query(
        "INSERT INTO conversations (conversation_id, kind, name, announcement, member_count, created_at) VALUES ('d_old', 'direct', '', '', 2, 1)",
      )
      await conn.query(
        "INSERT INTO members (conversation_id, user_id, role, joined_at) VALUES ('d_old', 'u_a', 'member', 1), ('d_old', 'u_b', 'member', 1)",
      )
      await conn.query(
        "INSERT INTO messages (conversation_id, seq, message_id, sender_id, content, sent_at, status, idempotency_key) VALUES ('d_old', 1, 'm_old', 'u_a', 'before 009', 1, 'normal', 'k1')",
      )
      await conn.end()
      const run = await gochat(['db', 'migrate', '--mysql', old.url, '--json'])
      expect(run.code, run.stderr).toBe(0)
      expect(JSON.parse(run.stdout).applied).toMatchObject([
        { version: 9, name: 'message_operations' },
        { version: 16, name: 'operation_state' },
      ])
      const store = new MysqlStore(old.url)
      try {
        expect(await store.getMessage('d_old', 'm_old')).toMatchObject({
          kind: 'text',
          content: 'before 009',
          editCount: 0,
        })
        const draft = (over: Partial<MessageDraft>): MessageDraft => ({
          messageId: `m_${over.kind}`,
          conversationId: 'd_old',
          senderId: 'u_a',
          content: '',
          sentAt: 5,
          status: 'normal',
          idempotencyKey: `k_${over.kind}`,
          ...textDefaults,
          ...over,
        })
        const hooks = { outbox: () => [] }
        await store.storeMessage(draft({ kind: 'edit', targetId: 'm_old', content: 'after 009' }), hooks)
        await store.storeMessage(draft({ kind: 'pin', targetId: 'm_old', senderId: 'u_b' }), hooks)
        expect(await store.getMessage('d_old', 'm_old')).toMatchObject({
          content: 'after 009',
          editCount: 1,
          editSeq: 2,
        })
        expect((await store.listPins('d_old', 10)).map((m) => m.messageId)).toEqual(['m_old'])
      } finally {
        await store.close()
      }
    } finally {
      await old.drop()
    }
  })

  it('003 applies on a database at 002 that holds messages: same key, other conversation, now allowed', async () => {
    const old = testDatabase('mig3')
    try {
      await migrate(old.url)
      // back to the schema of 002, with a message keyed per sender
      const conn = await mysql.createConnection(connectionOptions(old.url))
      await conn.query(
        'ALTER TABLE messages DROP INDEX uq_messages_conv_sender_key, ADD UNIQUE KEY uq_messages_sender_key (sender_id, idempotency_key)',
      )
      await conn.query('DELETE FROM schema_migrations WHERE version = 3')
      const row = "(?, ?, ?, 'alice', 'hi', 0, 'normal', 'k')"
      await conn.query(
        `INSERT INTO messages (conversation_id, seq, message_id, sender_id, content, sent_at, status, idempotency_key) VALUES ${row}`,
        ['c1', 1, 'm1'],
      )
      await expect(
        conn.query(
          `INSERT INTO messages (conversation_id, seq, message_id, sender_id, content, sent_at, status, idempotency_key) VALUES ${row}`,
          ['c2', 1, 'm2'],
        ),
      ).rejects.toThrow(/Duplicate/)
      const res = await migrate(old.url)
      expect(res.applied).toMatchObject([{ version: 3, name: 'idempotency_per_conversation' }])
      await conn.query(
        `INSERT INTO messages (conversation_id, seq, message_id, sender_id, content, sent_at, status, idempotency_key) VALUES ${row}`,
        ['c2', 1, 'm2'],
      )
      await expect(
        conn.query(
          `INSERT INTO messages (conversation_id, seq, message_id, sender_id, content, sent_at, status, idempotency_key) VALUES ${row}`,
          ['c2', 2, 'm3'],
        ),
      ).rejects.toThrow(/uq_messages_conv_sender_key/)
      const [rows] = await conn.query<mysql.RowDataPacket[]>('SELECT message_id FROM messages ORDER BY message_id')
      expect(rows.map((r) => r.message_id)).toEqual(['m1', 'm2'])
      await conn.end()
    } finally {
      await old.drop()
    }
  })

  it('007 applies on a database holding look-alike usernames: keeps them all, reports the collisions, login finds each', async () => {
    const old = testDatabase('mig5')
    try {
      await migrate(old.url)
      // back to the schema of 006, with usernames that differ only in case or width
      const conn = await mysql.createConnection(connectionOptions(old.url))
      await conn.query(
        'ALTER TABLE users DROP INDEX uq_users_username_norm, DROP COLUMN username_norm, DROP COLUMN discoverable',
      )
      await conn.query('DELETE FROM schema_migrations WHERE version = 7')
      const users = [
        ['u_alice1', 'Alice', 1],
        ['u_alice2', 'alice', 2],
        ['u_alice3', 'ALICE', 3],
        ['u_bob1', 'bob', 1],
        ['u_bob2', 'ｂｏｂ', 5], // full-width: NFKC folds it to "bob"
        ['u_carol', 'carol', 1],
      ]
      await conn.query(
        'INSERT INTO users (user_id, username, display_name, guest, password_hash, created_at) VALUES ?',
        [users.map(([id, name, at]) => [id, name, name, 0, 'scrypt$x', at])],
      )
      await conn.query(
        "INSERT INTO users (user_id, username, display_name, guest, password_hash, created_at) VALUES ('u_guest', NULL, 'g', 1, '', 1)",
      )

      const run = await gochat(['db', 'migrate', '--mysql', old.url, '--json'])
      expect(run.code, run.stderr).toBe(0)
      const res = JSON.parse(run.stdout)
      expect(res.applied).toMatchObject([{ version: 7, name: 'username_norm' }])
      // the oldest keeps the name; the others are reported, and changed in nothing
      expect(res.collisions).toEqual([
        { userId: 'u_alice2', username: 'alice', normalized: 'alice', heldBy: 'u_alice1' },
        { userId: 'u_alice3', username: 'ALICE', normalized: 'alice', heldBy: 'u_alice1' },
        { userId: 'u_bob2', username: 'ｂｏｂ', normalized: 'bob', heldBy: 'u_bob1' },
      ])
      const [rows] = await conn.query<mysql.RowDataPacket[]>(
        'SELECT user_id, username, username_norm FROM users ORDER BY user_id',
      )
      expect(rows.map((r) => [r.user_id, r.username, r.username_norm])).toEqual([
        ['u_alice1', 'Alice', 'alice'],
        ['u_alice2', 'alice', null],
        ['u_alice3', 'ALICE', null],
        ['u_bob1', 'bob', 'bob'],
        ['u_bob2', 'ｂｏｂ', null],
        ['u_carol', 'carol', 'carol'],
        ['u_guest', null, null],
      ])

      // every run lists them until an operator acts: the table too
      const again = await gochat(['db', 'migrate', '--mysql', old.url])
      expect(again.code, again.stderr).toBe(0)
      expect(again.stdout).toContain('3 username(s) normalize')
      expect(again.stdout).toMatch(/u_bob2\s*│\s*ｂｏｂ\s*│\s*bob\s*│\s*u_bob1/)

      // login's lookup: each account by its exact name, the holder by any other form; no new look-alike
      const store = new MysqlStore(old.url)
      try {
        expect((await store.getUser({ username: 'alice' }))?.userId).toBe('u_alice2')
        expect((await store.getUser({ username: 'ALICE' }))?.userId).toBe('u_alice3')
        expect((await store.getUser({ username: 'aLiCe' }))?.userId).toBe('u_alice1')
        expect((await store.getUser({ username: 'BOB' }))?.userId).toBe('u_bob1')
        await expect(
          store.insertUsers(
            [
              {
                userId: 'u_new',
                username: 'Carol',
                displayName: 'c',
                guest: false,
                passwordHash: '',
                createdAt: 9,
                discoverable: false,
              },
            ],
            [],
          ),
        ).rejects.toMatchObject({ code: 'username_taken' })
      } finally {
        await store.close()
      }
      await conn.end()
    } finally {
      await old.drop()
    }
  })

  it('refuses to run without a database (exit 2) and names an unreachable server (exit 3)', async () => {
    const none = await gochat(['db', 'migrate'], { GOCHAT_MYSQL_URL: '' })
    expect(none.code).toBe(2)
    expect(none.stderr).toContain('--mysql')
    const noName = await gochat(['db', 'migrate', '--mysql', 'mysql://root@127.0.0.1:3306'])
    expect(noName.code).toBe(2)
    const down = await gochat(['db', 'migrate', '--mysql', 'mysql://root@127.0.0.1:1/gochat'])
    expect(down.code).toBe(3)
    expect(down.stderr).toContain('cannot reach MySQL')
  })
})
