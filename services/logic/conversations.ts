// Direct conversations and groups: who may create, join, leave and announce, and the events that tell the
// people concerned (group.invited, group.invitation.created, group.announcement.updated on gochat.notifications;
// group.admin.promoted on gochat.message-events). Who is added and who invited: group-adds.ts.
import { AppError } from '../../src/core/errors.js'
import { groupEvent, notification } from '../../src/contracts/events.js'
import type { Member__Output } from '../../src/contracts/generated/gochat/repo/v1/Member.js'
import type { LogicApi, RepoApi } from '../../src/rpc/api.js'
import type { LogicDeps } from './deps.js'
import { requireGroupAdmin, requireGroupMember, requireMember, requireUsers } from './access.js'
import { outboxEvent } from './domain-events.js'
import type { GroupAdder } from './group-adds.js'
import { distinctIds, requireId, requireText } from './validate.js'
import { refuseBlocked } from './moderation.js'

export const GROUP_NAME_MAX = 100
export const ANNOUNCEMENT_MAX = 4096
const MEMBER_PAGE = 1000
export const MEMBERS_LIST_DEFAULT = 100
export const MEMBERS_LIST_MAX = 500

type ConversationApi = Pick<
  LogicApi,
  | 'CreateDirect'
  | 'CreateGroup'
  | 'AddGroupMembers'
  | 'RemoveGroupMember'
  | 'SetAnnouncement'
  | 'ListConversations'
  | 'ListGroupMembers'
>

async function allMembers(repo: RepoApi, conversationId: string): Promise<Member__Output[]> {
  const members: Member__Output[] = []
  let cursor = ''
  do {
    const page = await repo.ListMembers({ conversation_id: conversationId, after_user_id: cursor, limit: MEMBER_PAGE })
    members.push(...page.members)
    cursor = page.next_cursor
  } while (cursor)
  return members
}

const allMemberIds = async (repo: RepoApi, conversationId: string) =>
  (await allMembers(repo, conversationId)).map((m) => m.user_id)

/** the member to promote when `leaving` goes: the oldest other member if no other admin remains (src/ports/last-admin.ts) */
async function successorOf(repo: RepoApi, conversationId: string, leaving: Member__Output): Promise<string> {
  if (leaving.role !== 'admin') return ''
  const others = (await allMembers(repo, conversationId)).filter((m) => m.user_id !== leaving.user_id)
  if (others.length === 0 || others.some((m) => m.role === 'admin')) return ''
  const joined = (m: Member__Output) => Number(m.joined_at)
  others.sort((a, b) => joined(a) - joined(b) || (a.user_id < b.user_id ? -1 : 1))
  return others[0]!.user_id
}

/** a removal that would leave a group without an admin races another; asked again this many times */
const REMOVE_ATTEMPTS = 3

export function createConversations(deps: LogicDeps, adder: GroupAdder): ConversationApi {
  const { repo } = deps

  return {
    async CreateDirect(req) {
      const userId = requireId(req.user_id, 'userId')
      const peerId = requireId(req.peer_user_id, 'peerUserId')
      if (peerId === userId) throw new AppError('bad_request', 'cannot start a direct conversation with yourself')
      // the caller too: a validly signed token of a user that does not exist (another deployment's, a wiped
      // database's) must not create conversations, and once it cannot, it cannot send either (sends need membership)
      await requireUsers(repo, [peerId, userId])
      await refuseBlocked(repo, userId, [peerId])
      // repo keys direct conversations by the unordered pair, so both sides get the same id every time
      const { conversation, created } = await repo.EnsureDirectConversation({ user_a: userId, user_b: peerId })
      if (!conversation) throw new AppError('internal', 'repo returned no conversation')
      return { conversation_id: conversation.conversation_id, created }
    },

    async CreateGroup(req) {
      const userId = requireId(req.user_id, 'userId')
      const name = requireText(req.name, 'name', GROUP_NAME_MAX)
      const memberIds = distinctIds(req.member_ids, 'memberIds').filter((id) => id !== userId)
      await requireUsers(repo, [userId, ...memberIds]) // the creator too, in the same call
      return adder.admitted(userId, memberIds.length, req.admin_secret, async (admin) => {
        // repo assigns the id that the events carry, so the group starts with its creator alone and the others
        // join (or are invited) through AddMembers and InviteMembers, whose transactions write their events
        const conv = await repo.CreateGroup({ name, creator_id: userId, member_ids: [] })
        const { added, invited } = await adder.apply({
          actor: userId,
          conversationId: conv.conversation_id,
          name,
          userIds: memberIds,
          admin,
        })
        return { conversation_id: conv.conversation_id, added_user_ids: added, invited_user_ids: invited }
      })
    },

    async AddGroupMembers(req) {
      const userId = requireId(req.user_id, 'userId')
      const conversationId = requireId(req.conversation_id, 'conversationId')
      const userIds = distinctIds(req.user_ids, 'userIds')
      if (userIds.length === 0) throw new AppError('bad_request', 'userIds is empty')
      const { conversation } = await requireGroupAdmin(repo, conversationId, userId)
      await requireUsers(repo, userIds)
      return adder.admitted(userId, userIds.length, req.admin_secret, async (admin) => {
        const { added, invited } = await adder.apply({
          actor: userId,
          conversationId,
          name: conversation.name,
          userIds,
          admin,
        })
        return { added_user_ids: added, invited_user_ids: invited }
      })
    },

    async RemoveGroupMember(req) {
      const userId = requireId(req.user_id, 'userId')
      const conversationId = requireId(req.conversation_id, 'conversationId')
      const memberId = requireId(req.member_id, 'memberId')
      const { member } = await requireGroupMember(repo, conversationId, userId)
      if (memberId !== userId && member.role !== 'admin')
        throw new AppError('not_admin', 'only group admins may remove other members')
      if (memberId !== userId) {
        await requireMember(repo, conversationId, memberId).catch((err: unknown) => {
          throw err instanceof AppError && err.code === 'not_member' ? new AppError('not_found', 'no such member') : err
        })
      }
      // the last admin's going promotes the oldest member, told to every member by group.admin.promoted; repo
      // refuses (conflict) when a concurrent change made another choice necessary, and the choice is made again
      for (let attempt = 1; ; attempt++) {
        const leaving =
          memberId === userId ? member : await repo.GetMember({ conversation_id: conversationId, user_id: memberId })
        const promote = await successorOf(repo, conversationId, leaving)
        const events = promote
          ? [
              outboxEvent(
                deps.topics.messageEvents,
                groupEvent('group.admin.promoted', conversationId, userId, {
                  user_id: promote,
                  previous_admin_id: memberId,
                }),
              ),
            ]
          : []
        try {
          await repo.RemoveMember({
            conversation_id: conversationId,
            user_id: memberId,
            promote_user_id: promote,
            events,
          })
          return {}
        } catch (err) {
          if (!(err instanceof AppError && err.code === 'conflict') || attempt >= REMOVE_ATTEMPTS) throw err
        }
      }
    },

    async SetAnnouncement(req) {
      const userId = requireId(req.user_id, 'userId')
      const conversationId = requireId(req.conversation_id, 'conversationId')
      if (typeof req.text !== 'string') throw new AppError('bad_request', 'text is required')
      // an empty text clears the announcement
      const text = req.text.trim()
      if (text.length > ANNOUNCEMENT_MAX)
        throw new AppError('bad_request', `text is longer than ${ANNOUNCEMENT_MAX} characters`)
      await requireGroupAdmin(repo, conversationId, userId)
      const members = await allMemberIds(repo, conversationId)
      const events = members.map((id) =>
        outboxEvent(
          deps.topics.notifications,
          notification('group.announcement.updated', id, {
            conversation_id: conversationId,
            text,
            operator_id: userId,
          }),
        ),
      )
      await repo.SetAnnouncement({ conversation_id: conversationId, text, events })
      return {}
    },

    async ListConversations(req) {
      const userId = requireId(req.user_id, 'userId')
      const [{ conversations }, { conversation_ids: mutedIds }] = await Promise.all([
        repo.ListUserConversations({ user_id: userId }),
        repo.MutedConversations({ user_id: userId }),
      ])
      const muted = new Set(mutedIds)
      // the peers' names in one call (chunked): titles of direct conversations
      const peerIds = [...new Set(conversations.flatMap((v) => (v.peer_user_id ? [v.peer_user_id] : [])))]
      const names = new Map<string, string>()
      for (let i = 0; i < peerIds.length; i += MEMBER_PAGE) {
        const { users } = await repo.GetUsers({ user_ids: peerIds.slice(i, i + MEMBER_PAGE) })
        for (const u of users) names.set(u.user_id, u.display_name)
      }
      return {
        conversations: conversations.flatMap(({ conversation: c, read_seq, role, peer_user_id, peer_read_seq }) =>
          c
            ? [
                {
                  conversation_id: c.conversation_id,
                  kind: c.kind,
                  name: c.name,
                  last_seq: c.last_seq,
                  read_seq,
                  role,
                  announcement: c.announcement,
                  peer_user_id,
                  peer_display_name: names.get(peer_user_id) ?? '',
                  peer_read_seq,
                  muted: muted.has(c.conversation_id),
                },
              ]
            : [],
        ),
      }
    },

    async ListGroupMembers(req) {
      const userId = requireId(req.user_id, 'userId')
      const conversationId = requireId(req.conversation_id, 'conversationId')
      await requireMember(repo, conversationId, userId)
      const limit = Math.min(req.limit || MEMBERS_LIST_DEFAULT, MEMBERS_LIST_MAX)
      if (limit < 1) throw new AppError('bad_request', 'limit must be positive')
      const page = await repo.ListMembers({
        conversation_id: conversationId,
        after_user_id: req.after_user_id ?? '',
        limit,
      })
      const { users } = await repo.GetUsers({ user_ids: page.members.map((m) => m.user_id) })
      const names = new Map(users.map((u) => [u.user_id, u.display_name]))
      return {
        members: page.members.map((m) => ({
          user_id: m.user_id,
          display_name: names.get(m.user_id) ?? '',
          role: m.role,
        })),
        next_cursor: page.next_cursor,
      }
    },
  }
}
