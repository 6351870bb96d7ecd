// Messages: store (seq allocated by the store in the message's transaction, dispatch event in the same one),
// allocate seqs ahead for async persistence, insert what the persist consumer brings, sync, recall/delete,
// and read cursors.
import { topicName } from '../../src/config/index.js'
import { AppError } from '../../src/core/errors.js'
import { encode, type DispatchMessage } from '../../src/contracts/payloads.js'
import { currentTraceId, traceHeaders } from '../../src/observability/tracing.js'
import type { MessageDraft, MessageRow } from '../../src/ports/store.js'
import type { RepoApi } from '../../src/rpc/api.js'
import { LIMITS, maxLength } from '../../src/contracts/limits.js'
import { committer, id, newId, type RepoServiceDeps } from './deps.js'
import { messagesStored, storeMessageDuration } from './metrics.js'
import { nextSeq } from './seq.js'
import { sendRestrictions } from './send-restriction.js'
import { callError, servedInOrder } from '../../src/rpc/batch.js'
import { int, outboxOf, required, str } from './wire.js'
import { toRepoMessage } from '../../src/contracts/codecs/repo-message.js'
import { withThumbnail } from '../../src/contracts/codecs/attachment.js'
import type { MessageAttachment as WireAttachment } from '../../src/contracts/generated/gochat/repo/v1/MessageAttachment.js'
import type { MessageAttachment } from '../../src/domain/message.js'
import { freshState, isOperation, type MessageKind, messageKind, messageOf } from '../../src/domain/message.js'

/** a kind from a request: unknown ones are the caller's mistake */
function kindOf(kind: string | null | undefined): MessageKind {
  try {
    return messageKind(kind ?? '')
  } catch (err) {
    throw new AppError('bad_request', (err as Error).message)
  }
}

/** a message's attachment from a request (logic read it from the attachment store; repo only keeps it) */
const attachmentOf = (a: WireAttachment): MessageAttachment => ({
  attachmentId: id(a.attachment_id, 'attachment.attachment_id'),
  mime: maxLength(str(a.mime), 255, 'attachment.mime'),
  size: int(a.size),
  name: maxLength(str(a.name), 255, 'attachment.name'),
  sha256: maxLength(str(a.sha256), 64, 'attachment.sha256'),
  width: int(a.width),
  height: int(a.height),
  durationMs: int(a.duration_ms),
  ...withThumbnail(a.thumbnail),
})

/** what a record names beside its content, read from a request */
const references = (m: {
  kind?: string | null
  target_id?: string | null
  reply_to?: string | null
  mentions?: string[] | null
  attachment?: WireAttachment | null
}) => ({
  kind: kindOf(m.kind),
  targetId: maxLength(str(m.target_id), LIMITS.id, 'target_id'),
  replyTo: maxLength(str(m.reply_to), LIMITS.id, 'reply_to'),
  mentions: (m.mentions ?? []).map((u) => maxLength(u, LIMITS.id, 'mentions[]')),
  ...(m.attachment?.attachment_id ? { attachment: attachmentOf(m.attachment) } : {}),
})

/** an operation's kind (an unknown kind is refused by StoreMessage itself) */
function isKnownOperation(kind: string): boolean {
  try {
    return isOperation(messageKind(kind))
  } catch {
    return false
  }
}

const PINS_MAX = 1_000

/** seqs reserved in MySQL at a time by async persistence: one write per this many messages of a conversation */
export const SEQ_RESERVE_BLOCK = 100

const SYNC_PAGE_DEFAULT = 50
const SYNC_PAGE_MAX = 1_000

/** how long a (conversation, sender, idempotency key) of an async-persisted send is remembered */
const IDEMPOTENCY_TTL_MS = 24 * 3_600_000

export function messageHandlers(
  deps: RepoServiceDeps,
): Pick<
  RepoApi,
  | 'StoreMessage'
  | 'StoreMessages'
  | 'AllocateSeq'
  | 'InsertMessages'
  | 'GetMessage'
  | 'SyncMessages'
  | 'UpdateMessageStatus'
  | 'SetReadSeq'
  | 'ListPins'
> {
  const { store, cache } = deps
  const dispatchTopic = topicName(deps.cfg, 'messages.dispatch')
  const committed = committer(deps)
  const restrictions = sendRestrictions(store)

  /**
   * A seq for async persistence, which hands it out before its message reaches MySQL: MAX(seq) alone could be
   * behind what is in flight on gochat.messages.persist, and a counter re-seeded from it (Redis lost the key)
   * would hand those seqs out again, and the persist consumer would then drop the second message as a duplicate.
   * So every seq stays at or below a reservation in MySQL, raised a block ahead when a seq reaches it, and a
   * re-seed starts above it. A lost counter costs at most a block of unused seqs, never a repeated one.
   * The first allocation of a conversation in this process also raises the counter above MAX(seq): sync
   * persistence stores without the counter, so one left from before a switch to sync and back is behind.
   */
  const reservedUpTo = new Map<string, number>() // what this instance knows is reserved; never above MySQL's
  async function reservedSeq(conversationId: string): Promise<number> {
    const floor = async () => Math.max(await store.maxSeq(conversationId), await store.reserveSeq(conversationId, 0))
    const stored = reservedUpTo.has(conversationId) ? undefined : await store.maxSeq(conversationId)
    const seq = await nextSeq(cache, conversationId, floor, stored)
    if (seq > (reservedUpTo.get(conversationId) ?? 0)) {
      if (reservedUpTo.size > 100_000) reservedUpTo.clear()
      reservedUpTo.set(conversationId, await store.reserveSeq(conversationId, seq + SEQ_RESERVE_BLOCK))
    }
    return seq
  }

  // concurrent StoreMessage calls meet in the store's group commit, so a batch's items share transactions; one
  // conversation's items reach the store in item order (seqs in item order), an operation or a reply (stored in a
  // transaction of its own) after the conversation's earlier items and before its later ones
  type StoreRequest = Parameters<RepoApi['StoreMessage']>[0]
  type StoreResponse = Awaited<ReturnType<RepoApi['StoreMessage']>>
  const storeBatch = servedInOrder('StoreMessages', (req: StoreRequest) => storeAllowed(req), {
    key: (req) => req.conversation_id ?? '',
    alone: (req) => !!req.reply_to || (!!req.kind && isKnownOperation(req.kind)),
  })
  /** a block or a member mute refuses the send, storing nothing (logic makes no call of its own for it) */
  const refuseRestricted = async (req: StoreRequest) =>
    restrictions.refuse(required(req.conversation_id, 'conversation_id'), id(req.sender_id, 'sender_id'), Date.now())

  /** StoreMessage after its restriction check: it reaches the store's group commit with no await before it, so the
   *  items of a StoreMessages run reach it in item order */
  async function storeAllowed(req: StoreRequest): Promise<StoreResponse> {
    const stop = storeMessageDuration.startTimer()
    const conversationId = required(req.conversation_id, 'conversation_id')
    const senderId = id(req.sender_id, 'sender_id')
    const draft: MessageDraft = {
      messageId: req.message_id ? maxLength(req.message_id, LIMITS.id, 'message_id') : newId('m_'),
      conversationId,
      senderId,
      content: str(req.content),
      sentAt: Date.now(),
      status: 'normal',
      idempotencyKey: maxLength(str(req.idempotency_key), LIMITS.idempotencyKey, 'idempotency_key'),
      ...references(req),
      ...freshState,
    }
    // events logic built for the record (operations, mentions): written beside its dispatch, in its transaction
    const events = outboxOf(req.events)
    // the send's trace context goes into the outbox row: the relay's span continues it ({} when tracing is off)
    const headers = traceHeaders()
    const traceId = currentTraceId()
    const { message, duplicate } = await store.storeMessage(draft, {
      outbox: (m, c) => {
        const dispatch: DispatchMessage = {
          message: messageOf(m),
          conversationKind: c.kind,
          memberCount: c.memberCount,
        }
        if (traceId) dispatch.traceId = traceId
        return [{ topic: dispatchTopic, key: conversationId, value: Buffer.from(encode(dispatch)), headers }, ...events]
      },
    })
    if (!duplicate) deps.onOutbox()
    messagesStored.inc({ result: duplicate ? 'duplicate' : 'stored' })
    stop()
    return { message: toRepoMessage(message), duplicate }
  }

  const handlers: ReturnType<typeof messageHandlers> = {
    async StoreMessages(req) {
      const items = req.messages ?? []
      // every item's restriction check first: awaited inside each item, the checks (queries on several
      // connections) would finish in any order and so would the items' arrival at the group commit
      const refused = await Promise.all(
        items.map((m) =>
          refuseRestricted(m).then(
            () => null,
            (err: unknown) => callError(err, 'StoreMessages'),
          ),
        ),
      )
      const allowed = items.filter((_, i) => !refused[i])
      const stored = await storeBatch(allowed)
      let next = 0
      return { results: refused.map((error) => (error ? { ok: null, error } : stored[next++]!)) }
    },

    async StoreMessage(req) {
      await refuseRestricted(req)
      return storeAllowed(req)
    },

    async AllocateSeq(req) {
      const conversationId = required(req.conversation_id, 'conversation_id')
      // async persistence's send (logic names its sender): refused here like StoreMessage's, before a seq is out
      if (req.sender_id) await restrictions.refuse(conversationId, req.sender_id, Date.now())
      const allocate = async () => ({
        seq: await reservedSeq(conversationId),
        message_id: newId('m_'),
        sent_at: Date.now(),
        duplicate: false,
      })
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
        if (seen && seen !== 'pending')
          return { ...(JSON.parse(seen) as Awaited<ReturnType<typeof allocate>>), duplicate: true }
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
        if (status !== 'normal' && status !== 'recalled' && status !== 'deleted')
          throw new AppError('bad_request', `unknown status "${status}"`)
        return {
          messageId: m.message_id ? maxLength(m.message_id, LIMITS.id, 'message_id') : newId('m_'),
          conversationId: id(m.conversation_id, 'messages[].conversation_id'),
          seq,
          senderId: id(m.sender_id, 'messages[].sender_id'),
          content: str(m.content),
          sentAt: int(m.sent_at) || now,
          status,
          idempotencyKey: maxLength(str(m.idempotency_key), LIMITS.idempotencyKey, 'idempotency_key'),
          ...references(m),
          ...freshState,
        }
      })
      return { inserted: (await store.insertMessages(messages)).map(toRepoMessage) }
    },

    async GetMessage(req) {
      const conversationId = required(req.conversation_id, 'conversation_id')
      const messageId = required(req.message_id, 'message_id')
      const m = await store.getMessage(conversationId, messageId)
      if (!m) throw new AppError('not_found', `message ${messageId} not found in ${conversationId}`)
      return toRepoMessage(m)
    },

    async SyncMessages(req) {
      const conversationId = required(req.conversation_id, 'conversation_id')
      const limit = Math.min(int(req.limit) || SYNC_PAGE_DEFAULT, SYNC_PAGE_MAX)
      const rows = await store.listMessages(conversationId, Math.max(0, int(req.after_seq)), limit + 1)
      return { messages: rows.slice(0, limit).map(toRepoMessage), has_more: rows.length > limit }
    },

    async UpdateMessageStatus(req) {
      const conversationId = required(req.conversation_id, 'conversation_id')
      const messageId = required(req.message_id, 'message_id')
      const status = req.status
      if (status !== 'recalled' && status !== 'deleted')
        throw new AppError('bad_request', `status must be "recalled" or "deleted", not "${status ?? ''}"`)
      if (req.hard && status !== 'deleted') throw new AppError('bad_request', 'hard applies to "deleted" only')
      const outbox = outboxOf(req.events)
      const m = await store.updateMessageStatus(conversationId, messageId, { status, hard: Boolean(req.hard) }, outbox)
      if (!m) throw new AppError('not_found', `message ${messageId} not found in ${conversationId}`)
      return committed(outbox, toRepoMessage(m))
    },

    async ListPins(req) {
      const conversationId = required(req.conversation_id, 'conversation_id')
      return { messages: (await store.listPins(conversationId, PINS_MAX)).map(toRepoMessage), has_more: false }
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
  }
  return handlers
}
