// Group invitations in MySQL/MariaDB (src/ports/invitations.ts), and the last-admin rule of removeMember. Writers
// take the conversation's row lock first, as the store's member writers do, so an invitation, an accept and an
// add of the same group are serialized with each other.
import type mysql from 'mysql2/promise'
import { AppError } from '../../core/errors.js'
import type { InvitationRow, InvitationStore, InvitationView } from '../../ports/invitations.js'
import { noAdminLeft, OLDEST_FIRST, promotionAfterRemoval } from '../../ports/last-admin.js'
import type { OutboxRecord } from '../../ports/store.js'
import { contactsAmong, INVITATION_VIEW, toInvitation } from '../sql/invitations.js'
import { chunks, limit } from './rows.js'

type Conn = mysql.PoolConnection
type Rows = mysql.RowDataPacket[]
type Result = mysql.ResultSetHeader

/** what the store lends: its reads and transactions (both wait for the migrations) and its outbox writer */
export interface MysqlAccess {
  query<T extends Rows | Result = Result>(sql: string, params?: unknown[]): Promise<[T, mysql.FieldPacket[]]>
  tx<T>(fn: (c: Conn) => Promise<T>): Promise<T>
  insertOutbox(c: Conn, outbox: OutboxRecord[]): Promise<void>
}

/** locks the group's row for the transaction; false without it */
async function lock(c: Conn, conversationId: string): Promise<boolean> {
  const [rows] = await c.execute<Rows>('SELECT 1 FROM conversations WHERE conversation_id = ? FOR UPDATE', [
    conversationId,
  ])
  return rows.length > 0
}

export class MysqlInvitations implements InvitationStore {
  constructor(private readonly s: MysqlAccess) {}

  async contactsAmong(userId: string, candidates: string[]): Promise<Set<string>> {
    const found = new Set<string>()
    for (const chunk of chunks(candidates)) {
      const [rows] = await this.s.query<Rows>(contactsAmong('?'), [userId, chunk])
      for (const r of rows) found.add(r.user_id as string)
    }
    return found
  }

  async invite(
    conversationId: string,
    invitations: InvitationRow[],
    outboxFor: (invited: string[]) => OutboxRecord[],
  ): Promise<string[]> {
    return this.s.tx(async (c) => {
      if (!(await lock(c, conversationId))) throw new AppError('not_found', `conversation ${conversationId} not found`)
      const taken = new Set<string>()
      for (const chunk of chunks(invitations.map((i) => i.inviteeId))) {
        const [rows] = await c.query<Rows>(
          `SELECT user_id FROM members WHERE conversation_id = ? AND user_id IN (?)
           UNION SELECT invitee_id FROM group_invitations WHERE conversation_id = ? AND invitee_id IN (?)`,
          [conversationId, chunk, conversationId, chunk],
        )
        for (const r of rows) taken.add(r.user_id as string)
      }
      const fresh = invitations.filter((i) => !taken.has(i.inviteeId) && taken.add(i.inviteeId))
      if (fresh.length === 0) return []
      const invited = fresh.map((i) => i.inviteeId)
      const outbox = outboxFor(invited)
      for (const chunk of chunks(fresh))
        await c.query('INSERT INTO group_invitations (conversation_id, invitee_id, inviter_id, created_at) VALUES ?', [
          chunk.map((i) => [conversationId, i.inviteeId, i.inviterId, i.createdAt]),
        ])
      await this.s.insertOutbox(c, outbox)
      return invited
    })
  }

  async getInvitation(conversationId: string, inviteeId: string): Promise<InvitationView | null> {
    const [rows] = await this.s.query<Rows>(`${INVITATION_VIEW} WHERE i.conversation_id = ? AND i.invitee_id = ?`, [
      conversationId,
      inviteeId,
    ])
    return rows[0] ? toInvitation(rows[0]) : null
  }

  async listInvitations(inviteeId: string, n: number): Promise<InvitationView[]> {
    const [rows] = await this.s.query<Rows>(
      `${INVITATION_VIEW} WHERE i.invitee_id = ? ORDER BY i.created_at DESC, i.conversation_id ${limit(n)}`,
      [inviteeId],
    )
    return rows.map(toInvitation)
  }

  async acceptInvitation(conversationId: string, inviteeId: string, at: number, outbox: OutboxRecord[]) {
    return this.s.tx(async (c) => {
      if (!(await lock(c, conversationId)) || !(await take(c, conversationId, inviteeId))) return false
      const [res] = await c.execute<Result>(
        "INSERT IGNORE INTO members (conversation_id, user_id, role, joined_at) VALUES (?, ?, 'member', ?)",
        [conversationId, inviteeId, at],
      )
      if (res.affectedRows > 0)
        await c.execute('UPDATE conversations SET member_count = member_count + 1 WHERE conversation_id = ?', [
          conversationId,
        ])
      await this.s.insertOutbox(c, outbox)
      return true
    })
  }

  async declineInvitation(conversationId: string, inviteeId: string, outbox: OutboxRecord[]) {
    return this.s.tx(async (c) => {
      if (!(await take(c, conversationId, inviteeId))) return false
      await this.s.insertOutbox(c, outbox)
      return true
    })
  }
}

/** deletes the invitation; false when there was none */
async function take(c: Conn, conversationId: string, inviteeId: string): Promise<boolean> {
  const [res] = await c.execute<Result>('DELETE FROM group_invitations WHERE conversation_id = ? AND invitee_id = ?', [
    conversationId,
    inviteeId,
  ])
  return res.affectedRows > 0
}

/** The last-admin rule (src/ports/last-admin.ts) inside removeMember's transaction, after the member's row is gone. */
export async function keepAnAdmin(
  c: Conn,
  conversationId: string,
  removedRole: 'admin' | 'member',
  promote: string | undefined,
): Promise<void> {
  if (removedRole !== 'admin') return
  const [[counts]] = await c.execute<Rows>(
    "SELECT COUNT(*) AS members, COALESCE(SUM(role = 'admin'), 0) AS admins FROM members WHERE conversation_id = ?",
    [conversationId],
  )
  const promoted = promotionAfterRemoval({
    removedRole,
    adminsLeft: Number(counts!.admins),
    membersLeft: Number(counts!.members),
    promote,
  })
  if (promoted === null) return
  const [res] = await c.execute<Result>("UPDATE members SET role = 'admin' WHERE conversation_id = ? AND user_id = ?", [
    conversationId,
    promoted,
  ])
  if (res.affectedRows === 0) throw noAdminLeft()
}

/** After a guest sweep took members from a group that keeps others: the oldest becomes admin if none is left. */
export async function promoteOldestIfNoAdmin(c: Conn, conversationId: string): Promise<void> {
  const [admins] = await c.execute<Rows>("SELECT 1 FROM members WHERE conversation_id = ? AND role = 'admin' LIMIT 1", [
    conversationId,
  ])
  if (admins.length) return
  const [[oldest]] = await c.execute<Rows>(
    `SELECT user_id FROM members WHERE conversation_id = ? ${OLDEST_FIRST} LIMIT 1`,
    [conversationId],
  )
  if (oldest)
    await c.execute("UPDATE members SET role = 'admin' WHERE conversation_id = ? AND user_id = ?", [
      conversationId,
      oldest.user_id,
    ])
}
