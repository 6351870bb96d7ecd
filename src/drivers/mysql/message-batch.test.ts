// The MySQL group commit's seq allocation against another transaction on the same conversation, on MariaDB/MySQL
// in a database of its own: a seq taken meanwhile (async persistence's insertMessages takes no conversation lock),
// and a deadlock whose victim is the batch (run again by the store: its seqs were rolled back, none is spent).
import { textDefaults } from '../../domain/message.js'
import mysql from 'mysql2/promise'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MessageDraft, StoreMessageHooks } from '../../ports/store.js'
import { infraAvailable } from '../../../test/helpers/infra.js'
import { testDatabase, type TestDatabase } from '../../../test/helpers/mysql.js'
import { until } from '../../../test/helpers/until.js'
import { MSG_COLS, messageValues } from '../sql/rows.js'
import { MysqlStore } from './store.js'

const hooks: StoreMessageHooks = {
  outbox: (m) => [{ topic: 't', key: m.conversationId, value: Buffer.from('x'), headers: {} }],
}
let n = 0
const draft = (conversationId: string): MessageDraft => ({
  messageId: `m${++n}`,
  conversationId,
  senderId: 'ann',
  content: 'hi',
  sentAt: 1,
  status: 'normal',
  idempotencyKey: '',
  ...textDefaults,
})

describe.skipIf(!(await infraAvailable('mysql')))('mysql group commit: seqs against other transactions', () => {
  let db: TestDatabase
  let store: MysqlStore
  let other: mysql.Connection
  beforeAll(async () => {
    db = testDatabase('batch')
    store = new MysqlStore(db.url)
    await store.ping()
    other = await mysql.createConnection(db.url)
  })
  afterAll(async () => {
    await other?.end()
    await store?.close()
    await db?.drop()
  })

  async function conversation(): Promise<string> {
    const id = `g${++n}`
    await store.createConversation(
      { conversationId: id, kind: 'group', name: 'G', announcement: '', createdAt: 1 },
      [],
      [],
    )
    return id
  }
  /** other's uncommitted rows: seq 1 of `id` (what the store's MAX(seq) cannot see yet), and `more` of `elsewhere` */
  async function insertUncommitted(id: string, elsewhere?: string, more = 0): Promise<void> {
    await other.beginTransaction()
    const rows = [
      { ...draft(id), seq: 1 },
      ...Array.from({ length: more }, (_, i) => ({ ...draft(elsewhere!), seq: i + 1 })),
    ]
    await other.query(`INSERT INTO messages (${MSG_COLS}) VALUES ?`, [rows.map(messageValues)])
  }
  /** until the store's INSERT of `id` runs: it waits for other's row lock */
  const storeWaits = (id: string) =>
    until(
      async () => {
        // (information_schema.innodb_trx, which says LOCK WAIT, was seconds late on a loaded server)
        const [rows] = await other.query<mysql.RowDataPacket[]>(
          'SELECT COUNT(*) AS n FROM information_schema.processlist WHERE info LIKE ?',
          [`INSERT INTO messages%'${id}'%`],
        )
        return Number(rows[0]!.n)
      },
      (waiting) => waiting > 0,
      10_000,
      20,
    )
  const seqsOf = async (id: string) => (await store.listMessages(id, 0, 100)).map((m) => m.seq)

  it('a seq taken meanwhile by another transaction: reads MAX(seq) again and stores above it, no gap', async () => {
    const id = await conversation()
    await insertUncommitted(id)
    const storing = store.storeMessage(draft(id), hooks)
    expect(await storeWaits(id)).toBe(1)
    await other.commit()
    expect((await storing).message.seq).toBe(2)
    expect(await seqsOf(id)).toEqual([1, 2])
  })

  it('a deadlock victim is run again with seqs allocated afresh: no seq spent by the rolled-back attempt', async () => {
    const [id, elsewhere] = [await conversation(), await conversation()]
    // more rows than the batch has written: InnoDB rolls back the lighter transaction, the batch
    await insertUncommitted(id, elsewhere, 20)
    const storing = store.storeMessage(draft(id), hooks)
    expect(await storeWaits(id)).toBe(1)
    // other now waits for the conversation's lock, which the batch holds while it waits for other's row: a cycle
    await other.query('SELECT conversation_id FROM conversations WHERE conversation_id = ? FOR UPDATE', [id])
    await other.commit()
    expect((await storing).message.seq).toBe(2)
    expect(await seqsOf(id)).toEqual([1, 2])
    expect((await store.storeMessage(draft(id), hooks)).message.seq).toBe(3)
  })
  it('a repeated key in a batch answers with the first message, and the batch around it stays gap-free', async () => {
    const id = await conversation()
    const keyed = (key: string): MessageDraft => ({ ...draft(id), idempotencyKey: key })
    const first = await store.storeMessage(keyed('k1'), hooks)
    expect(first.message.seq).toBe(1)
    // one group-commit batch: the repeat makes its multi-row INSERT fail on the unique key
    const [a, again, b] = await Promise.all([
      store.storeMessage(keyed('k2'), hooks),
      store.storeMessage(keyed('k1'), hooks),
      store.storeMessage(keyed('k3'), hooks),
    ])
    expect(again).toMatchObject({ duplicate: true, message: { seq: 1, messageId: first.message.messageId } })
    expect([a!.message.seq, b!.message.seq]).toEqual([2, 3])
    const [rows] = await other.query<mysql.RowDataPacket[]>(
      'SELECT seq FROM messages WHERE conversation_id = ? ORDER BY seq',
      [id],
    )
    expect(rows.map((r) => Number(r.seq))).toEqual([1, 2, 3])
    const [outbox] = await other.query<mysql.RowDataPacket[]>('SELECT COUNT(*) AS n FROM outbox WHERE msg_key = ?', [
      id,
    ])
    expect(Number(outbox[0]!.n)).toBe(3) // one per stored message, none for the repeat
  })
})
