// MySQL migration 012 on a live database that holds messages: the migration creates the search index and the
// backfill after it indexes every message already there, over several batches (a resumable cursor).
import mysql from 'mysql2/promise'
import { afterAll, describe, expect, it } from 'vitest'
import { connectionOptions, migrate } from '../../src/drivers/mysql/migrate.js'
import { MysqlStore } from '../../src/drivers/mysql/store.js'
import { queryTerms } from '../../src/domain/search.js'
import { SEARCH_BACKFILL_BATCH } from '../../src/drivers/sql/search.js'
import { infraAvailable } from '../helpers/infra.js'
import { testDatabase } from '../helpers/mysql.js'

describe.skipIf(!(await infraAvailable('mysql')))('mysql search backfill (012)', () => {
  const db = testDatabase('search012')
  afterAll(() => db.drop())

  it('indexes the messages a database at 011 holds, in batches; searches find them', async () => {
    await migrate(db.url)
    const conn = await mysql.createConnection(connectionOptions(db.url))
    await conn.query('DROP TABLE message_search, search_backfill')
    await conn.query('DELETE FROM schema_migrations WHERE version = 12')
    await conn.query(
      "INSERT INTO conversations (conversation_id, kind, name, announcement, member_count, created_at) VALUES ('g1', 'group', 'G', '', 1, 1), ('g2', 'group', 'H', '', 1, 1)",
    )
    await conn.query(
      "INSERT INTO members (conversation_id, user_id, role, joined_at) VALUES ('g1', 'ann', 'admin', 1), ('g2', 'eve', 'admin', 1)",
    )
    const n = SEARCH_BACKFILL_BATCH * 2 + 17
    const rows = Array.from({ length: n }, (_, i) => {
      const seq = i + 1
      const content = seq === n ? '東京の消息 kafka' : seq === 5 ? 'recalled kafka' : `filler ${seq}`
      return ['g1', seq, `m${seq}`, 'ann', content, seq, seq === 5 ? 'recalled' : 'normal', 'text']
    })
    rows.push(['g2', 1, 'm-eve', 'eve', 'kafka of eve', 1, 'normal', 'text'])
    await conn.query(
      'INSERT INTO messages (conversation_id, seq, message_id, sender_id, content, sent_at, status, kind) VALUES ?',
      [rows],
    )
    await conn.end()

    const result = await migrate(db.url)
    expect(result.applied.map((r) => r.version)).toEqual([12])
    const store = new MysqlStore(db.url)
    try {
      const kafka = await store.searchMessages({ userId: 'ann', terms: queryTerms('kafka'), limit: 10 })
      expect(kafka.map((m) => m.content)).toEqual(['東京の消息 kafka'])
      expect(await store.searchMessages({ userId: 'ann', terms: queryTerms('東京'), limit: 10 })).toHaveLength(1)
      expect(await store.searchMessages({ userId: 'ann', terms: queryTerms('filler'), limit: 5000 })).toHaveLength(
        n - 2,
      )
      expect(
        (await store.searchMessages({ userId: 'eve', terms: queryTerms('kafka'), limit: 10 })).map((m) => m.content),
      ).toEqual(['kafka of eve'])
    } finally {
      await store.close()
    }
    // done: another run reads nothing again
    const again = await mysql.createConnection(connectionOptions(db.url))
    const [[state]] = await again.query<mysql.RowDataPacket[]>('SELECT done FROM search_backfill')
    await again.end()
    expect(Number(state?.done)).toBe(1)
  })
})
