// Messages: send, sync, recall, delete and read receipts, each for members of the conversation only. Sending is
// the hot path: a membership check (a repo read for groups, none for a direct conversation's known members, see
// send-membership.ts), the moderation check (one repo read: a block across a direct conversation, a member mute in
// a group; services/logic/moderation.ts), then repo.StoreMessage (seq, row and outbox in one transaction).
import { AppError } from '../../src/core/errors.js'
import { messageEvent } from '../../src/contracts/events.js'
import type { Message__Output as StoredMessage } from '../../src/contracts/generated/gochat/repo/v1/Message.js'
import { fromRepoMessage } from '../../src/contracts/codecs/repo-message.js'
import { toApiMessage } from '../../src/contracts/codecs/api-message.js'
import { attachmentOut } from '../../src/contracts/codecs/attachment.js'
import { isOperation, messageKind, visibleMessage } from '../../src/domain/message.js'
import type { MessageApi } from '../../src/rpc/api.js'
import type { LogicDeps } from './deps.js'
import { requireMember } from './access.js'
import { outboxEvent } from './domain-events.js'
import { requireId, toInt } from './validate.js'
import { sendAsync } from './send-async.js'
import { orderedSends, type PreparedSend, type SendMessageRequest, type SendMessageResponse } from './send-batch.js'
import type { StoreMessageRequest } from '../../src/contracts/generated/gochat/repo/v1/StoreMessageRequest.js'
import type { StoreMessageResponse__Output as StoreMessageResponse } from '../../src/contracts/generated/gochat/repo/v1/StoreMessageResponse.js'
import { sendMembership } from './send-membership.js'
import { checkRecord, newRecordId } from './records.js'
import { attachmentReleaser } from './attachment-release.js'

/** How long after sending the sender may recall a message (the common IM convention); later only delete works. */
export const RECALL_WINDOW_MS = 2 * 60_000
export const SYNC_DEFAULT_PAGE = 50
export const SYNC_MAX_PAGE = 200

export interface MessageOptions {
  /** the largest content in UTF-8 bytes (max_frame_bytes: a message never needs more than one frame) */
  maxContentBytes: number
  /** message_edit_window_seconds, in ms */
  editWindowMs: number
  nowMs?: () => number
}

/** An operation record stays in the stream (devices catch up by it): it is undone by its opposite, not removed. */
function refuseOperation(m: StoredMessage): void {
  if (isOperation(messageKind(m.kind ?? '')))
    throw new AppError('bad_request', `a ${m.kind} is undone by another operation, not recalled or deleted`)
}

/** what a recall or delete event says of the message's attachment: its blob is no longer shown there */
const attachmentOf = (m: StoredMessage) => (m.attachment ? { attachment_id: m.attachment.attachment_id } : {})

/** A stored message as the MessageApi returns it: decoded, shown as clients may see it, encoded. */
const shown = (m: StoredMessage) => toApiMessage(visibleMessage(fromRepoMessage(m)))

/** what SendMessage answers for what repo stored */
function storedSend(stored: StoreMessageResponse): SendMessageResponse {
  if (!stored.message) throw new AppError('internal', 'repo stored no message')
  return { message: shown(stored.message), duplicate: stored.duplicate }
}

export function createMessages(deps: LogicDeps, opts: MessageOptions): Omit<MessageApi, 'SearchMessages'> {
  const { repo } = deps
  const now = opts.nowMs ?? Date.now
  const requireSender = sendMembership(repo)
  const rules = { editWindowMs: opts.editWindowMs, maxContentBytes: opts.maxContentBytes, now }
  const messageEvents = (e: ReturnType<typeof messageEvent>) => [outboxEvent(deps.topics.messageEvents, e)]
  const releaseAttachmentOf = attachmentReleaser(repo, deps.blobs, deps.log)

  const getMessage = (conversationId: string, messageId: string) =>
    repo.GetMessage({ conversation_id: conversationId, message_id: messageId }).catch((err: unknown) => {
      throw err instanceof AppError && err.code === 'not_found' ? new AppError('not_found', 'no such message') : err
    })

  /** A send's checks (content, membership, a record's references): what is left is to store it, or under async
   *  persistence to run the rest of it. */
  async function prepareSend(req: SendMessageRequest): Promise<PreparedSend> {
    const conversationId = requireId(req.conversation_id, 'conversationId')
    const senderId = requireId(req.sender_user_id, 'senderUserId')
    const idempotencyKey = requireId(req.idempotency_key, 'idempotencyKey')
    const content = req.content ?? ''
    // a plain text message (the hot path) needs no more than its content checked and the sender's membership
    const plain =
      (!req.kind || req.kind === 'text') &&
      !req.target_id &&
      !req.reply_to &&
      !req.mentions?.length &&
      !req.attachment_id
    if (plain && content.trim().length === 0) throw new AppError('bad_request', 'content is empty')
    if (plain && Buffer.byteLength(content, 'utf8') > opts.maxContentBytes)
      throw new AppError('too_large', `content is larger than ${opts.maxContentBytes} bytes`)
    // a block or a member mute is refused by repo's StoreMessage / AllocateSeq (services/repo/send-restriction.ts)
    await requireSender(conversationId, senderId)
    const record = plain
      ? undefined
      : await checkRecord(deps, rules, {
          conversationId,
          senderId,
          content,
          kind: req.kind,
          targetId: req.target_id,
          replyTo: req.reply_to,
          mentions: req.mentions,
          attachmentId: req.attachment_id,
        })
    const persistAsync = deps.persistAsync
    if (persistAsync)
      return { run: () => sendAsync(deps, persistAsync, { conversationId, senderId, idempotencyKey, content, record }) }
    const messageId = record ? newRecordId() : ''
    const store: StoreMessageRequest = {
      conversation_id: conversationId,
      sender_id: senderId,
      idempotency_key: idempotencyKey,
      content,
      ...(record
        ? {
            message_id: messageId,
            kind: record.kind,
            target_id: record.targetId,
            reply_to: record.replyTo,
            mentions: record.mentions,
            ...(record.attachment ? { attachment: attachmentOut(record.attachment) } : {}),
            events: record.events(messageId),
          }
        : {}),
    }
    return { store }
  }

  return {
    SendMessage: async (req) => {
      const send = await prepareSend(req)
      return 'run' in send ? send.run() : storedSend(await repo.StoreMessage(send.store))
    },

    // one call's sends checked concurrently, then stored in item order (send-batch.ts)
    SendMessages: orderedSends(repo, prepareSend, storedSend),

    async SyncMessages(req) {
      const conversationId = requireId(req.conversation_id, 'conversationId')
      const actorId = requireId(req.actor_user_id, 'actorUserId')
      const afterSeq = toInt(req.after_sequence, 'afterSeq')
      if (afterSeq < 0) throw new AppError('bad_request', 'afterSeq must not be negative')
      const asked = req.page_size ?? 0
      if (!Number.isInteger(asked) || asked < 0) throw new AppError('bad_request', 'limit must be a positive integer')
      const limit = Math.min(asked || SYNC_DEFAULT_PAGE, SYNC_MAX_PAGE)
      await requireMember(repo, conversationId, actorId)
      const page = await repo.SyncMessages({ conversation_id: conversationId, after_seq: afterSeq, limit })
      return { messages: page.messages.map(shown), has_more: page.has_more }
    },

    async ListPins(req) {
      const conversationId = requireId(req.conversation_id, 'conversationId')
      await requireMember(repo, conversationId, requireId(req.actor_user_id, 'actorUserId'))
      const pins = await repo.ListPins({ conversation_id: conversationId })
      return { messages: pins.messages.map(shown), has_more: false }
    },

    async DeleteMessage(req) {
      const conversationId = requireId(req.conversation_id, 'conversationId')
      const messageId = requireId(req.message_id, 'messageId')
      const actorId = requireId(req.actor_user_id, 'actorUserId')
      const hard = req.hard ?? false
      const member = await requireMember(repo, conversationId, actorId)
      const message = await getMessage(conversationId, messageId)
      refuseOperation(message)
      // admins exist only in groups, so in a direct conversation this is "the sender only"
      if (message.sender_id !== actorId && member.role !== 'admin')
        throw new AppError('forbidden', 'only the sender or a group admin may delete this message')
      // a second soft delete changes nothing and says nothing; a hard delete after a soft one still erases
      if (message.status === 'deleted' && !hard) return {}
      const event = messageEvent('message.deleted', conversationId, actorId, {
        message_id: messageId,
        seq_id: message.seq,
        hard,
        ...attachmentOf(message),
      })
      await repo.UpdateMessageStatus({
        conversation_id: conversationId,
        message_id: messageId,
        status: 'deleted',
        hard,
        events: messageEvents(event),
      })
      await releaseAttachmentOf(message)
      return {}
    },

    async RecallMessage(req) {
      const userId = requireId(req.user_id, 'userId')
      const conversationId = requireId(req.conversation_id, 'conversationId')
      const messageId = requireId(req.message_id, 'messageId')
      await requireMember(repo, conversationId, userId)
      const message = await getMessage(conversationId, messageId)
      refuseOperation(message)
      if (message.sender_id !== userId) throw new AppError('not_sender', 'only the sender may recall a message')
      if (message.status === 'recalled') return {} // a retried recall succeeds without a second event
      if (message.status === 'deleted') throw new AppError('conflict', 'the message was deleted')
      if (now() - message.sent_at > RECALL_WINDOW_MS)
        throw new AppError(
          'forbidden',
          `messages can be recalled for ${RECALL_WINDOW_MS / 60_000} minutes after sending`,
        )
      const event = messageEvent('message.recalled', conversationId, userId, {
        message_id: messageId,
        seq_id: message.seq,
        ...attachmentOf(message),
      })
      await repo.UpdateMessageStatus({
        conversation_id: conversationId,
        message_id: messageId,
        status: 'recalled',
        hard: false,
        events: messageEvents(event),
      })
      await releaseAttachmentOf(message)
      return {}
    },

    async MarkRead(req) {
      const userId = requireId(req.user_id, 'userId')
      const conversationId = requireId(req.conversation_id, 'conversationId')
      const seq = toInt(req.seq, 'seq')
      if (seq < 1) throw new AppError('bad_request', 'seq must be at least 1')
      await requireMember(repo, conversationId, userId)
      // the message at seq gives the event its message id; only when it is gone (sync leaves deleted messages
      // out) does the conversation's last seq have to show that seq exists at all
      const { messages } = await repo.SyncMessages({ conversation_id: conversationId, after_seq: seq - 1, limit: 1 })
      const at = messages[0]?.seq === seq ? messages[0] : undefined
      if (!at && (await repo.GetConversation({ conversation_id: conversationId })).last_seq < seq) {
        throw new AppError('bad_request', `seq ${seq} is beyond the last message`)
      }
      const event = messageEvent('message.read', conversationId, userId, {
        message_id: at?.message_id ?? '',
        seq_id: seq,
      })
      await repo.SetReadSeq({ conversation_id: conversationId, user_id: userId, seq, events: messageEvents(event) })
      return {}
    },
  }
}
