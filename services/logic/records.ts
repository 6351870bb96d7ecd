// What a send may carry beyond text, checked before it takes a seq: an operation on an earlier message (edit,
// reaction, unreaction, pin, unpin), an attachment (image, file, voice: message-attachments.ts), a reply, mentions.
// Who may apply an operation and what it carries are its entry in src/domain/operations.ts's table, enforced here
// (@all is for group admins); what the target's state allows at that moment the store decides again in the
// record's transaction (the same table's apply).
// The domain events of the record are built here too and travel with it.
import { randomUUID } from 'node:crypto'
import { AppError } from '../../src/core/errors.js'
import { conversationNotification, type EventEnvelope, messageEvent, notification } from '../../src/contracts/events.js'
import type { OutboxEvent } from '../../src/contracts/generated/gochat/repo/v1/OutboxEvent.js'
import type { Message__Output as StoredMessage } from '../../src/contracts/generated/gochat/repo/v1/Message.js'
import {
  carriesAttachment,
  isOperation,
  MENTION_ALL,
  type MessageAttachment,
  type MessageKind,
  messageKind,
  type OperationKind,
} from '../../src/domain/message.js'
import { isEmoji, MAX_EMOJI_BYTES, operations } from '../../src/domain/operations.js'
import { requireMember } from './access.js'
import type { LogicDeps } from './deps.js'
import { outboxEvent } from './domain-events.js'
import { checkMessageAttachment } from './message-attachments.js'
import { requireId } from './validate.js'

/** distinct mentions of one record */
export const MENTIONS_MAX = 50

export interface RecordInput {
  conversationId: string
  senderId: string
  content: string
  kind?: string | null
  targetId?: string | null
  replyTo?: string | null
  mentions?: string[] | null
  attachmentId?: string | null
}

export interface RecordRules {
  editWindowMs: number
  maxContentBytes: number
  now: () => number
}

/** A checked record: what repo stores, and its events once it has an id. */
export interface CheckedRecord {
  kind: MessageKind
  targetId: string
  replyTo: string
  mentions: string[]
  /** image, file, voice: the attachment as the store knows it */
  attachment?: MessageAttachment
  /** the record's events (outbox rows of repo's transaction, or published beside the persist record) */
  events(messageId: string): OutboxEvent[]
}

/** the table's entry of an operation kind; undefined for content kinds */
const ruleOf = (kind: MessageKind): (typeof operations)[OperationKind] | undefined =>
  isOperation(kind) ? operations[kind] : undefined

/** whether a record of this kind carries a text (and so may mention people) */
const carriesText = (kind: MessageKind) => kind === 'text' || ruleOf(kind)?.content === 'text'

/** a message of the conversation, or not_found naming the field that named it */
async function messageOf(deps: LogicDeps, conversationId: string, messageId: string, field: string) {
  return deps.repo.GetMessage({ conversation_id: conversationId, message_id: messageId }).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'not_found')
      throw new AppError('not_found', `${field}: no such message in this conversation`)
    throw err
  })
}

/** admins in groups; any member of a direct conversation (its two members have no roles to tell apart) */
export async function requireAdminHere(deps: LogicDeps, conversationId: string, userId: string, what: string) {
  const member = await requireMember(deps.repo, conversationId, userId)
  if (member.role === 'admin') return
  const { kind } = await deps.repo.GetConversation({ conversation_id: conversationId })
  if (kind !== 'direct') throw new AppError('not_admin', `only group admins may ${what}`)
}

function checkContent(kind: MessageKind, content: string, maxBytes: number): void {
  const bytes = Buffer.byteLength(content, 'utf8')
  const carries = ruleOf(kind)?.content
  if (carriesText(kind)) {
    if (content.trim().length === 0) throw new AppError('bad_request', 'content is empty')
    if (bytes > maxBytes) throw new AppError('too_large', `content is larger than ${maxBytes} bytes`)
  } else if (carriesAttachment(kind)) {
    // the caption: optional
    if (bytes > maxBytes) throw new AppError('too_large', `content is larger than ${maxBytes} bytes`)
  } else if (kind === 'system' || kind === 'expired') {
    throw new AppError('bad_request', `${kind} records are written by gochat, not sent`)
  } else if (carries === 'emoji' || (carries === 'emoji-or-none' && content !== '')) {
    if (bytes > MAX_EMOJI_BYTES) throw new AppError('too_large', `a reaction is at most ${MAX_EMOJI_BYTES} bytes`)
    if (!isEmoji(content)) throw new AppError('bad_request', 'a reaction is one emoji')
  } else if (content !== '') throw new AppError('bad_request', `a ${kind} carries no content`)
}

async function checkMentions(deps: LogicDeps, r: RecordInput, kind: MessageKind): Promise<string[]> {
  const mentions = [...new Set(r.mentions ?? [])]
  if (mentions.length === 0) return []
  if (!carriesText(kind)) throw new AppError('bad_request', `a ${kind} carries no mentions`)
  if (mentions.length > MENTIONS_MAX) throw new AppError('bad_request', `at most ${MENTIONS_MAX} mentions`)
  await Promise.all(
    mentions.map(async (userId) => {
      if (userId === MENTION_ALL) return requireAdminHere(deps, r.conversationId, r.senderId, 'mention @all')
      const id = requireId(userId, 'mentions[]')
      await requireMember(deps.repo, r.conversationId, id).catch((err: unknown) => {
        if (err instanceof AppError && err.code === 'not_member')
          throw new AppError('bad_request', `mentions: ${id} is not a member of this conversation`)
        throw err
      })
    }),
  )
  return mentions
}

/** Checks a record beyond what every send is checked for (the sender's membership); throws the refusal. */
export async function checkRecord(deps: LogicDeps, rules: RecordRules, r: RecordInput): Promise<CheckedRecord> {
  let kind: MessageKind
  try {
    kind = messageKind(r.kind ?? '')
  } catch (err) {
    throw new AppError('bad_request', (err as Error).message)
  }
  checkContent(kind, r.content, rules.maxContentBytes)
  const operation = isOperation(kind)
  const targetId = operation ? requireId(r.targetId ?? '', 'targetId') : ''
  if (!operation && r.targetId) throw new AppError('bad_request', 'targetId is for operations only')
  const replyTo = r.replyTo ? requireId(r.replyTo, 'replyTo') : ''
  if (replyTo && kind !== 'text' && !carriesAttachment(kind))
    throw new AppError('bad_request', `a ${kind} cannot reply`)
  let target: StoredMessage | undefined
  if (operation) {
    target = await messageOf(deps, r.conversationId, targetId, 'targetId')
    if (isOperation(messageKind(target.kind))) throw new AppError('bad_request', 'targetId names an operation')
    if (target.status !== 'normal') throw new AppError('conflict', `the message was ${target.status}`)
  }
  const rule = ruleOf(kind)
  if (rule?.who === 'sender' && target && target.sender_id !== r.senderId)
    throw new AppError('not_sender', `only the sender may ${kind} a message`)
  if (kind === 'edit' && target && rules.now() - target.sent_at > rules.editWindowMs)
    throw new AppError('forbidden', `messages can be edited for ${rules.editWindowMs / 1000} seconds after sending`)
  if (rule?.who === 'admin') await requireAdminHere(deps, r.conversationId, r.senderId, `${kind} messages`)
  if (replyTo) await messageOf(deps, r.conversationId, replyTo, 'replyTo')
  const mentions = await checkMentions(deps, r, kind)
  const attachment = await checkMessageAttachment(deps.repo, kind, r.senderId, r.attachmentId)
  const events = (messageId: string): EventEnvelope[] => {
    const out: EventEnvelope[] = []
    if (target && rule)
      out.push(
        messageEvent(rule.event, r.conversationId, r.senderId, {
          message_id: target.message_id,
          seq_id: target.seq,
          record_id: messageId,
          ...(rule.content === 'text' ? { content: r.content } : {}),
          ...(rule.content === 'emoji' || rule.content === 'emoji-or-none' ? { emoji: r.content } : {}),
        }),
      )
    const about = { conversation_id: r.conversationId, message_id: messageId, sender_id: r.senderId, kind }
    for (const userId of mentions) {
      if (userId === MENTION_ALL)
        out.push(conversationNotification('message.mentioned', r.conversationId, r.senderId, about))
      else if (userId !== r.senderId) out.push(notification('message.mentioned', userId, about))
    }
    return out
  }
  return {
    kind,
    targetId,
    replyTo,
    mentions,
    ...(attachment ? { attachment } : {}),
    events: (messageId) =>
      events(messageId).map((e) =>
        outboxEvent(e.event_type === 'message.mentioned' ? deps.topics.notifications : deps.topics.messageEvents, e),
      ),
  }
}

/** the id logic gives a record whose events must name it before repo stores it */
export const newRecordId = () => `m_${randomUUID().replaceAll('-', '')}`
