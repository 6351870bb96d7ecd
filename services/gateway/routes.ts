// docs/protocol.md's REST table, one entry a route: path, status codes and bodies exactly as documented there.
import { AppError } from '../../src/core/errors.js'
import type { LogicApi, MessageApi } from '../../src/rpc/api.js'
import { bearer } from './token-cache.js'
import {
  attachmentView,
  conversationView,
  retentionView,
  groupAddsView,
  invitationView,
  memberView,
  meView,
  signedUrlView,
  userView,
} from './views.js'
import { fromApiMessage } from '../../src/contracts/codecs/api-message.js'

export interface RouteRequest {
  /** the authenticated user ('' on routes without auth) */
  userId: string
  body: Record<string, unknown>
  /** the path's captured segments, URL-decoded */
  params: string[]
  query: URLSearchParams
  headers: Record<string, string | string[] | undefined>
  /** the client's address as the per-address limits key it (rate-limit.ts clientKey); '' when unknown */
  client?: string
}

export interface RouteResult {
  status: number
  /** left out for 204 */
  body?: unknown
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  path: RegExp
  /** the route's name in metrics and logs */
  name: string
  auth: boolean
  /** limited by client IP (routes without auth): auth_rate_per_ip, or the admin path's own limit */
  perIp?: 'auth' | 'admin'
  run(req: RouteRequest): Promise<RouteResult>
}

export function str(body: Record<string, unknown>, field: string): string | undefined {
  const v = body[field]
  if (v === undefined || v === null) return undefined
  if (typeof v !== 'string') throw new AppError('bad_request', `${field} must be a string`)
  return v
}

function strings(body: Record<string, unknown>, field: string): string[] {
  const v = body[field] ?? []
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string'))
    throw new AppError('bad_request', `${field} must be an array of strings`)
  return v
}

export function int(value: unknown, field: string, fallback?: number): number {
  if ((value === undefined || value === null || value === '') && fallback !== undefined) return fallback
  const n = typeof value === 'string' ? Number(value) : value
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0)
    throw new AppError('bad_request', `${field} must be a non-negative integer`)
  return n
}

export const ok = (body: unknown = {}): RouteResult => ({ status: 200, body })
const created = (body: unknown = {}): RouteResult => ({ status: 201, body })
export const noContent: RouteResult = { status: 204 }
const session = (r: { user_id: string; token: string }) => ({ userId: r.user_id, token: r.token })

const SEG = '([^/]+)'
/** auth: true (a token) or, for routes without one, which per-IP limit applies */
export const route = (
  method: Route['method'],
  pattern: string,
  name: string,
  auth: boolean | 'auth' | 'admin',
  run: Route['run'],
): Route => ({
  method,
  path: new RegExp(`^${pattern.replace(/:\w+/g, SEG)}$`),
  name,
  auth: auth === true,
  ...(typeof auth === 'string' ? { perIp: auth } : {}),
  run,
})

export interface RouteHooks {
  /** after a logout: this gateway forgets the token and closes its sockets at once (others within seconds) */
  loggedOut?(token: string): void
  /** which of these users are online (presence); without it, everyone is reported offline */
  online?(userIds: string[]): Promise<Set<string>>
  /** throws rate_limited when this user or address has searched people too often (search-limit.ts) */
  searchLimit?(userId: string, client: string): Promise<void>
  /** throws rate_limited when this user has searched their history too often (search-limit.ts) */
  messageSearchLimit?(userId: string, client: string): Promise<void>
}

/** a JSON boolean field, or undefined when absent */
export function bool(body: Record<string, unknown>, field: string): boolean | undefined {
  const v = body[field]
  if (v === undefined || v === null) return undefined
  if (typeof v !== 'boolean') throw new AppError('bad_request', `${field} must be true or false`)
  return v
}

/** ids in one query parameter, comma-separated: at most `max`, each 1–128 characters */
function idList(query: URLSearchParams, field: string, max: number): string[] {
  const ids = [...new Set((query.get(field) ?? '').split(',').filter((s) => s !== ''))]
  if (ids.length === 0) throw new AppError('bad_request', `${field} is required: user ids separated by commas`)
  if (ids.length > max) throw new AppError('bad_request', `at most ${max} ids in ${field}`)
  if (ids.some((id) => id.length > 128 || id.trim() !== id))
    throw new AppError('bad_request', `${field} holds a malformed id`)
  return ids
}

export const USERS_PER_LOOKUP = 100

/** the admin secret header (the admin path, and group adds that skip consent and limits); '' without one */
const adminSecret = (headers: RouteRequest['headers']) => {
  const v = headers['x-gochat-admin-secret']
  return typeof v === 'string' ? v : ''
}

export function restRoutes(logic: LogicApi, messages: MessageApi, hooks: RouteHooks = {}): Route[] {
  return [
    route('POST', '/v1/auth/register', 'register', 'auth', async ({ body }) =>
      created(
        session(
          await logic.Register({
            username: str(body, 'username'),
            password: str(body, 'password'),
            display_name: str(body, 'displayName'),
          }),
        ),
      ),
    ),
    route('POST', '/v1/auth/login', 'login', 'auth', async ({ body }) =>
      ok(session(await logic.Login({ username: str(body, 'username'), password: str(body, 'password') }))),
    ),
    route('POST', '/v1/auth/guest', 'guest', 'auth', async ({ body }) =>
      created(session(await logic.Guest({ display_name: str(body, 'displayName') }))),
    ),

    route('POST', '/v1/auth/logout', 'logout', true, async ({ headers }) => {
      const token = bearer(typeof headers.authorization === 'string' ? headers.authorization : undefined) ?? ''
      await logic.Logout({ token })
      hooks.loggedOut?.(token)
      return noContent
    }),

    // a new token for the session, before the current one expires (docs/protocol.md)
    route('POST', '/v1/auth/refresh', 'refresh', true, async ({ headers }) => {
      const token = bearer(typeof headers.authorization === 'string' ? headers.authorization : undefined) ?? ''
      return ok(session(await logic.Refresh({ token })))
    }),

    route('GET', '/v1/me', 'me', true, async ({ userId }) => ok(meView(await logic.GetMe({ user_id: userId })))),
    route('PATCH', '/v1/me', 'update_me', true, async ({ userId, body }) => {
      const discoverable = bool(body, 'discoverable')
      return ok(
        meView(
          await logic.UpdateMe({
            user_id: userId,
            display_name: str(body, 'displayName'),
            ...(discoverable === undefined ? {} : { discoverable }),
          }),
        ),
      )
    }),

    route('GET', '/v1/users', 'users', true, async ({ userId, query, client }) => {
      if (query.has('q') === query.has('ids'))
        throw new AppError('bad_request', 'give either q (a search) or ids (a lookup)')
      if (query.has('q')) await hooks.searchLimit?.(userId, client ?? '')
      const res = query.has('ids')
        ? await logic.GetUsers({ user_id: userId, user_ids: idList(query, 'ids', USERS_PER_LOOKUP) })
        : await logic.SearchUsers({
            user_id: userId,
            query: query.get('q') ?? '',
            after_user_id: query.get('after') ?? '',
            limit: int(query.get('limit'), 'limit', 0),
          })
      return ok({ users: res.users.map(userView), ...(res.next_cursor ? { next: res.next_cursor } : {}) })
    }),
    route('GET', '/v1/users/presence', 'presence', true, async ({ userId, query }) => {
      const ids = idList(query, 'ids', USERS_PER_LOOKUP)
      // people who block each other see each other offline
      const [online, { user_ids: blocked }] = await Promise.all([
        hooks.online?.(ids) ?? new Set<string>(),
        logic.BlockedAmong({ user_id: userId, user_ids: ids }),
      ])
      const hidden = new Set(blocked)
      return ok({ presence: ids.map((id) => ({ userId: id, online: online.has(id) && !hidden.has(id) })) })
    }),

    route('POST', '/v1/conversations/direct', 'direct', true, async ({ userId, body }) => {
      const res = await logic.CreateDirect({ user_id: userId, peer_user_id: str(body, 'peerUserId') })
      return { status: res.created ? 201 : 200, body: { conversationId: res.conversation_id } }
    }),
    route('POST', '/v1/groups', 'create_group', true, async ({ userId, body, headers }) => {
      const res = await logic.CreateGroup({
        user_id: userId,
        name: str(body, 'name'),
        member_ids: strings(body, 'memberIds'),
        admin_secret: adminSecret(headers),
      })
      return created({ conversationId: res.conversation_id, ...groupAddsView(res) })
    }),
    route('POST', '/v1/groups/:id/members', 'add_members', true, async ({ userId, body, headers, params: [id] }) => {
      const res = await logic.AddGroupMembers({
        user_id: userId,
        conversation_id: id,
        user_ids: strings(body, 'userIds'),
        admin_secret: adminSecret(headers),
      })
      return ok(groupAddsView(res))
    }),
    route('GET', '/v1/invitations', 'invitations', true, async ({ userId }) => {
      const res = await logic.ListInvitations({ user_id: userId })
      return ok({ invitations: res.invitations.map(invitationView) })
    }),
    route('POST', '/v1/invitations/:id/accept', 'accept_invitation', true, async ({ userId, params: [id] }) => {
      const res = await logic.AcceptInvitation({ user_id: userId, conversation_id: id })
      return ok({ conversationId: res.conversation_id })
    }),
    route('POST', '/v1/uploads', 'create_upload', true, async ({ userId, body }) => {
      const res = await logic.CreateUpload({
        user_id: userId,
        kind: str(body, 'kind'),
        mime: str(body, 'mime'),
        size: int(body.size, 'size'),
        name: str(body, 'name'),
      })
      return created({ attachmentId: res.attachment_id, upload: signedUrlView(res.upload) })
    }),
    route('POST', '/v1/uploads/:id/complete', 'complete_upload', true, async ({ userId, params: [id] }) => {
      return ok(attachmentView(await logic.CompleteUpload({ user_id: userId, attachment_id: id })))
    }),
    route('GET', '/v1/attachments/:id/url', 'download_url', true, async ({ userId, params: [id], query }) => {
      const variant = query.get('variant') ?? ''
      return ok(signedUrlView(await logic.GetDownloadUrl({ user_id: userId, attachment_id: id, variant })))
    }),
    route('POST', '/v1/invitations/:id/decline', 'decline_invitation', true, async ({ userId, params: [id] }) => {
      await logic.DeclineInvitation({ user_id: userId, conversation_id: id })
      return noContent
    }),
    route(
      'DELETE',
      '/v1/groups/:id/members/:userId',
      'remove_member',
      true,
      async ({ userId, params: [id, memberId] }) => {
        await logic.RemoveGroupMember({ user_id: userId, conversation_id: id, member_id: memberId })
        return noContent
      },
    ),
    route('PUT', '/v1/groups/:id/announcement', 'announcement', true, async ({ userId, body, params: [id] }) => {
      await logic.SetAnnouncement({ user_id: userId, conversation_id: id, text: str(body, 'text') })
      return ok()
    }),
    route('GET', '/v1/conversations/:id/retention', 'retention', true, async ({ userId, params: [id] }) =>
      ok(retentionView(await logic.GetRetention({ user_id: userId, conversation_id: id }))),
    ),
    route('PUT', '/v1/conversations/:id/retention', 'retention', true, async ({ userId, body, params: [id] }) => {
      const res = await logic.SetRetention({
        user_id: userId,
        conversation_id: id,
        retention_days: int(body.retentionDays, 'retentionDays', 0),
        ttl_seconds: int(body.ttlSeconds, 'ttlSeconds', 0),
      })
      return ok(retentionView(res))
    }),
    route('GET', '/v1/conversations', 'conversations', true, async ({ userId }) => {
      const res = await logic.ListConversations({ user_id: userId })
      return ok({ conversations: res.conversations.map(conversationView) })
    }),

    route('GET', '/v1/conversations/:id/members', 'members', true, async ({ userId, query, params: [id] }) => {
      const res = await logic.ListGroupMembers({
        user_id: userId,
        conversation_id: id,
        after_user_id: query.get('after') ?? '',
        limit: int(query.get('limit'), 'limit', 0),
      })
      return ok({ members: res.members.map(memberView), ...(res.next_cursor ? { next: res.next_cursor } : {}) })
    }),

    route('POST', '/v1/conversations/:id/messages', 'send', true, async ({ userId, body, params: [id] }) => {
      const res = await messages.SendMessage({
        conversation_id: id,
        sender_user_id: userId,
        content: str(body, 'content'),
        idempotency_key: str(body, 'idempotencyKey'),
        kind: str(body, 'kind') ?? '',
        target_id: str(body, 'targetId') ?? '',
        reply_to: str(body, 'replyTo') ?? '',
        mentions: strings(body, 'mentions'),
        attachment_id: str(body, 'attachmentId') ?? '',
      })
      if (!res.message) throw new AppError('internal', 'no message in the answer')
      return ok({ messageId: res.message.message_id, seq: res.message.seq })
    }),
    route('GET', '/v1/conversations/:id/pins', 'pins', true, async ({ userId, params: [id] }) => {
      const res = await messages.ListPins({ conversation_id: id, actor_user_id: userId })
      return ok({ messages: res.messages.map(fromApiMessage) })
    }),
    route('GET', '/v1/search', 'search_messages', true, async ({ userId, query, client }) => {
      await hooks.messageSearchLimit?.(userId, client ?? '')
      const res = await messages.SearchMessages({
        actor_user_id: userId,
        query: query.get('q') ?? '',
        conversation_id: query.get('conversationId') ?? '',
        cursor: query.get('cursor') ?? '',
        page_size: int(query.get('limit'), 'limit', 0),
      })
      const hits = res.hits.map((h) => {
        if (!h.message) throw new AppError('internal', 'a search hit without its message')
        const highlights = h.highlights.flatMap((start, i) => (i % 2 ? [] : [[start, h.highlights[i + 1]!]]))
        return { message: fromApiMessage(h.message), snippet: h.snippet, highlights }
      })
      return ok({ hits, ...(res.next_cursor ? { next: res.next_cursor } : {}) })
    }),
    route('GET', '/v1/conversations/:id/messages', 'history', true, async ({ userId, query, params: [id] }) => {
      const res = await messages.SyncMessages({
        conversation_id: id,
        actor_user_id: userId,
        after_sequence: int(query.get('afterSeq'), 'afterSeq', 0),
        page_size: int(query.get('limit'), 'limit', 0),
      })
      return ok({ messages: res.messages.map(fromApiMessage), hasMore: res.has_more })
    }),
    route(
      'POST',
      '/v1/conversations/:id/messages/:messageId/recall',
      'recall',
      true,
      async ({ userId, params: [id, messageId] }) => {
        await messages.RecallMessage({ user_id: userId, conversation_id: id, message_id: messageId })
        return ok()
      },
    ),
    route(
      'DELETE',
      '/v1/conversations/:id/messages/:messageId',
      'delete_message',
      true,
      async ({ userId, query, params: [id, messageId] }) => {
        const mode = query.get('mode') ?? 'soft'
        if (mode !== 'soft' && mode !== 'hard') throw new AppError('bad_request', 'mode must be soft or hard')
        await messages.DeleteMessage({
          conversation_id: id,
          message_id: messageId,
          actor_user_id: userId,
          hard: mode === 'hard',
        })
        return noContent
      },
    ),
    route('POST', '/v1/conversations/:id/read', 'read', true, async ({ userId, body, params: [id] }) => {
      await messages.MarkRead({ user_id: userId, conversation_id: id, seq: int(body.seq, 'seq') })
      return ok()
    }),

    route('POST', '/v1/friends/requests', 'friend_request', true, async ({ userId, body }) => {
      await logic.RequestFriend({ user_id: userId, peer_user_id: str(body, 'userId') })
      return created()
    }),
    // Admin path (not part of docs/protocol.md's client contract): bulk users for operators and benchmarks.
    route('POST', '/v1/admin/users/bulk', 'admin_bulk_users', 'admin', async ({ body, headers }) => {
      const res = await logic.BulkCreateUsers({
        admin_secret: adminSecret(headers),
        count: int(body.count, 'count'),
        name_prefix: str(body, 'namePrefix') ?? 'bench',
      })
      return created({ users: res.users.map((u) => ({ userId: u.user_id, token: u.token })) })
    }),
    route(
      'POST',
      '/v1/friends/requests/:fromUserId/accept',
      'friend_accept',
      true,
      async ({ userId, params: [from] }) => {
        await logic.AcceptFriend({ user_id: userId, peer_user_id: from })
        return ok()
      },
    ),
  ]
}
