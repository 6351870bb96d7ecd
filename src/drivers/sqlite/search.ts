// History search in the SQLite store: an FTS5 index (migration 009) of the tokens gochat computes
// (src/domain/search.ts), written in the transaction that writes or changes a message, read joined to messages and
// the user's memberships. Functions of the database, called by the store's concerns inside their transactions.
import type Database from 'better-sqlite3'
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

type Db = Database.Database
type Indexed = Parameters<typeof indexedText>[0] & { conversationId: string; seq: number }

const statements = new WeakMap<Db, Map<string, Database.Statement>>()
function stmt(db: Db, sql: string): Database.Statement {
  let cache = statements.get(db)
  if (!cache) statements.set(db, (cache = new Map()))
  let s = cache.get(sql)
  if (!s) cache.set(sql, (s = db.prepare(sql)))
  return s
}

/**
 * Makes the index say what the message says now: its tokens when it is searchable, nothing otherwise. `fresh`: the
 * message was just inserted, so it has no entry yet (the hot path reads nothing).
 */
export function indexMessage(db: Db, m: Indexed, fresh = false): void {
  const text = indexedText(m)
  const entry = fresh
    ? undefined
    : (stmt(db, 'SELECT id FROM message_search_rows WHERE conversation_id = ? AND seq = ?').get(
        m.conversationId,
        m.seq,
      ) as Row | undefined)
  if (!text && !entry) return
  if (entry) stmt(db, 'DELETE FROM message_search WHERE rowid = ?').run(entry.id)
  if (!text) {
    stmt(db, 'DELETE FROM message_search_rows WHERE id = ?').run(entry!.id)
    return
  }
  const id =
    entry?.id ??
    stmt(db, 'INSERT INTO message_search_rows (conversation_id, seq) VALUES (?, ?)').run(m.conversationId, m.seq)
      .lastInsertRowid
  stmt(db, 'INSERT INTO message_search (rowid, tokens) VALUES (?, ?)').run(id, text)
}

/** drops the index entries of a conversation being deleted (guest sweep) */
export function unindexConversation(db: Db, conversationId: string): void {
  stmt(
    db,
    'DELETE FROM message_search WHERE rowid IN (SELECT id FROM message_search_rows WHERE conversation_id = ?)',
  ).run(conversationId)
  stmt(db, 'DELETE FROM message_search_rows WHERE conversation_id = ?').run(conversationId)
}

/** the rows of the search's hits (MSG_COLS), newest first */
export function searchRows(db: Db, s: MessageSearch): Row[] {
  const sql = `SELECT ${HIT_COLS} FROM message_search s
    JOIN message_search_rows r ON r.id = s.rowid
    JOIN messages m ON m.conversation_id = r.conversation_id AND m.seq = r.seq
    WHERE message_search MATCH ? AND ${HIT_FILTER}${s.conversationId ? ' AND m.conversation_id = ?' : ''}${
      s.before ? ` AND ${AFTER_POSITION}` : ''
    } ${HIT_ORDER} LIMIT ?`
  // the terms are "k<hex>": FTS5 barewords, never an operator; all of them are required
  const params = [
    s.terms.join(' '),
    s.userId,
    ...(s.conversationId ? [s.conversationId] : []),
    ...(s.before ? positionParams(s.before) : []),
    Math.max(0, Math.trunc(s.limit)),
  ]
  return stmt(db, sql).all(...params) as Row[]
}

/** indexes the messages stored before migration 009, a batch a transaction, resuming where a previous run stopped */
export function backfillSearch(db: Db): number {
  const state = () => stmt(db, 'SELECT conversation_id, seq, done FROM search_backfill WHERE id = 1').get() as Row
  let indexed = 0
  for (;;) {
    const done = db
      .transaction(() => {
        const at = state()
        if (Number(at.done)) return true
        const rows = stmt(db, PENDING_SEARCH).all(at.conversation_id, at.conversation_id, at.seq) as Row[]
        for (const r of rows) {
          const m = { conversationId: String(r.conversation_id), seq: Number(r.seq), kind: r.kind, status: r.status }
          indexMessage(db, { ...m, content: String(r.content) } as Indexed)
          indexed++
        }
        const last = rows.at(-1)
        stmt(db, 'UPDATE search_backfill SET conversation_id = ?, seq = ?, done = ? WHERE id = 1').run(
          last ? last.conversation_id : at.conversation_id,
          last ? last.seq : at.seq,
          rows.length < SEARCH_BACKFILL_BATCH ? 1 : 0,
        )
        return rows.length < SEARCH_BACKFILL_BATCH
      })
      .immediate()
    if (done) return indexed
  }
}
