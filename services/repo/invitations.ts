// Group consent (proto: ContactsAmong … DeclineInvitation): who shares a conversation with whom, and invitations
// to groups that the invitee accepts or declines. Logic decides who is invited and who is added (services/logic/group-adds.ts).
import { AppError } from '../../src/core/errors.js'
import type { InvitationView } from '../../src/ports/invitations.js'
import type { OutboxRecord } from '../../src/ports/store.js'
import type { Invitation__Output } from '../../src/contracts/generated/gochat/repo/v1/Invitation.js'
import type { RepoApi } from '../../src/rpc/api.js'
import { committer, id, type RepoServiceDeps } from './deps.js'
import { int, memberOut, outboxOf, required } from './wire.js'

const LIST_DEFAULT = 100
const LIST_MAX = 500
const CANDIDATES_MAX = 10_000

const invitationOut = (i: InvitationView): Invitation__Output => ({
  conversation_id: i.conversationId,
  invitee_id: i.inviteeId,
  inviter_id: i.inviterId,
  created_at: i.createdAt,
  conversation_name: i.conversationName,
})

export function invitationHandlers(
  deps: RepoServiceDeps,
): Pick<
  RepoApi,
  'ContactsAmong' | 'InviteMembers' | 'GetInvitation' | 'ListInvitations' | 'AcceptInvitation' | 'DeclineInvitation'
> {
  const { store, memberPages } = deps
  const invitations = store.invitations
  const committed = committer(deps)

  async function groupOf(conversationId: string) {
    const c = await store.getConversation(conversationId)
    if (!c) throw new AppError('not_found', `conversation ${conversationId} not found`)
    if (c.kind !== 'group') throw new AppError('bad_request', `conversation ${conversationId} is not a group`)
  }

  return {
    async ContactsAmong(req) {
      const userId = id(req.user_id, 'user_id')
      const candidates = [...new Set(req.candidate_ids ?? [])]
      if (candidates.length > CANDIDATES_MAX)
        throw new AppError('bad_request', `at most ${CANDIDATES_MAX} candidates a call`)
      return { contact_ids: [...(await invitations.contactsAmong(userId, candidates))] }
    },

    async InviteMembers(req) {
      const conversationId = required(req.conversation_id, 'conversation_id')
      const inviterId = id(req.inviter_id, 'inviter_id')
      await groupOf(conversationId)
      const now = Date.now()
      const rows = (req.user_ids ?? []).map((u) => ({
        conversationId,
        inviteeId: id(u, 'user_ids[]'),
        inviterId,
        createdAt: now,
      }))
      // as AddMembers: the events of requested users who turned out to be members or invited already are dropped
      const requested = new Set(rows.map((r) => r.inviteeId))
      let written: OutboxRecord[] = []
      const invited = rows.length
        ? await invitations.invite(conversationId, rows, (fresh) => {
            const ids = new Set(fresh)
            written = outboxOf(req.events).filter((r) => r.key === null || !requested.has(r.key) || ids.has(r.key))
            return written
          })
        : []
      return committed(written, { invited_user_ids: invited })
    },

    async GetInvitation(req) {
      const conversationId = required(req.conversation_id, 'conversation_id')
      const inviteeId = required(req.invitee_id, 'invitee_id')
      const found = await invitations.getInvitation(conversationId, inviteeId)
      if (!found) throw new AppError('not_found', `no invitation of ${inviteeId} to ${conversationId}`)
      return invitationOut(found)
    },

    async ListInvitations(req) {
      const inviteeId = required(req.invitee_id, 'invitee_id')
      const limit = Math.min(int(req.limit) || LIST_DEFAULT, LIST_MAX)
      return { invitations: (await invitations.listInvitations(inviteeId, limit)).map(invitationOut) }
    },

    async AcceptInvitation(req) {
      const conversationId = required(req.conversation_id, 'conversation_id')
      const inviteeId = required(req.invitee_id, 'invitee_id')
      const outbox = outboxOf(req.events)
      const at = Date.now()
      if (!(await invitations.acceptInvitation(conversationId, inviteeId, at, outbox)))
        throw new AppError('not_found', `no invitation of ${inviteeId} to ${conversationId}`)
      await memberPages.invalidate(conversationId)
      const member = await store.getMember(conversationId, inviteeId)
      return committed(outbox, memberOut(member ?? { conversationId, userId: inviteeId, role: 'member', joinedAt: at }))
    },

    async DeclineInvitation(req) {
      const conversationId = required(req.conversation_id, 'conversation_id')
      const inviteeId = required(req.invitee_id, 'invitee_id')
      const outbox = outboxOf(req.events)
      if (!(await invitations.declineInvitation(conversationId, inviteeId, outbox)))
        throw new AppError('not_found', `no invitation of ${inviteeId} to ${conversationId}`)
      return committed(outbox, {})
    },
  }
}
