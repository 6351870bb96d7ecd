// RepoService over the store and cache ports: every method of proto/gochat/repo/v1/repo.proto.
//
// Events that come with a mutation go to the outbox in the mutation's transaction, and only when the mutation
// changed something (members added, a read cursor moved, …); the relay is woken after each such commit.
import { createHash, randomBytes } from 'node:crypto'
import { topicName, type GochatConfig } from '../../src/config/index.js'
import { AppError } from '../../src/core/errors.js'
import { encode, type DispatchMessage } from '../../src/contracts/payloads.js'
import type { Logger } from '../../src/observability/log.js'
import { currentTraceId, traceHeaders } from '../../src/observability/tracing.js'
import type { Cache } from '../../src/ports/cache.js'
import type { MemberRole, MemberRow, MessageDraft, MessageRow, OutboxRecord, Store, UserRow } from '../../src/ports/store.js'
import { byGateway, type Presence } from '../../src/presence/presence.js'
import type { RepoApi } from '../../src/rpc/api.js'
import type { CreateUserRequest } from '../../src/contracts/generated/gochat/repo/v1/CreateUserRequest.js'
import type { MemberPages } from './member-pages.js'
import { messagesStored, storeMessageDuration } from './metrics.js'
import { nextSeq } from './seq.js'
import { conversationOut, int, memberOut, messageOut, outboxOf, payloadMessage, required, str, userOut } from './wire.js'

/** seqs reserved in MySQL at a time by async persistence: one write per this many messages of a conversation */
export const SEQ_RESERVE_BLOCK = 100

export interface RepoServiceDeps {
  cfg: Pick<GochatConfig, 'topic_prefix'>
  store: Store
  cache: Cache
  presence: Presence
  memberPages: MemberPages
  /** called after a commit that may have written outbox rows (wakes the relay) */
  onOutbox: () => void
  log: Logger
}

const MEMBER_PAGE_DEFAULT = 100
const MEMBER_PAGE_MAX = 10_000
const FIND_USERS_MAX = 10_000
const SEARCH_USERS_MAX = 100
const DIRECT_PEERS_MAX = 1_000
const SYNC_PAGE_DEFAULT = 50
const SYNC_PAGE_MAX = 1_000
// the column sizes of src/drivers/mysql/migrations/001_initial.sql, checked here so that both stores agree
const LIMITS = { id: 64, username: 64, displayName: 128, name: 255, idempotencyKey: 128, announcementBytes: 65_535 }

/** how long a (conversation, sender, idempotency key) of an async-persisted send is remembered */
const IDEMPOTENCY_TTL_MS = 24 * 3_600_000
const newId = (prefix: string) => `${prefix}${randomBytes(12).toString('base64url')}`

/** the same pair of users, in either order, always gets the same conversation id */
export const directConversationId = (a: string, b: string) =>
  `d_${createHash('sha256').update([a, b].sort().join('\u0000')).digest('hex').slice(0, 32)}`

function maxLength(value: string, max: number, name: string): string {
  if (value.length > max) throw new AppError('bad_request', `${name} is longer than ${max} characters`)
  return value
}

const id = (v: string | null | undefined, name: string) => maxLength(required(v, name), LIMITS.id, name)

function role(v: string | null | undefined): MemberRole {
  const r = v || 'member'
  if (r !== 'admin' && r !== 'member') throw new AppError('bad_request', `role must be "admin" or "member", not "${r}"`)
  return r
}

function newUser(req: CreateUserRequest, now: number): UserRow {
  const username = maxLength(str(req.username), LIMITS.username, 'username')
  if (!username && !req.guest) throw new AppError('bad_request', 'username is required unless guest')
  return {
    userId: newId('u_'),
    username: username || null,
    displayName: maxLength(str(req.display_name) || username || 'guest', LIMITS.displayName, 'display_name'),
    guest: Boolean(req.guest),
    passwordHash: str(req.password_hash),
    createdAt: now,
  }
}

export function createRepoService(deps: RepoServiceDeps): RepoApi {
  const { store, cache, presence, memberPages, log } = deps
  const dispatchTopic = topicName(deps.cfg, 'messages.dispatch')
  let cacheDown = false

  /** a mutation committed: wake the relay if it may have written outbox rows */
  function committed<T>(outbox: OutboxRecord[], result: T): T {
    if (outbox.length) deps.onOutbox()
    return result
  }

  /** A page of members by user id cursor (cached for the fanout of large groups); `more`: a next page exists. */
  async function memberPage(req: { conversation_id?: string; after_user_id?: string; limit?: number }): Promise<{ members: MemberRow[]; more: boolean }> {
    const conversationId = required(req.conversation_id, 'conversation_id')
    const after = str(req.after_user_id)
    const limit = Math.min(int(req.limit) || MEMBER_PAGE_DEFAULT, MEMBER_PAGE_MAX)
    // one more than asked tells whether there is a next page
    const rows = await memberPages.get(conversationId, after, limit + 1, () => store.listMembers(conversationId, after, limit + 1))
    return { members: rows.slice(0, limit), more: rows.length > limit }
  }

  async function groupConversation(conversationId: string) {
    const c = await store.getConversation(conversationId)
    if (!c) throw new AppError('not_found', `conversation ${conversationId} not found`)
    if (c.kind !== 'group') throw new AppError('bad_request', `conversation ${conversationId} is a direct conversation; its members are fixed`)
    return c
  }

  /**
   * The seq of a message being stored. The store holds the conversation's lock meanwhile, so when the cache
   * fails MAX(seq) + 1 is exact and messages keep flowing; the counter left behind is repaired at its next use.
   */
  async function seqUnderLock(conversationId: string, maxSeq: () => Promise<number>, repair: boolean): Promise<number> {
    try {
      const seq = await nextSeq(cache, conversationId, maxSeq, repair)
      if (cacheDown) log.info('seq counters are back on the cache')
      cacheDown = false
      return seq
    } catch (err) {
      if (!cacheDown) log.warn('cache failed; allocating seqs from the store until it is back', { err })
      cacheDown = true
      return (await maxSeq()) + 1
    }
  }

  /**
   * A seq for async persistence, which hands it out before its message reaches MySQL: MAX(seq) alone could be
   * behind what is in flight on gochat.messages.persist, and a counter re-seeded from it (Redis lost the key)
   * would hand those seqs out again, and the persist consumer would then drop the second message as a duplicate.
   * So every seq stays at or below a reservation in MySQL, raised a block ahead when a seq reaches it, and a
   * re-seed starts above it. A lost counter costs at most a block of unused seqs, never a repeated one.
   */
  const reservedUpTo = new Map<string, number>() // what this instance knows is reserved; never above MySQL's
  async function reservedSeq(conversationId: string): Promise<number> {
    const floor = async () => Math.max(await store.maxSeq(conversationId), await store.reserveSeq(conversationId, 0))
    const seq = await nextSeq(cache, conversationId, floor)
    if (seq > (reservedUpTo.get(conversationId) ?? 0)) {
      if (reservedUpTo.size > 100_000) reservedUpTo.clear()
      reservedUpTo.set(conversationId, await store.reserveSeq(conversationId, seq + SEQ_RESERVE_BLOCK))
    }
    return seq
  }

  return {
    async CreateUser(req) {
      const user = newUser(req, Date.now())
      const outbox = outboxOf(req.events)
      await store.insertUsers([user], outbox)
      return committed(outbox, userOut(user))
    },

    async CreateUsers(req) {
      const now = Date.now()
      const users = (req.users ?? []).map((u) => newUser(u, now))
      const outbox = (req.users ?? []).flatMap((u) => outboxOf(u.events))
      if (users.length) await store.insertUsers(users, outbox)
      return committed(outbox, { users: users.map(userOut) })
    },

    async GetUser(req) {
      const user = req.user_id
        ? await store.getUser({ userId: req.user_id })
        : await store.getUser({ username: required(req.username, 'user_id or username') })
      if (!user) throw new AppError('not_found', `user ${req.user_id || req.username} not found`)
      return userOut(user)
    },

    async FindUsers(req) {
      const ids = req.user_ids ?? []
      if (ids.length > FIND_USERS_MAX) throw new AppError('bad_request', `at most ${FIND_USERS_MAX} user ids a call`)
      return { found_user_ids: [...(await store.existingUserIds(ids))] }
    },

    async GetUsers(req) {
      const ids = req.user_ids ?? []
      if (ids.length > FIND_USERS_MAX) throw new AppError('bad_request', `at most ${FIND_USERS_MAX} user ids a call`)
      return { users: (await store.getUsers(ids)).map(userOut) }
    },

    async SearchUsers(req) {
      const prefix = required(req.prefix, 'prefix')
      const limit = Math.min(Math.max(req.limit ?? 0, 1), SEARCH_USERS_MAX)
      return { users: (await store.searchUsers(prefix, str(req.after_user_id), limit)).map(userOut) }
    },

    async UpdateUser(req) {
      const userId = id(req.user_id, 'user_id')
      const displayName = maxLength(required(req.display_name, 'display_name'), LIMITS.displayName, 'display_name')
      const outbox = outboxOf(req.events)
      const user = await store.updateUser(userId, displayName, outbox)
      if (!user) throw new AppError('not_found', `user ${userId} not found`)
      return committed(outbox, userOut(user))
    },

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
        created = await store.createConversation({ conversationId, kind: 'direct', name: '', announcement: '', createdAt: now }, members, [])
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
      await store.createConversation({ conversationId, kind: 'group', name, announcement: '', createdAt: now }, members, outbox)
      return committed(outbox, conversationOut({ conversationId, kind: 'group', name, announcement: '', memberCount: members.length, createdAt: now, lastSeq: 0 }))
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
      if (Buffer.byteLength(text) > LIMITS.announcementBytes) throw new AppError('too_large', `announcement is larger than ${LIMITS.announcementBytes} bytes`)
      const outbox = outboxOf(req.events)
      const c = await store.setAnnouncement(conversationId, text, outbox)
      if (!c) throw new AppError('not_found', `conversation ${conversationId} not found`)
      return committed(outbox, conversationOut(c))
    },

    async AddMembers(req) {
      const conversationId = required(req.conversation_id, 'conversation_id')
      const r = role(req.role)
      await groupConversation(conversationId)
      const now = Date.now()
      const members = (req.user_ids ?? []).map((u) => ({ conversationId, userId: id(u, 'user_ids[]'), role: r, joinedAt: now }))
      // the events are keyed by the user they concern: those of requested users who turned out to be members
      // already (another add got there first) are dropped, inside the transaction that decides it
      const requested = new Set(members.map((m) => m.userId))
      let written: OutboxRecord[] = []
      const outboxFor = (added: string[]) => {
        const fresh = new Set(added)
        written = outboxOf(req.events).filter((r) => r.key === null || !requested.has(r.key) || fresh.has(r.key))
        return written
      }
      const added = members.length ? await store.addMembers(conversationId, members, outboxFor) : []
      if (added.length) await memberPages.invalidate(conversationId)
      return committed(written, { added_user_ids: added })
    },

    async RemoveMember(req) {
      const conversationId = required(req.conversation_id, 'conversation_id')
      const userId = required(req.user_id, 'user_id')
      await groupConversation(conversationId)
      const outbox = outboxOf(req.events)
      const removed = await store.removeMember(conversationId, userId, outbox)
      if (removed) await memberPages.invalidate(conversationId)
      return committed(removed ? outbox : [], {})
    },

    async GetMember(req) {
      const conversationId = required(req.conversation_id, 'conversation_id')
      const userId = required(req.user_id, 'user_id')
      const m = await store.getMember(conversationId, userId)
      if (!m) throw new AppError('not_found', `${userId} is not a member of ${conversationId}`)
      return memberOut(m)
    },

    async ListMembers(req) {
      const { members, more } = await memberPage(req)
      return { members: members.map(memberOut), next_cursor: more ? members.at(-1)!.userId : '' }
    },

    async LocateMembers(req) {
      const until = str(req.until_user_id)
      const page = await memberPage(req)
      const members = until ? page.members.filter((m) => m.userId <= until) : page.members
      const last = members.at(-1)?.userId
      const more = page.more && members.length === page.members.length && last !== until
      const ids = members.map((m) => m.userId)
      const located = byGateway(ids, await presence.lookup(ids))
      return {
        online: [...located.byGateway].map(([gateway_id, user_ids]) => ({ gateway_id, user_ids })),
        offline: located.offline,
        members: members.length,
        next_cursor: more ? last! : '',
      }
    },

    async ListUserConversations(req) {
      const userId = required(req.user_id, 'user_id')
      const list = await store.listUserConversations(userId)
      return {
        conversations: list.map((v) => ({
          conversation: conversationOut(v.conversation), read_seq: v.readSeq, role: v.role,
          peer_user_id: v.peer?.userId ?? '', peer_read_seq: v.peer?.readSeq ?? 0,
        })),
      }
    },

    async ListDirectPeers(req) {
      const userId = required(req.user_id, 'user_id')
      return { user_ids: await store.directPeers(userId, Math.min(Math.max(req.limit ?? 0, 1), DIRECT_PEERS_MAX)) }
    },

    async StoreMessage(req) {
      const stop = storeMessageDuration.startTimer()
      const conversationId = required(req.conversation_id, 'conversation_id')
      const draft: MessageDraft = {
        messageId: newId('m_'),
        conversationId,
        senderId: id(req.sender_id, 'sender_id'),
        content: str(req.content),
        sentAt: Date.now(),
        status: 'normal',
        idempotencyKey: maxLength(str(req.idempotency_key), LIMITS.idempotencyKey, 'idempotency_key'),
      }
      // the send's trace context goes into the outbox row: the relay's span continues it ({} when tracing is off)
      const headers = traceHeaders()
      const traceId = currentTraceId()
      const { message, duplicate } = await store.storeMessage(draft, {
        allocateSeq: (maxSeq, repair) => seqUnderLock(conversationId, maxSeq, repair),
        outbox: (m, c) => {
          const dispatch: DispatchMessage = { message: payloadMessage(m), conversationKind: c.kind, memberCount: c.memberCount }
          if (traceId) dispatch.traceId = traceId
          return [{ topic: dispatchTopic, key: conversationId, value: Buffer.from(encode(dispatch)), headers }]
        },
      })
      if (!duplicate) deps.onOutbox()
      messagesStored.inc({ result: duplicate ? 'duplicate' : 'stored' })
      stop()
      return { message: messageOut(message), duplicate }
    },

    async AllocateSeq(req) {
      const conversationId = required(req.conversation_id, 'conversation_id')
      const allocate = async () => ({ seq: await reservedSeq(conversationId), message_id: newId('m_'), sent_at: Date.now(), duplicate: false })
      const key = str(req.idempotency_key)
      if (!key) return allocate()
      // The first caller with this (conversation, sender, key) reserves it and allocates; a repeat waits for that
      // allocation. The same key sent to another conversation is another send (a JSON array keeps ids apart).
      const idemKey = `idem:${JSON.stringify([conversationId, required(req.sender_id, 'sender_id'), maxLength(key, LIMITS.idempotencyKey, 'idempotency_key')])}`
      if (await cache.setIfAbsent(idemKey, 'pending', IDEMPOTENCY_TTL_MS)) {
        const first = await allocate()
        await cache.set(idemKey, JSON.stringify(first), IDEMPOTENCY_TTL_MS)
        return first
      }
      for (let i = 0; i < 50; i++) {
        const seen = await cache.get(idemKey)
        if (seen && seen !== 'pending') return { ...(JSON.parse(seen) as Awaited<ReturnType<typeof allocate>>), duplicate: true }
        await new Promise((r) => setTimeout(r, 20))
      }
      throw new AppError('unavailable', 'a send with this idempotency key is still in progress; try again')
    },

    async InsertMessages(req) {
      const now = Date.now()
      const messages: MessageRow[] = (req.messages ?? []).map((m) => {
        const seq = int(m.seq)
        if (seq <= 0) throw new AppError('bad_request', 'messages[].seq must be positive')
        const status = m.status || 'normal'
        if (status !== 'normal' && status !== 'recalled' && status !== 'deleted') throw new AppError('bad_request', `unknown status "${status}"`)
        return {
          messageId: m.message_id ? maxLength(m.message_id, LIMITS.id, 'message_id') : newId('m_'),
          conversationId: id(m.conversation_id, 'messages[].conversation_id'),
          seq,
          senderId: id(m.sender_id, 'messages[].sender_id'),
          content: str(m.content),
          sentAt: int(m.sent_at) || now,
          status,
          idempotencyKey: maxLength(str(m.idempotency_key), LIMITS.idempotencyKey, 'idempotency_key'),
        }
      })
      return { inserted: (await store.insertMessages(messages)).map(messageOut) }
    },

    async GetMessage(req) {
      const conversationId = required(req.conversation_id, 'conversation_id')
      const messageId = required(req.message_id, 'message_id')
      const m = await store.getMessage(conversationId, messageId)
      if (!m) throw new AppError('not_found', `message ${messageId} not found in ${conversationId}`)
      return messageOut(m)
    },

    async SyncMessages(req) {
      const conversationId = required(req.conversation_id, 'conversation_id')
      const limit = Math.min(int(req.limit) || SYNC_PAGE_DEFAULT, SYNC_PAGE_MAX)
      const rows = await store.listMessages(conversationId, Math.max(0, int(req.after_seq)), limit + 1)
      return { messages: rows.slice(0, limit).map(messageOut), has_more: rows.length > limit }
    },

    async UpdateMessageStatus(req) {
      const conversationId = required(req.conversation_id, 'conversation_id')
      const messageId = required(req.message_id, 'message_id')
      const status = req.status
      if (status !== 'recalled' && status !== 'deleted') throw new AppError('bad_request', `status must be "recalled" or "deleted", not "${status ?? ''}"`)
      if (req.hard && status !== 'deleted') throw new AppError('bad_request', 'hard applies to "deleted" only')
      const outbox = outboxOf(req.events)
      const m = await store.updateMessageStatus(conversationId, messageId, { status, hard: Boolean(req.hard) }, outbox)
      if (!m) throw new AppError('not_found', `message ${messageId} not found in ${conversationId}`)
      return committed(outbox, messageOut(m))
    },

    async SetReadSeq(req) {
      const conversationId = required(req.conversation_id, 'conversation_id')
      const userId = required(req.user_id, 'user_id')
      // a cursor past the last message would mark messages read before they exist
      const seq = Math.min(Math.max(0, int(req.seq)), await store.maxSeq(conversationId))
      const outbox = outboxOf(req.events)
      const { readSeq, advanced } = await store.setReadSeq(conversationId, userId, seq, outbox)
      return committed(advanced ? outbox : [], { read_seq: readSeq })
    },

    async CreateFriendRequest(req) {
      const from = id(req.from_user_id, 'from_user_id')
      const to = id(req.to_user_id, 'to_user_id')
      if (from === to) throw new AppError('bad_request', 'a friend request needs two different users')
      const outbox = outboxOf(req.events)
      await store.createFriendRequest(from, to, Date.now(), outbox)
      return committed(outbox, {})
    },

    async AcceptFriendRequest(req) {
      const from = required(req.from_user_id, 'from_user_id')
      const to = required(req.to_user_id, 'to_user_id')
      const outbox = outboxOf(req.events)
      await store.acceptFriendRequest(from, to, Date.now(), outbox)
      return committed(outbox, {})
    },

    async LookupPresence(req) {
      const found = await presence.lookup(req.user_ids ?? [])
      return { presence: [...found].map(([user_id, gateway_ids]) => ({ user_id, gateway_ids })) }
    },

    async PublishEvents(req) {
      const outbox = outboxOf(req.events)
      if (outbox.length) await store.appendOutbox(outbox)
      return committed(outbox, {})
    },
  }
}
