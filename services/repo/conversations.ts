// Conversations: the one direct conversation of two users, groups, announcements, a user's conversations.
import { createHash } from 'node:crypto'
import { AppError } from '../../src/core/errors.js'
import type { RepoApi } from '../../src/rpc/api.js'
import { LIMITS, maxLength } from '../../src/contracts/limits.js'
import { committer, id, newId, type RepoServiceDeps } from './deps.js'
import { conversationOut, outboxOf, required, str } from './wire.js'
import { servedAsBatch } from '../../src/rpc/batch.js'

const DIRECT_PEERS_MAX = 1_000

/** the same pair of users, in either order, always gets the same conversation id */
export const directConversationId = (a: string, b: string) =>
  `d_${createHash('sha256').update([a, b].sort().join('\u0000')).digest('hex').slice(0, 32)}`

export function conversationHandlers(
  deps: RepoServiceDeps,
): Pick<
  RepoApi,
  | 'EnsureDirectConversation'
  | 'CreateGroup'
  | 'GetConversation'
  | 'SetAnnouncement'
  | 'ListUserConversations'
  | 'ListDirectPeers'
  | 'ListDirectPeersMany'
> {
  const { store } = deps
  const committed = committer(deps)
  const listDirectPeers = async (req: Parameters<RepoApi['ListDirectPeers']>[0]) => {
    const userId = required(req.user_id, 'user_id')
    const peers = await store.directPeers(userId, Math.min(Math.max(req.limit ?? 0, 1), DIRECT_PEERS_MAX))
    // presence and profile events never cross a block, either way
    const blocked = peers.length ? await store.moderation.blockedAmong(userId, peers) : new Set<string>()
    return { user_ids: blocked.size ? peers.filter((p) => !blocked.has(p)) : peers }
  }
  const peersBatch = servedAsBatch('ListDirectPeersMany', listDirectPeers)

  return {
    async EnsureDirectConversation(req) {
      const a = id(req.user_a, 'user_a')
      const b = id(req.user_b, 'user_b')
      if (a === b) throw new AppError('bad_request', 'a direct conversation needs two different users')
      const conversationId = directConversationId(a, b)
      let created = false
      if (!(await store.getConversation(conversationId))) {
        const now = Date.now()
        const members = [a, b].map((userId) => ({ conversationId, userId, role: 'member' as const, joinedAt: now }))
        // false when a concurrent call created it first: then it exists just the same
        created = await store.createConversation(
          { conversationId, kind: 'direct', name: '', announcement: '', createdAt: now },
          members,
          [],
        )
      }
      const conversation = await store.getConversation(conversationId)
      return { conversation: conversationOut(conversation!), created }
    },

    async CreateGroup(req) {
      const creator = id(req.creator_id, 'creator_id')
      const name = maxLength(str(req.name), LIMITS.name, 'name')
      const conversationId = newId('g_')
      const now = Date.now()
      const others = [...new Set(req.member_ids ?? [])].filter((u) => u !== creator).map((u) => id(u, 'member_ids[]'))
      const members = [
        { conversationId, userId: creator, role: 'admin' as const, joinedAt: now },
        ...others.map((userId) => ({ conversationId, userId, role: 'member' as const, joinedAt: now })),
      ]
      const outbox = outboxOf(req.events)
      await store.createConversation(
        { conversationId, kind: 'group', name, announcement: '', createdAt: now },
        members,
        outbox,
      )
      return committed(
        outbox,
        conversationOut({
          conversationId,
          kind: 'group',
          name,
          announcement: '',
          memberCount: members.length,
          createdAt: now,
          lastSeq: 0,
        }),
      )
    },

    async GetConversation(req) {
      const conversationId = required(req.conversation_id, 'conversation_id')
      const c = await store.getConversation(conversationId)
      if (!c) throw new AppError('not_found', `conversation ${conversationId} not found`)
      return conversationOut(c)
    },

    async SetAnnouncement(req) {
      const conversationId = required(req.conversation_id, 'conversation_id')
      const text = str(req.text)
      if (Buffer.byteLength(text) > LIMITS.announcementBytes)
        throw new AppError('too_large', `announcement is larger than ${LIMITS.announcementBytes} bytes`)
      const outbox = outboxOf(req.events)
      const c = await store.setAnnouncement(conversationId, text, outbox)
      if (!c) throw new AppError('not_found', `conversation ${conversationId} not found`)
      return committed(outbox, conversationOut(c))
    },

    async ListUserConversations(req) {
      const userId = required(req.user_id, 'user_id')
      const list = await store.listUserConversations(userId)
      return {
        conversations: list.map((v) => ({
          conversation: conversationOut(v.conversation),
          read_seq: v.readSeq,
          role: v.role,
          peer_user_id: v.peer?.userId ?? '',
          peer_read_seq: v.peer?.readSeq ?? 0,
        })),
      }
    },

    ListDirectPeers: listDirectPeers,

    async ListDirectPeersMany(req) {
      return { results: await peersBatch(req.requests ?? []) }
    },
  }
}
