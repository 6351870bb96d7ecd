// History search in the MySQL/MariaDB store: an InnoDB FULLTEXT index (migration 012) of the tokens gochat
// computes (src/domain/search.ts), written in the transaction that writes or changes a message, queried in BOOLEAN
// MODE with every token required, joined to messages and the user's memberships.
import type mysql from 'mysql2/promise'
import { indexedText } from '../../domain/search.js'
import type { MessageSearch } from '../../ports/store.js'
import type { Row } from '../sql/rows.js'
import {
  AFTER_POSITION,
  HIT_COLS,
  HIT_FILTER,
  HIT_ORDER,
  PENDING_SEARCH,
  positionParams,
  SEARCH_BACKFILL_BATCH,
} from '../sql/search.js'
import { limit } from './rows.js'

type Conn = Pick<mysql.Connection, 'query'>
type Rows = mysql.RowDataPacket[]
type Indexed = Parameters<typeof indexedText>[0] & { conversationId: string; seq: number }

/**
 * Makes the index say what these messages say now: their tokens when searchable, nothing otherwise. `fresh`: just
 * inserted, so without an entry to remove. `ignore`: keep an entry already there (the backfill, racing live writes
 * that know better).
 */
export async function indexMessages(c: Conn, ms: Indexed[], fresh = false, ignore = false): Promise<void> {
  const put: Array<[string, number, string]> = []
  const drop: Indexed[] = []
  for (const m of ms) {
    const text = indexedText(m)
    if (text) put.push([m.conversationId, m.seq, text])
    else if (!fresh) drop.push(m)
  }
  if (put.length)
    await c.query(
      ignore
        ? 'INSERT IGNORE INTO message_search (conversation_id, seq, tokens) VALUES ?'
        : 'INSERT INTO message_search (conversation_id, seq, tokens) VALUES ? ON DUPLICATE KEY UPDATE tokens = VALUES(tokens)',
      [put],
    )
  for (const m of drop)
    await c.query('DELETE FROM message_search WHERE conversation_id = ? AND seq = ?', [m.conversationId, m.seq])
}

/** the rows of the search's hits (MSG_COLS), newest first */
export async function searchRows(c: Conn, s: MessageSearch): Promise<Row[]> {
  // the terms are "k<hex>": never a BOOLEAN MODE operator; "+" requires each
  const [rows] = await c.query<Rows>(
    `SELECT ${HIT_COLS} FROM message_search s
     JOIN messages m ON m.conversation_id = s.conversation_id AND m.seq = s.seq
     WHERE MATCH (s.tokens) AGAINST (? IN BOOLEAN MODE) AND ${HIT_FILTER}${
       s.conversationId ? ' AND m.conversation_id = ?' : ''
     }${s.before ? ` AND ${AFTER_POSITION}` : ''} ${HIT_ORDER} ${limit(s.limit)}`,
    [
      s.terms.map((t) => `+${t}`).join(' '),
      s.userId,
      ...(s.conversationId ? [s.conversationId] : []),
      ...(s.before ? positionParams(s.before) : []),
    ],
  )
  return rows
}

/**
 * Indexes the messages stored before migration 012, a batch a transaction, resuming where a previous run stopped.
 * Messages written meanwhile by this version are indexed by their own transaction (the backfill keeps those entries).
 */
export async function backfillSearch(c: mysql.Connection): Promise<number> {
  let read = 0
  for (;;) {
    const [[at]] = await c.query<Rows>('SELECT conversation_id, seq, done FROM search_backfill WHERE id = 1')
    if (!at || Number(at.done)) return read
    const [rows] = await c.query<Rows>(PENDING_SEARCH, [at.conversation_id, at.conversation_id, at.seq])
    read += rows.length
    const last = rows.at(-1)
    await c.beginTransaction()
    try {
      const ms = rows.map((r) => ({
        conversationId: String(r.conversation_id),
        seq: Number(r.seq),
        kind: r.kind,
        status: r.status,
        content: String(r.content),
      }))
      await indexMessages(c, ms, true, true)
      await c.query('UPDATE search_backfill SET conversation_id = ?, seq = ?, done = ? WHERE id = 1', [
        last ? last.conversation_id : at.conversation_id,
        last ? last.seq : at.seq,
        rows.length < SEARCH_BACKFILL_BATCH ? 1 : 0,
      ])
      await c.commit()
    } catch (err) {
      await c.rollback()
      throw err
    }
  }
}
