// The invitee's side of group consent: their pending invitations, accepting one (they become a member, and the
// inviter is told by group.invitation.accepted) or declining it (group.invitation.declined; nothing else changes).
import { notification } from '../../src/contracts/events.js'
import type { LogicApi } from '../../src/rpc/api.js'
import type { LogicDeps } from './deps.js'
import { outboxEvent } from './domain-events.js'
import { requireId } from './validate.js'

/** invitations listed at once: the newest (invitations of groups that are gone drop out) */
const LIST_MAX = 200

export function createInvitations(
  deps: LogicDeps,
): Pick<LogicApi, 'ListInvitations' | 'AcceptInvitation' | 'DeclineInvitation'> {
  const { repo } = deps

  /** the invitation (not_found without it) and the event that tells its inviter the answer */
  async function answer(
    req: { user_id?: string; conversation_id?: string },
    type: 'group.invitation.accepted' | 'group.invitation.declined',
  ) {
    const userId = requireId(req.user_id, 'userId')
    const conversationId = requireId(req.conversation_id, 'conversationId')
    const invitation = await repo.GetInvitation({ conversation_id: conversationId, invitee_id: userId })
    const event = outboxEvent(
      deps.topics.notifications,
      notification(type, invitation.inviter_id, {
        conversation_id: conversationId,
        name: invitation.conversation_name,
        user_id: userId,
      }),
    )
    return { ref: { conversation_id: conversationId, invitee_id: userId, events: [event] } }
  }

  return {
    async ListInvitations(req) {
      const userId = requireId(req.user_id, 'userId')
      const { invitations } = await repo.ListInvitations({ invitee_id: userId, limit: LIST_MAX })
      const { users } = await repo.GetUsers({ user_ids: [...new Set(invitations.map((i) => i.inviter_id))] })
      const names = new Map(users.map((u) => [u.user_id, u.display_name]))
      return {
        invitations: invitations.map((i) => ({
          conversation_id: i.conversation_id,
          name: i.conversation_name,
          inviter_id: i.inviter_id,
          inviter_display_name: names.get(i.inviter_id) ?? '',
          created_at: i.created_at,
        })),
      }
    },

    async AcceptInvitation(req) {
      const { ref } = await answer(req, 'group.invitation.accepted')
      await repo.AcceptInvitation(ref)
      return { conversation_id: ref.conversation_id, added_user_ids: [ref.invitee_id], invited_user_ids: [] }
    },

    async DeclineInvitation(req) {
      const { ref } = await answer(req, 'group.invitation.declined')
      await repo.DeclineInvitation(ref)
      return {}
    },
  }
}
