// MySQL's group commit runs two batches at once; one conversation's messages in both must commit in the order they
// were added, even when the earlier batch is held up before it has its locks (here: another transaction holds the
// lock of a conversation that sorts before, so the earlier batch waits on it while the later one could go ahead).
import mysql from 'mysql2/promise'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { textDefaults } from '../../src/domain/message.js'
import { MysqlStore } from '../../src/drivers/mysql/store.js'
import type { MessageDraft } from '../../src/ports/store.js'
import { infraAvailable } from '../helpers/infra.js'
import { testDatabase, type TestDatabase } from '../helpers/mysql.js'
import { sleep } from '../helpers/until.js'

describe.skipIf(!(await infraAvailable('mysql')))('mysql store: message order over concurrent batches', () => {
  let db: TestDatabase
  let store: MysqlStore
  beforeAll(async () => {
    db = testDatabase('order')
    store = new MysqlStore(db.url)
    await store.ping()
  })
  afterAll(async () => {
    await store?.close()
    await db?.drop()
  })

  const now = Date.now()
  const group = (conversationId: string) =>
    store.createConversation(
      { conversationId, kind: 'group', name: 'G', announcement: '', createdAt: now },
      [{ conversationId, userId: 'ann', role: 'member', joinedAt: now }],
      [],
    )
  const draft = (conversationId: string, n: number): MessageDraft => ({
    messageId: `m-${conversationId}-${n}`,
    conversationId,
    senderId: 'ann',
    content: String(n),
    sentAt: now,
    status: 'normal',
    idempotencyKey: `k${n}`,
    ...textDefaults,
  })
  const hooks = { outbox: () => [] }

  it('a later batch does not overtake an earlier one held up before its locks', async () => {
    const held = `a-${now}` // sorts before `b-…`: the first batch asks for its lock first
    const c = `b-${now}`
    await group(held)
    await group(c)
    const conn = await mysql.createConnection(db.url)
    try {
      await conn.query('BEGIN')
      await conn.query('SELECT conversation_id FROM conversations WHERE conversation_id = ? FOR UPDATE', [held])
      // 400 calls in one turn: the first batch (200) has the held conversation and 199 of c, the second 200 of c
      const stored = [store.storeMessage(draft(held, 0), hooks)]
      for (let n = 1; n < 400; n++) stored.push(store.storeMessage(draft(c, n), hooks))
      await sleep(1500) // long enough for the second batch to commit, were it let to
      await conn.query('COMMIT')
      const seqs = (await Promise.all(stored)).slice(1).map((s) => s.message.seq)
      expect(seqs).toEqual(Array.from({ length: 399 }, (_, i) => i + 1))
    } finally {
      await conn.end()
    }
  })
})
