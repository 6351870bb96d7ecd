// The MySQL store's transactional outbox: records appended with the writes they describe, and the relay's lease.
import mysql from 'mysql2/promise'
import { log } from '../../observability/log.js'
import type { OutboxLease, OutboxRecord } from '../../ports/store.js'
import { connectionOptions } from './migrate.js'
import { chunks, limit } from './rows.js'
import { MysqlRevocations } from './revocations.js'
import { PURGE_BATCH, type Result, type Rows } from './store-base.js'

export abstract class MysqlOutbox extends MysqlRevocations {
  async appendOutbox(outbox: OutboxRecord[]): Promise<void> {
    await this.tx((c) => this.insertOutbox(c, outbox))
  }

  /**
   * A named lock (GET_LOCK) held by a connection of its own, the one the relay's reads and marks then run on:
   * MySQL releases the lock when that session ends (a crashed relay's lease passes to another instance), and
   * a relay whose session is gone gets errors instead of rows. A connection of its own also keeps the relay
   * clear of the pool, which a burst of sends may hold entirely. The lock name carries the database, since
   * locks are server-wide.
   */
  async acquireOutboxLease(): Promise<OutboxLease | null> {
    await this.ready
    const name = `gochat_relay:${this.database}`.slice(0, 64)
    const conn = await mysql.createConnection(connectionOptions(this.url, this.tls))
    conn.on('error', (err) => log.warn('outbox lease connection failed', { err }))
    const [[got]] = await conn.query<Rows>('SELECT GET_LOCK(?, 0) AS ok', [name])
    if (got?.ok !== 1) {
      await conn.end()
      return null
    }
    let released = false
    return {
      pending: async (n) => {
        // the age is measured by the server that set created_at: no clock or time zone between them
        const [rows] = await conn.execute<Rows>(
          `SELECT id, topic, msg_key, value, headers, TIMESTAMPDIFF(MICROSECOND, created_at, NOW(3)) AS age_us FROM outbox WHERE published_at IS NULL ORDER BY id ${limit(n)}`,
        )
        return rows.map((r) => ({
          id: Number(r.id),
          topic: r.topic,
          key: r.msg_key,
          value: r.value,
          // MariaDB's JSON is LONGTEXT and arrives as a string; MySQL's arrives parsed
          headers: typeof r.headers === 'string' ? JSON.parse(r.headers) : r.headers,
          ageMs: Math.max(0, Number(r.age_us) / 1000),
        }))
      },
      countPending: async () => {
        const [[row]] = await conn.execute<Rows>('SELECT COUNT(*) AS n FROM outbox WHERE published_at IS NULL')
        return Number(row?.n ?? 0)
      },
      markPublished: async (ids) => {
        for (const chunk of chunks(ids))
          await conn.query('UPDATE outbox SET published_at = CURRENT_TIMESTAMP(3) WHERE id IN (?)', [chunk])
      },
      purgePublished: async (olderThanMs) => {
        let total = 0
        for (;;) {
          // in batches, so a large purge never holds many row locks at once
          const [res] = await conn.execute<Result>(
            `DELETE FROM outbox WHERE published_at < NOW(3) - INTERVAL ? MICROSECOND ORDER BY published_at ${limit(PURGE_BATCH)}`,
            [Math.trunc(olderThanMs) * 1000],
          )
          total += res.affectedRows
          if (res.affectedRows < PURGE_BATCH) return total
        }
      },
      release: async () => {
        if (released) return
        released = true
        await conn.query('SELECT RELEASE_LOCK(?)', [name]).catch(() => {})
        await conn.end().catch(() => conn.destroy())
      },
    }
  }
}
