// Moderation (issue 28, docs/protocol.md#moderation). Blocks work both ways: no direct messages, no new direct
// conversation, no presence and no people search between the two. A user mutes a conversation for themself (no
// offline push, services/task/push/worker.ts). Group admins mute a member for a time (their sends are refused
// `muted`) and ban members (removed, and not re-added or re-invited by anyone but an admin). Every admin action is
// written with an audit event (src/contracts/audit.ts) and a group event in the same repo transaction.
import { auditEvent, auditRecord } from '../../src/contracts/audit.js'
import { groupEvent } from '../../src/contracts/events.js'
import { AppError } from '../../src/core/errors.js'
import type { OutboxEvent } from '../../src/contracts/generated/gochat/repo/v1/OutboxEvent.js'
import type { LogicApi, RepoApi } from '../../src/rpc/api.js'
import { requireGroupAdmin, requireMember, requireUser } from './access.js'
import type { LogicDeps } from './deps.js'
import { outboxEvent } from './domain-events.js'
import { distinctIds, requireId, toInt } from './validate.js'

export const MEMBER_MUTE_MAX_SECONDS = 30 * 24 * 3600
const LIST_MAX = 500

/** refuses `blocked` when the user and any of `peers` block each other, either way */
export async function refuseBlocked(repo: RepoApi, userId: string, peers: string[]): Promise<void> {
  if (peers.length === 0) return
  const { user_ids } = await repo.BlockedAmong({ subject_id: userId, user_ids: peers })
  if (user_ids.length) throw new AppError('blocked', 'you and this user block each other (or one of you does)')
}

/** which of `userIds` are banned from the group */
export async function bannedAmong(repo: RepoApi, conversationId: string, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set()
  return new Set((await repo.BannedAmong({ subject_id: conversationId, user_ids: userIds })).user_ids)
}

export type AdminAction =
  | 'group.member.banned'
  | 'group.member.unbanned'
  | 'group.member.muted'
  | 'group.member.unmuted'

/** the group event for the members and the audit event of an admin action, written with the change */
export const adminEvents = (
  deps: Pick<LogicDeps, 'topics'>,
  action: AdminAction,
  conversationId: string,
  actor: string,
  target: string,
  details: Record<string, unknown> = {},
): OutboxEvent[] => [
  outboxEvent(deps.topics.messageEvents, groupEvent(action, conversationId, actor, { user_id: target, ...details })),
  {
    topic: deps.topics.audit,
    ...auditRecord(auditEvent({ actor, action, target, details: { conversation_id: conversationId, ...details } })),
  },
]

/**
 * Bans stop adds and invitations: by a non-admin they are refused `banned`; an admin naming a banned user lifts
 * the ban (recorded as an unban) before the add.
 */
export async function admitBanned(
  deps: LogicDeps,
  o: { actor: string; conversationId: string; userIds: string[]; admin: boolean },
): Promise<void> {
  const banned = await bannedAmong(deps.repo, o.conversationId, o.userIds)
  if (banned.size === 0) return
  const role = o.admin ? 'admin' : (await requireMember(deps.repo, o.conversationId, o.actor)).role
  if (role !== 'admin')
    throw new AppError('banned', `${[...banned][0]} is banned from this group: only an admin may add them back`)
  for (const target of banned)
    await deps.repo.SetBan({
      conversation_id: o.conversationId,
      user_id: target,
      banned_by: '',
      events: adminEvents(deps, 'group.member.unbanned', o.conversationId, o.actor, target),
    })
}

export function createModeration(
  deps: LogicDeps,
  nowMs: () => number = Date.now,
): Pick<
  LogicApi,
  | 'BlockUser'
  | 'UnblockUser'
  | 'ListBlocks'
  | 'BlockedAmong'
  | 'MuteConversation'
  | 'MuteMember'
  | 'BanMember'
  | 'UnbanMember'
  | 'ListBans'
> {
  const { repo } = deps

  const events = (
    action: AdminAction,
    group: string,
    actor: string,
    target: string,
    details?: Record<string, unknown>,
  ) => adminEvents(deps, action, group, actor, target, details)

  /** the admin, the group and the member acted on (never the admin themself) */
  async function adminAction(req: { user_id?: string; conversation_id?: string; member_id?: string }) {
    const actor = requireId(req.user_id, 'userId')
    const conversationId = requireId(req.conversation_id, 'conversationId')
    const target = requireId(req.member_id, 'userId')
    await requireGroupAdmin(repo, conversationId, actor)
    if (target === actor) throw new AppError('bad_request', 'an admin cannot do this to themself')
    return { actor, conversationId, target }
  }

  /** admins are not muted or banned by each other */
  async function refuseAdmin(conversationId: string, target: string): Promise<boolean> {
    try {
      const m = await repo.GetMember({ conversation_id: conversationId, user_id: target })
      if (m.role === 'admin') throw new AppError('forbidden', 'group admins cannot be muted or banned')
      return true
    } catch (err) {
      if (err instanceof AppError && err.code === 'not_found') return false
      throw err
    }
  }

  return {
    async BlockUser(req) {
      const userId = requireId(req.user_id, 'userId')
      const peerId = requireId(req.peer_user_id, 'userId')
      if (peerId === userId) throw new AppError('bad_request', 'you cannot block yourself')
      await requireUser(repo, peerId)
      await repo.Block({ user_id: userId, blocked_id: peerId })
      return {}
    },

    async UnblockUser(req) {
      const userId = requireId(req.user_id, 'userId')
      await repo.Unblock({ user_id: userId, blocked_id: requireId(req.peer_user_id, 'userId') })
      return {}
    },

    async ListBlocks(req) {
      const userId = requireId(req.user_id, 'userId')
      const { blocks } = await repo.ListBlocks({ user_id: userId, limit: LIST_MAX })
      const ids = blocks.map((b) => b.blocked_id)
      const { users } = ids.length ? await repo.GetUsers({ user_ids: ids }) : { users: [] }
      const names = new Map(users.map((u) => [u.user_id, u.display_name]))
      return {
        blocks: blocks.map((b) => ({
          user_id: b.blocked_id,
          display_name: names.get(b.blocked_id) ?? '',
          blocked_at: b.created_at,
        })),
      }
    },

    async BlockedAmong(req) {
      const userId = requireId(req.user_id, 'userId')
      const ids = distinctIds(req.user_ids, 'ids')
      if (ids.length === 0) return { user_ids: [] }
      return { user_ids: (await repo.BlockedAmong({ subject_id: userId, user_ids: ids })).user_ids }
    },

    async MuteConversation(req) {
      const userId = requireId(req.user_id, 'userId')
      const conversationId = requireId(req.conversation_id, 'conversationId')
      await requireMember(repo, conversationId, userId)
      await repo.SetConversationMuted({ user_id: userId, conversation_id: conversationId, muted: !!req.muted })
      return {}
    },

    async MuteMember(req) {
      const { actor, conversationId, target } = await adminAction(req)
      const seconds = toInt(req.seconds, 'seconds')
      if (seconds < 0 || seconds > MEMBER_MUTE_MAX_SECONDS)
        throw new AppError('bad_request', `seconds must be 0 (unmute) to ${MEMBER_MUTE_MAX_SECONDS}`)
      if (!(await refuseAdmin(conversationId, target))) throw new AppError('not_found', 'not a member of this group')
      if (seconds === 0) {
        await repo.SetMemberMute({
          conversation_id: conversationId,
          user_id: target,
          until: 0,
          events: events('group.member.unmuted', conversationId, actor, target),
        })
        return { until: 0 }
      }
      const until = nowMs() + seconds * 1000
      await repo.SetMemberMute({
        conversation_id: conversationId,
        user_id: target,
        until,
        events: events('group.member.muted', conversationId, actor, target, { until }),
      })
      return { until }
    },

    async BanMember(req) {
      const { actor, conversationId, target } = await adminAction(req)
      await requireUser(repo, target)
      await refuseAdmin(conversationId, target)
      await repo.SetBan({
        conversation_id: conversationId,
        user_id: target,
        banned_by: actor,
        events: events('group.member.banned', conversationId, actor, target),
      })
      return {}
    },

    async UnbanMember(req) {
      const { actor, conversationId, target } = await adminAction(req)
      await repo.SetBan({
        conversation_id: conversationId,
        user_id: target,
        banned_by: '',
        events: events('group.member.unbanned', conversationId, actor, target),
      })
      return {}
    },

    async ListBans(req) {
      const actor = requireId(req.user_id, 'userId')
      const conversationId = requireId(req.conversation_id, 'conversationId')
      await requireGroupAdmin(repo, conversationId, actor)
      const { bans } = await repo.ListBans({ conversation_id: conversationId, limit: LIST_MAX })
      return { bans: bans.map((b) => ({ user_id: b.user_id, banned_by: b.banned_by, banned_at: b.created_at })) }
    },
  }
}
