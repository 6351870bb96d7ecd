// Group invitations in SQLite (src/ports/invitations.ts). better-sqlite3 is synchronous: each mutation is one
// transaction function, so nothing else of this process runs between its reads and writes.
import type Database from 'better-sqlite3'
import { AppError } from '../../core/errors.js'
import type { InvitationRow, InvitationStore, InvitationView } from '../../ports/invitations.js'
import type { OutboxRecord } from '../../ports/store.js'
import { CHUNK, contactsAmong, INVITATION_VIEW, toInvitation } from '../sql/invitations.js'
import type { Row } from '../sql/rows.js'
import { noAdminLeft, OLDEST_FIRST, promotionAfterRemoval } from '../../ports/last-admin.js'

/** what the store lends: its connection's transactions and its outbox writer */
export interface SqliteTx {
  db: Database.Database
  tx<T>(fn: () => T): T
  insertOutbox(outbox: OutboxRecord[]): void
}

export class SqliteInvitations implements InvitationStore {
  constructor(private readonly s: SqliteTx) {}

  async contactsAmong(userId: string, candidates: string[]): Promise<Set<string>> {
    const found = new Set<string>()
    for (let i = 0; i < candidates.length; i += CHUNK) {
      const chunk = candidates.slice(i, i + CHUNK)
      const rows = this.s.db
        .prepare(contactsAmong(chunk.map(() => '?').join(', ')))
        .pluck()
        .all(userId, ...chunk)
      for (const id of rows as string[]) found.add(id)
    }
    return found
  }

  async invite(
    conversationId: string,
    invitations: InvitationRow[],
    outboxFor: (invited: string[]) => OutboxRecord[],
  ): Promise<string[]> {
    const { db } = this.s
    return this.s.tx(() => {
      if (!db.prepare('SELECT 1 FROM conversations WHERE conversation_id = ?').get(conversationId))
        throw new AppError('not_found', `conversation ${conversationId} not found`)
      const taken = db.prepare(
        `SELECT 1 FROM members WHERE conversation_id = ? AND user_id = ?
         UNION ALL SELECT 1 FROM group_invitations WHERE conversation_id = ? AND invitee_id = ?`,
      )
      const seen = new Set<string>()
      const fresh = invitations.filter(
        (i) =>
          !seen.has(i.inviteeId) &&
          seen.add(i.inviteeId) &&
          !taken.get(conversationId, i.inviteeId, conversationId, i.inviteeId),
      )
      if (fresh.length === 0) return []
      const invited = fresh.map((i) => i.inviteeId)
      const outbox = outboxFor(invited)
      const insert = db.prepare(
        'INSERT INTO group_invitations (conversation_id, invitee_id, inviter_id, created_at) VALUES (?, ?, ?, ?)',
      )
      for (const i of fresh) insert.run(conversationId, i.inviteeId, i.inviterId, i.createdAt)
      this.s.insertOutbox(outbox)
      return invited
    })
  }

  async getInvitation(conversationId: string, inviteeId: string): Promise<InvitationView | null> {
    const r = this.s.db
      .prepare(`${INVITATION_VIEW} WHERE i.conversation_id = ? AND i.invitee_id = ?`)
      .get(conversationId, inviteeId) as Row | undefined
    return r ? toInvitation(r) : null
  }

  async listInvitations(inviteeId: string, limit: number): Promise<InvitationView[]> {
    const rows = this.s.db
      .prepare(`${INVITATION_VIEW} WHERE i.invitee_id = ? ORDER BY i.created_at DESC, i.conversation_id LIMIT ?`)
      .all(inviteeId, limit) as Row[]
    return rows.map(toInvitation)
  }

  async acceptInvitation(conversationId: string, inviteeId: string, at: number, outbox: OutboxRecord[]) {
    const { db } = this.s
    return this.s.tx(() => {
      if (!this.take(conversationId, inviteeId)) return false
      if (!db.prepare('SELECT 1 FROM conversations WHERE conversation_id = ?').get(conversationId)) return false
      const added = db
        .prepare(
          "INSERT INTO members (conversation_id, user_id, role, joined_at) VALUES (?, ?, 'member', ?) ON CONFLICT DO NOTHING",
        )
        .run(conversationId, inviteeId, at).changes
      if (added)
        db.prepare('UPDATE conversations SET member_count = member_count + 1 WHERE conversation_id = ?').run(
          conversationId,
        )
      this.s.insertOutbox(outbox)
      return true
    })
  }

  async declineInvitation(conversationId: string, inviteeId: string, outbox: OutboxRecord[]) {
    return this.s.tx(() => {
      if (!this.take(conversationId, inviteeId)) return false
      this.s.insertOutbox(outbox)
      return true
    })
  }

  /** deletes the invitation; false when there was none */
  private take(conversationId: string, inviteeId: string): boolean {
    return (
      this.s.db
        .prepare('DELETE FROM group_invitations WHERE conversation_id = ? AND invitee_id = ?')
        .run(conversationId, inviteeId).changes > 0
    )
  }
}

/** The last-admin rule (src/ports/last-admin.ts) inside removeMember's transaction, after the member's row is gone. */
export function keepAnAdmin(
  db: Database.Database,
  conversationId: string,
  removedRole: 'admin' | 'member',
  promote: string | undefined,
): void {
  if (removedRole !== 'admin') return
  const count = (sql: string) => Number((db.prepare(sql).get(conversationId) as Row).n)
  const promoted = promotionAfterRemoval({
    removedRole,
    adminsLeft: count("SELECT COUNT(*) AS n FROM members WHERE conversation_id = ? AND role = 'admin'"),
    membersLeft: count('SELECT COUNT(*) AS n FROM members WHERE conversation_id = ?'),
    promote,
  })
  if (promoted === null) return
  if (
    db
      .prepare("UPDATE members SET role = 'admin' WHERE conversation_id = ? AND user_id = ?")
      .run(conversationId, promoted).changes === 0
  )
    throw noAdminLeft()
}

/** After a guest sweep took members from a group that keeps others: the oldest becomes admin if none is left. */
export function promoteOldestIfNoAdmin(db: Database.Database, conversationId: string): void {
  if (db.prepare("SELECT 1 FROM members WHERE conversation_id = ? AND role = 'admin'").get(conversationId)) return
  const oldest = db
    .prepare(`SELECT user_id FROM members WHERE conversation_id = ? ${OLDEST_FIRST} LIMIT 1`)
    .pluck()
    .get(conversationId)
  if (oldest !== undefined)
    db.prepare("UPDATE members SET role = 'admin' WHERE conversation_id = ? AND user_id = ?").run(
      conversationId,
      oldest,
    )
}
