// Moderation (proto: Block … ListBans; src/ports/moderation.ts): blocks, conversation mutes, member mutes and
// bans. Logic decides who may do what (services/logic/moderation.ts); repo stores it, with the events of admin
// actions in the same transaction.
import { AppError } from '../../src/core/errors.js'
import type { RepoApi } from '../../src/rpc/api.js'
import { committer, id, type RepoServiceDeps } from './deps.js'
import { int, outboxOf, required } from './wire.js'

const LIST_DEFAULT = 100
const LIST_MAX = 500
const AMONG_MAX = 10_000

export function moderationHandlers(
  deps: RepoServiceDeps,
): Pick<
  RepoApi,
  | 'Block'
  | 'Unblock'
  | 'ListBlocks'
  | 'BlockedAmong'
  | 'SetConversationMuted'
  | 'MutedConversations'
  | 'MutedAmong'
  | 'SetMemberMute'
  | 'SetBan'
  | 'BannedAmong'
  | 'ListBans'
> {
  const { store, memberPages } = deps
  const m = store.moderation
  const committed = committer(deps)
  const limitOf = (n: unknown) => Math.min(int(n as number) || LIST_DEFAULT, LIST_MAX)
  const among = (req: { subject_id?: string; user_ids?: string[] }) => {
    const ids = [...new Set(req.user_ids ?? [])]
    if (ids.length > AMONG_MAX) throw new AppError('bad_request', `at most ${AMONG_MAX} user ids a call`)
    return [required(req.subject_id, 'subject_id'), ids] as const
  }

  return {
    async Block(req) {
      const row = {
        userId: id(req.user_id, 'user_id'),
        blockedId: id(req.blocked_id, 'blocked_id'),
        createdAt: Date.now(),
      }
      return { changed: await m.block(row) }
    },
    async Unblock(req) {
      return { changed: await m.unblock(required(req.user_id, 'user_id'), required(req.blocked_id, 'blocked_id')) }
    },
    async ListBlocks(req) {
      const rows = await m.listBlocks(required(req.user_id, 'user_id'), limitOf(req.limit))
      return { blocks: rows.map((b) => ({ user_id: b.userId, blocked_id: b.blockedId, created_at: b.createdAt })) }
    },
    async BlockedAmong(req) {
      return { user_ids: [...(await m.blockedAmong(...among(req)))] }
    },
    async SetConversationMuted(req) {
      const userId = required(req.user_id, 'user_id')
      return { changed: await m.setConversationMuted(userId, id(req.conversation_id, 'conversation_id'), !!req.muted) }
    },
    async MutedConversations(req) {
      return { conversation_ids: [...(await m.mutedConversations(required(req.user_id, 'user_id')))] }
    },
    async MutedAmong(req) {
      return { user_ids: [...(await m.mutedAmong(...among(req)))] }
    },
    async SetMemberMute(req) {
      const conversationId = required(req.conversation_id, 'conversation_id')
      const userId = required(req.user_id, 'user_id')
      const until = int(req.until)
      const outbox = outboxOf(req.events)
      if (until > 0) {
        if (!(await m.muteMember(conversationId, userId, until, outbox)))
          throw new AppError('not_found', `${userId} is not a member of ${conversationId}`)
        return committed(outbox, { changed: true })
      }
      const changed = await m.unmuteMember(conversationId, userId, outbox)
      return committed(changed ? outbox : [], { changed })
    },
    async SetBan(req) {
      const conversationId = required(req.conversation_id, 'conversation_id')
      const userId = required(req.user_id, 'user_id')
      const outbox = outboxOf(req.events)
      const changed = req.banned_by
        ? await m.ban({ conversationId, userId, bannedBy: req.banned_by, createdAt: Date.now() }, outbox)
        : await m.unban(conversationId, userId, outbox)
      // a ban removes the member: the cached member pages (fanout) must not name them any more
      if (changed && req.banned_by) await memberPages.invalidate(conversationId)
      return committed(changed ? outbox : [], { changed })
    },
    async BannedAmong(req) {
      return { user_ids: [...(await m.bannedAmong(...among(req)))] }
    },
    async ListBans(req) {
      const rows = await m.listBans(required(req.conversation_id, 'conversation_id'), limitOf(req.limit))
      return {
        bans: rows.map((b) => ({
          conversation_id: b.conversationId,
          user_id: b.userId,
          banned_by: b.bannedBy,
          created_at: b.createdAt,
        })),
      }
    },
  }
}
