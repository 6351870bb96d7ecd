// Retention in SQLite (src/ports/retention.ts). One synchronous transaction per sweep batch: nothing else of this
// process runs inside it, so no operation can write a record back between its read and its tombstone.
import {
  ageLimitMs,
  checkRetention,
  type ExpiredRecord,
  type ExpiryPolicy,
  expiryCutoff,
  NO_RETENTION,
  type RetentionSettings,
  type RetentionStore,
  type SentCursor,
} from '../../ports/retention.js'
import type { MessageRow, OutboxRecord } from '../../ports/store.js'
import { checkOutbox } from '../../ports/store.js'
import type { Row } from '../sql/rows.js'
import {
  CARRIED,
  ERASE_SENT,
  MESSAGE_REF,
  reactionsWithout,
  SET_REACTIONS,
  TARGET_REACTIONS,
  SENT_BY,
  EXPIRED_ANYWHERE,
  EXPIRED_IN,
  GET_RETENTION,
  SET_RETENTION,
  TOMBSTONE,
  toExpired,
  toSettings,
  WITH_SETTINGS,
} from '../sql/retention.js'
import { toMessage } from '../sql/rows.js'
import { indexMessage } from './search.js'
import type { SqliteTx } from './invitations.js'

export class SqliteRetention implements RetentionStore {
  constructor(private readonly s: SqliteTx) {}

  async getRetention(conversationId: string): Promise<RetentionSettings | null> {
    const r = this.s.db.prepare(GET_RETENTION).get(conversationId) as Row | undefined
    return r ? toSettings(r) : null
  }

  async setRetention(
    conversationId: string,
    settings: RetentionSettings,
    outbox: OutboxRecord[],
  ): Promise<RetentionSettings | null> {
    checkRetention(settings)
    checkOutbox(outbox)
    const { db } = this.s
    return this.s.tx(() => {
      const r = db.prepare(GET_RETENTION).get(conversationId) as Row | undefined
      if (!r) return null
      const now = toSettings(r)
      if (now.retentionDays === settings.retentionDays && now.ttlSeconds === settings.ttlSeconds) return now
      db.prepare(SET_RETENTION).run(settings.retentionDays, settings.ttlSeconds, conversationId)
      this.s.insertOutbox(outbox)
      return { retentionDays: settings.retentionDays, ttlSeconds: settings.ttlSeconds }
    })
  }

  async expireMessages(policy: ExpiryPolicy, limit: number): Promise<ExpiredRecord[]> {
    const { db } = this.s
    return this.s.tx(() => {
      const found: Row[] = []
      const anywhere = expiryCutoff(ageLimitMs(NO_RETENTION, policy.defaultRetentionDays), policy.nowMs)
      if (anywhere >= 0) found.push(...(db.prepare(EXPIRED_ANYWHERE).all(anywhere, limit) as Row[]))
      if (found.length < limit) {
        for (const c of db.prepare(WITH_SETTINGS).all() as Row[]) {
          const cutoff = expiryCutoff(ageLimitMs(toSettings(c), policy.defaultRetentionDays), policy.nowMs)
          found.push(...(db.prepare(EXPIRED_IN).all(c.conversation_id, cutoff, limit - found.length) as Row[]))
          if (found.length >= limit) break
        }
      }
      const tomb = db.prepare(TOMBSTONE)
      const carried = db.prepare(CARRIED)
      const expired = found.filter((r) => tomb.run(r.conversation_id, r.seq).changes > 0).map(toExpired)
      // their words leave the search index with them (searches skip tombstones, but the rows would stay for good)
      for (const e of expired) indexMessage(db, { ...e, kind: 'expired', status: 'normal', content: '' })
      return expired.map((e) => (e.attachmentId && carried.get(e.attachmentId) ? { ...e, attachmentId: '' } : e))
    })
  }

  async eraseSent(senderId: string, records: SentCursor[]): Promise<ExpiredRecord[]> {
    const { db } = this.s
    return this.s.tx(() => {
      const ref = db.prepare(MESSAGE_REF)
      const tomb = db.prepare(ERASE_SENT)
      const carried = db.prepare(CARRIED)
      const erased: ExpiredRecord[] = []
      for (const k of records) {
        const r = ref.get(k.conversationId, k.seq, senderId) as Row | undefined
        if (!r || tomb.run(k.conversationId, k.seq, senderId).changes === 0) continue
        if (r.kind === 'reaction' && r.target_id) {
          const target = db.prepare(TARGET_REACTIONS).get(k.conversationId, r.target_id) as Row | undefined
          const next = target && reactionsWithout(target.op_state, senderId)
          if (next) db.prepare(SET_REACTIONS).run(next.value, k.conversationId, target!.seq)
        }
        // its words leave the search index with it
        indexMessage(db, { ...k, kind: 'expired', status: 'normal', content: '' })
        erased.push(toExpired({ ...r, conversation_id: k.conversationId, seq: k.seq }))
      }
      return erased.map((e) => (e.attachmentId && carried.get(e.attachmentId) ? { ...e, attachmentId: '' } : e))
    })
  }

  async sentBy(senderId: string, after: SentCursor, limit: number): Promise<MessageRow[]> {
    const rows = this.s.db
      .prepare(SENT_BY)
      .all(senderId, after.conversationId, after.conversationId, after.seq, Math.max(0, Math.trunc(limit))) as Row[]
    return rows.map(toMessage)
  }
}
