// MariaDB/MySQL ceilings with gochat's own schema, in a throwaway database (dropped after): single-message
// transactions/s (one message row + one outbox row per transaction, `connections` sessions in parallel) and
// batched messages/s (`batch` message rows + as many outbox rows per transaction).
import mysql from 'mysql2/promise'
import { connectionOptions, migrate } from '../../src/drivers/mysql/migrate.js'

export interface MysqlLimits {
  connections: number
  /** one message + one outbox row per transaction */
  singleTxPerSec: number
  batch: number
  /** messages/s with `batch` messages (and outbox rows) per transaction */
  batchedMessagesPerSec: number
}

const OUTBOX_HEADERS = JSON.stringify({ traceparent: '00-00000000000000000000000000000000-0000000000000000-00' })

/** rows shaped like gochat's: a 100-byte message and a DispatchMessage-sized outbox value */
function rows(worker: number, n: number, from: number) {
  const conv = `c_limits_${worker}`
  const msgs: unknown[][] = []
  const outbox: unknown[][] = []
  for (let i = 0; i < n; i++) {
    const seq = from + i
    msgs.push([
      conv,
      seq,
      `m_${worker}_${seq}`,
      'u_sender',
      'x'.repeat(100),
      Date.now(),
      'normal',
      `k_${worker}_${seq}`,
    ])
    outbox.push(['limits.dispatch', conv, Buffer.alloc(300, 1), OUTBOX_HEADERS])
  }
  return { msgs, outbox }
}

/** messages/s over `ms`: `connections` sessions each committing transactions of `perTx` messages back to back */
async function drive(pool: mysql.Pool, connections: number, perTx: number, ms: number, tag: number): Promise<number> {
  let done = 0
  const until = performance.now() + ms
  const start = performance.now()
  await Promise.all(
    Array.from({ length: connections }, async (_, w) => {
      const c = await pool.getConnection()
      let seq = 1
      try {
        while (performance.now() < until) {
          const { msgs, outbox } = rows(tag * 1000 + w, perTx, seq)
          seq += perTx
          await c.beginTransaction()
          await c.query(
            'INSERT INTO messages (conversation_id, seq, message_id, sender_id, content, sent_at, status, idempotency_key) VALUES ?',
            [msgs],
          )
          await c.query('INSERT INTO outbox (topic, msg_key, value, headers) VALUES ?', [outbox])
          await c.commit()
          done += perTx
        }
      } finally {
        c.release()
      }
    }),
  )
  return Math.round(done / ((performance.now() - start) / 1000))
}

export async function mysqlLimits(
  url: string,
  opts: { connections: number; batch: number; ms: number },
): Promise<MysqlLimits> {
  const base = new URL(url)
  base.pathname = `/gochat_limits_${Date.now()}_${process.pid}`
  const throwaway = base.toString()
  await migrate(throwaway)
  const pool = mysql.createPool({ ...connectionOptions(throwaway), connectionLimit: opts.connections })
  try {
    return {
      connections: opts.connections,
      singleTxPerSec: await drive(pool, opts.connections, 1, opts.ms, 1),
      batch: opts.batch,
      batchedMessagesPerSec: await drive(pool, opts.connections, opts.batch, opts.ms, 2),
    }
  } finally {
    await pool.query(`DROP DATABASE \`${connectionOptions(throwaway).database}\``).catch(() => {})
    await pool.end()
  }
}
