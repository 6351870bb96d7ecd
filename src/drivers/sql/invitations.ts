// The statements of group invitations that read the same in MySQL and SQLite (src/drivers/*/invitations.ts).
import type { InvitationView } from '../../ports/invitations.js'
import type { Row } from './rows.js'

/** an invitation with its group's current name; groups deleted since (guest sweeps) drop out of the join */
export const INVITATION_VIEW = `SELECT i.conversation_id, i.invitee_id, i.inviter_id, i.created_at, c.name
  FROM group_invitations i JOIN conversations c ON c.conversation_id = i.conversation_id`

export const toInvitation = (r: Row): InvitationView => ({
  conversationId: r.conversation_id as string,
  inviteeId: r.invitee_id as string,
  inviterId: r.inviter_id as string,
  createdAt: Number(r.created_at),
  conversationName: r.name as string,
})

/** the candidates (a list of placeholders, `in`) who share a conversation with the user (the first parameter) */
export const contactsAmong = (placeholders: string) =>
  `SELECT DISTINCT b.user_id FROM members a
     JOIN members b ON b.conversation_id = a.conversation_id
    WHERE a.user_id = ? AND b.user_id IN (${placeholders})`

/** invitees per statement, candidates per contactsAmong */
export const CHUNK = 500
