// docs/protocol.md#moderation's REST routes: blocks, conversation mutes, and group admins' member mutes and bans.
import type { BlockedUser__Output } from '../../src/contracts/generated/gochat/logic/v1/BlockedUser.js'
import type { BannedUser__Output } from '../../src/contracts/generated/gochat/logic/v1/BannedUser.js'
import type { LogicApi } from '../../src/rpc/api.js'
import { bool, int, noContent, ok, type Route, route, str } from './routes.js'

const blockView = (b: BlockedUser__Output) => ({
  userId: b.user_id,
  displayName: b.display_name,
  blockedAt: b.blocked_at,
})
const banView = (b: BannedUser__Output) => ({ userId: b.user_id, bannedBy: b.banned_by, bannedAt: b.banned_at })

export function moderationRoutes(logic: LogicApi): Route[] {
  return [
    route('GET', '/v1/blocks', 'blocks', true, async ({ userId }) =>
      ok({ blocks: (await logic.ListBlocks({ user_id: userId })).blocks.map(blockView) }),
    ),
    route('POST', '/v1/blocks', 'block', true, async ({ userId, body }) => {
      await logic.BlockUser({ user_id: userId, peer_user_id: str(body, 'userId') })
      return noContent
    }),
    route('DELETE', '/v1/blocks/:userId', 'unblock', true, async ({ userId, params: [peer] }) => {
      await logic.UnblockUser({ user_id: userId, peer_user_id: peer })
      return noContent
    }),
    route('PUT', '/v1/conversations/:id/mute', 'mute_conversation', true, async ({ userId, body, params: [id] }) => {
      const muted = bool(body, 'muted') ?? true
      await logic.MuteConversation({ user_id: userId, conversation_id: id, muted })
      return ok({ muted })
    }),
    route('POST', '/v1/groups/:id/mutes', 'mute_member', true, async ({ userId, body, params: [id] }) => {
      const res = await logic.MuteMember({
        user_id: userId,
        conversation_id: id,
        member_id: str(body, 'userId'),
        seconds: int(body.seconds, 'seconds'),
      })
      return ok({ mutedUntil: res.until })
    }),
    route('DELETE', '/v1/groups/:id/mutes/:userId', 'unmute_member', true, async ({ userId, params: [id, member] }) => {
      await logic.MuteMember({ user_id: userId, conversation_id: id, member_id: member, seconds: 0 })
      return noContent
    }),
    route('GET', '/v1/groups/:id/bans', 'bans', true, async ({ userId, params: [id] }) =>
      ok({ bans: (await logic.ListBans({ user_id: userId, conversation_id: id })).bans.map(banView) }),
    ),
    route('POST', '/v1/groups/:id/bans', 'ban_member', true, async ({ userId, body, params: [id] }) => {
      await logic.BanMember({ user_id: userId, conversation_id: id, member_id: str(body, 'userId') })
      return noContent
    }),
    route('DELETE', '/v1/groups/:id/bans/:userId', 'unban_member', true, async ({ userId, params: [id, member] }) => {
      await logic.UnbanMember({ user_id: userId, conversation_id: id, member_id: member })
      return noContent
    }),
  ]
}
