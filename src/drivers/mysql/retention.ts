// Retention in MySQL/MariaDB (src/ports/retention.ts). A sweep batch locks the rows of the conversations it
// expires in (in id order, as every writer of a conversation's records locks its row first): an operation that
// read its target before the tombstone cannot write the content back after it.
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
import {
  CARRIED,
  SENT_BY,
  EXPIRED_ANYWHERE,
  EXPIRED_IN,
  GET_RETENTION,
  SET_RETENTION,
  TOMBSTONE,
  ERASE_SENT,
  MESSAGE_REF,
  reactionsWithout,
  SET_REACTIONS,
  TARGET_REACTIONS,
  toExpired,
  toSettings,
  WITH_SETTINGS,
} from '../sql/retention.js'
import { toMessage } from '../sql/rows.js'
import { indexMessages } from './search.js'
import type { MysqlAccess } from './invitations.js'
import type { Result, Rows } from './store-base.js'

export class MysqlRetention implements RetentionStore {
  constructor(private readonly s: MysqlAccess) {}

  async getRetention(conversationId: string): Promise<RetentionSettings | null> {
    const [rows] = await this.s.query<Rows>(GET_RETENTION, [conversationId])
    return rows[0] ? toSettings(rows[0]) : null
  }

  async setRetention(
    conversationId: string,
    settings: RetentionSettings,
    outbox: OutboxRecord[],
  ): Promise<RetentionSettings | null> {
    checkRetention(settings)
    checkOutbox(outbox)
    return this.s.tx(async (c) => {
      const [rows] = await c.execute<Rows>(`${GET_RETENTION} FOR UPDATE`, [conversationId])
      if (!rows[0]) return null
      const now = toSettings(rows[0])
      if (now.retentionDays === settings.retentionDays && now.ttlSeconds === settings.ttlSeconds) return now
      await c.execute(SET_RETENTION, [settings.retentionDays, settings.ttlSeconds, conversationId])
      await this.s.insertOutbox(c, outbox)
      return { retentionDays: settings.retentionDays, ttlSeconds: settings.ttlSeconds }
    })
  }

  async expireMessages(policy: ExpiryPolicy, limit: number): Promise<ExpiredRecord[]> {
    // candidates first, outside the transaction; the tombstone's WHERE makes a record expired meanwhile a no-op
    const found: Rows = []
    const anywhere = expiryCutoff(ageLimitMs(NO_RETENTION, policy.defaultRetentionDays), policy.nowMs)
    if (anywhere >= 0) found.push(...(await this.s.query<Rows>(EXPIRED_ANYWHERE, [anywhere, limit]))[0])
    if (found.length < limit) {
      const [withSettings] = await this.s.query<Rows>(WITH_SETTINGS)
      for (const c of withSettings) {
        const cutoff = expiryCutoff(ageLimitMs(toSettings(c), policy.defaultRetentionDays), policy.nowMs)
        const [rows] = await this.s.query<Rows>(EXPIRED_IN, [c.conversation_id, cutoff, limit - found.length])
        found.push(...rows)
        if (found.length >= limit) break
      }
    }
    if (found.length === 0) return []
    const conversations = [...new Set(found.map((r) => String(r.conversation_id)))].sort()
    return this.s.tx(async (c) => {
      for (const id of conversations)
        await c.execute('SELECT 1 FROM conversations WHERE conversation_id = ? FOR UPDATE', [id])
      const expired: ExpiredRecord[] = []
      for (const r of found) {
        const [res] = await c.execute<Result>(TOMBSTONE, [r.conversation_id, r.seq])
        if (res.affectedRows > 0) expired.push(toExpired(r))
      }
      // their words leave the search index with them (searches skip tombstones, but the rows would stay for good)
      if (expired.length)
        await c.query('DELETE FROM message_search WHERE (conversation_id, seq) IN (?)', [
          expired.map((e) => [e.conversationId, e.seq]),
        ])
      for (const e of expired) {
        if (!e.attachmentId) continue
        const [carried] = await c.execute<Rows>(CARRIED, [e.attachmentId])
        if (carried.length) e.attachmentId = ''
      }
      return expired
    })
  }

  async eraseSent(senderId: string, records: SentCursor[]): Promise<ExpiredRecord[]> {
    if (records.length === 0) return []
    const conversations = [...new Set(records.map((r) => r.conversationId))].sort()
    return this.s.tx(async (c) => {
      for (const id of conversations)
        await c.execute('SELECT 1 FROM conversations WHERE conversation_id = ? FOR UPDATE', [id])
      const erased: ExpiredRecord[] = []
      for (const k of records) {
        const [refs] = await c.execute<Rows>(MESSAGE_REF, [k.conversationId, k.seq, senderId])
        if (!refs[0]) continue
        const [res] = await c.execute<Result>(ERASE_SENT, [k.conversationId, k.seq, senderId])
        if (res.affectedRows === 0) continue
        if (refs[0].kind === 'reaction' && refs[0].target_id) {
          const [targets] = await c.execute<Rows>(TARGET_REACTIONS, [k.conversationId, refs[0].target_id])
          const next = targets[0] && reactionsWithout(targets[0].op_state, senderId)
          if (next) await c.execute(SET_REACTIONS, [next.value, k.conversationId, targets[0]!.seq])
        }
        // its words leave the search index with it
        await indexMessages(c, [{ ...k, kind: 'expired', status: 'normal', content: '' }])
        erased.push(toExpired({ ...refs[0], conversation_id: k.conversationId, seq: k.seq }))
      }
      for (const e of erased) {
        if (!e.attachmentId) continue
        const [carried] = await c.execute<Rows>(CARRIED, [e.attachmentId])
        if (carried.length) e.attachmentId = ''
      }
      return erased
    })
  }

  async sentBy(senderId: string, after: SentCursor, limit: number): Promise<MessageRow[]> {
    const [rows] = await this.s.query<Rows>(SENT_BY, [
      senderId,
      after.conversationId,
      after.conversationId,
      after.seq,
      Math.max(0, Math.trunc(limit)),
    ])
    return rows.map(toMessage)
  }
}
