// The message as every role reasons about it: one type, one name per concept (the sender is `senderId`, whatever a
// wire format calls it). Wire shapes (the gRPC messages, client frames, Kafka payloads) are converted to and from
// it at the edges, by one codec per format (src/contracts/codecs/).
export const messageStatuses = ['normal', 'recalled', 'deleted'] as const
export type MessageStatus = (typeof messageStatuses)[number]

/**
 * What a record of a conversation's seq stream is. Content kinds: 'text'; 'image', 'file' and 'voice' carry an
 * attachment (and an optional caption in `content`); 'system' is what gochat itself writes (never a client). The
 * others are operations on an earlier message of the same conversation (`targetId`), stored in the stream like a
 * message (so sync replays them) and applied to their target in the same transaction. 'expired' is the tombstone a
 * record becomes when retention removes it (src/ports/retention.ts): its seq, sender and time stay, nothing else.
 * One list: kinds join it here (operations join operationKinds).
 */
/** the kinds that are operations: each has its entry (who, content, event, effect) in operations.ts's table */
export const operationKinds = ['edit', 'reaction', 'unreaction', 'pin', 'unpin'] as const
export type OperationKind = (typeof operationKinds)[number]
export const messageKinds = ['text', 'image', 'file', 'voice', 'system', ...operationKinds, 'expired'] as const
export type MessageKind = (typeof messageKinds)[number]
export const isOperation = (kind: MessageKind): kind is OperationKind =>
  (operationKinds as readonly string[]).includes(kind)
/** the kinds whose message names an attachment (src/ports/attachments.ts attachmentKinds: the same three) */
export const attachmentMessageKinds = ['image', 'file', 'voice'] as const
export type AttachmentMessageKind = (typeof attachmentMessageKinds)[number]
export const carriesAttachment = (kind: MessageKind): kind is AttachmentMessageKind =>
  (attachmentMessageKinds as readonly string[]).includes(kind)

/**
 * The attachment an image, file or voice message carries: what the attachment store measured when its upload was
 * completed (never what a client claims). The bytes are fetched by a signed URL (GetDownloadUrl).
 */
export interface MessageAttachment {
  attachmentId: string
  mime: string
  /** bytes */
  size: number
  /** the file name the uploader gave, made safe; '' when none */
  name: string
  /** hex sha256 of the bytes */
  sha256: string
  /** images: pixels; 0 otherwise */
  width: number
  height: number
  /** voice: milliseconds; 0 otherwise */
  durationMs: number
  /** images gochat could make a thumbnail of: a small WebP stored beside the original */
  thumbnail?: Thumbnail
}

/** a thumbnail's descriptor (its bytes: GetDownloadUrl with variant thumbnail) */
export interface Thumbnail {
  width: number
  height: number
  /** bytes */
  size: number
  mime: string
}

/** `mentions` entry that names every member of the conversation */
export const MENTION_ALL = '@all'

/** one emoji on a message and who reacted with it (each user with at most one emoji per message) */
export interface Reaction {
  emoji: string
  userIds: string[]
}

/** the message a reply quotes, as it is now (a recalled or deleted one shows its status and no snippet) */
export interface ReplyPreview {
  messageId: string
  senderId: string
  snippet: string
  status: MessageStatus
}

/**
 * The state operations give a content message (operations.ts's table sets it). One place: a new operation's state
 * is a field here and its fresh value in freshState; the stores keep the whole of it as one value (src/drivers/sql
 * rows.ts: the op_state column, as JSON of what differs from freshState), so they need no change for it.
 */
export interface OperationState {
  /** the last edit (epoch ms, 0: never), edits so far, and the seq of the edit that set `content` (a later edit by
   *  seq wins, whatever order edits are applied in) */
  editedAt: number
  editCount: number
  editSeq: number
  reactions: Reaction[]
  /** epoch ms of the pin, 0: not pinned */
  pinnedAt: number
}

export interface Message extends OperationState {
  messageId: string
  conversationId: string
  /** the message's place in its conversation: unique, gap-free, from 1 */
  seq: number
  senderId: string
  /** text: the text; edit: the new text; reaction, unreaction: the emoji; pin, unpin: '' */
  content: string
  /** epoch ms */
  sentAt: number
  status: MessageStatus
  kind: MessageKind
  /** operations: the message they apply to; '' otherwise */
  targetId: string
  /** the message of the same conversation this one answers; '' when none */
  replyTo: string
  /** user ids, or MENTION_ALL (text and edit only) */
  mentions: string[]
  /** filled in on read when replyTo is set */
  reply?: ReplyPreview
  /** image, file and voice messages only */
  attachment?: MessageAttachment
}

/** A status read off a wire: anything but the three known ones is a broken peer, not a client's mistake. */
export function messageStatus(status: string): MessageStatus {
  if ((messageStatuses as readonly string[]).includes(status)) return status as MessageStatus
  throw new Error(`unknown message status "${status}"`)
}

/** A kind read off a wire: '' (a peer that predates kinds) is text; an unknown one is a broken peer. */
export function messageKind(kind: string): MessageKind {
  if (kind === '') return 'text'
  if ((messageKinds as readonly string[]).includes(kind)) return kind as MessageKind
  throw new Error(`unknown message kind "${kind}"`)
}

/** The state a new record starts with: no edits, reactions or pin. */
export const freshState: Readonly<OperationState> = {
  editedAt: 0,
  editCount: 0,
  editSeq: 0,
  reactions: [],
  pinnedAt: 0,
}
const stateKeys = Object.keys(freshState) as (keyof OperationState)[]

/** m's operation state, each field as m has it */
export function stateOf(m: OperationState): OperationState {
  const state = {} as Record<keyof OperationState, unknown>
  for (const k of stateKeys) state[k] = m[k]
  return state as OperationState
}

/** the fields of m's operation state that differ from freshState; undefined when none does (a message no operation
 *  changed), which is what a store keeps for most messages */
export function changedState(m: OperationState): Partial<OperationState> | undefined {
  let changed: Partial<OperationState> | undefined
  for (const k of stateKeys) {
    const v = m[k]
    if (Array.isArray(v) ? v.length === 0 : v === freshState[k]) continue
    changed ??= {}
    ;(changed as Record<string, unknown>)[k] = v
  }
  return changed
}

/** What a plain text message carries beside its content: no target, reply or mentions, and the fresh state. */
export const textDefaults = {
  kind: 'text' as MessageKind,
  targetId: '',
  replyTo: '',
  mentions: [] as string[],
  ...freshState,
}

/** The message's own fields, without what a store or a wire keeps beside them (an idempotency key). */
export const messageOf = (m: Message): Message => ({
  messageId: m.messageId,
  conversationId: m.conversationId,
  seq: m.seq,
  senderId: m.senderId,
  content: m.content,
  sentAt: m.sentAt,
  status: m.status,
  kind: m.kind,
  targetId: m.targetId,
  replyTo: m.replyTo,
  mentions: m.mentions,
  ...stateOf(m),
  ...(m.reply ? { reply: m.reply } : {}),
  ...(m.attachment ? { attachment: m.attachment } : {}),
})

/** how much of a replied-to message a reply shows */
export const SNIPPET_CHARS = 100

/** The preview of `m` quoted by a reply: recalled and deleted messages show no text. */
export const replyPreview = (m: Message): ReplyPreview => ({
  messageId: m.messageId,
  senderId: m.senderId,
  snippet: m.status === 'normal' ? [...m.content].slice(0, SNIPPET_CHARS).join('') : '',
  status: m.status,
})

/**
 * The message as a client may see it. A recalled message keeps its place in the history but never shows its
 * content or attachment, whether or not the store still keeps them (repo's sync leaves deleted messages out; the
 * same rule covers them wherever they appear).
 */
export function visibleMessage(m: Message): Message {
  if (m.status === 'normal') return m
  const { attachment: _hidden, ...rest } = m
  return { ...rest, content: '' }
}
