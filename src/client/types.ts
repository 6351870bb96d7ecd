// The public types of the client library (docs/client.md): what the server sends, as docs/protocol.md defines it.
// They mirror the protocol on purpose instead of importing the server's contracts: the library ships to browsers
// alone and must not pull in anything of the server.

export interface Message {
  messageId: string
  conversationId: string
  seq: number
  senderId: string
  content: string
  sentAt: number
  status: 'normal' | 'recalled' | 'deleted'
  /** 'text'; 'image', 'file', 'voice' (with `attachment`); 'system' (written by gochat); or an operation on an
   *  earlier message (`targetId`), delivered in the seq stream like a message */
  kind: MessageKind
  /** operations: the message they apply to; '' otherwise */
  targetId: string
  /** the message this one answers ('' when none), and its preview as it is now */
  replyTo: string
  reply?: { messageId: string; senderId: string; snippet: string; status: Message['status'] }
  /** user ids, or '@all' */
  mentions: string[]
  /** what operations made of it so far: the last edit (epoch ms, 0: never), edits, reactions, pin (0: not pinned) */
  editedAt: number
  editCount: number
  reactions: Array<{ emoji: string; userIds: string[] }>
  pinnedAt: number
  /** image, file and voice messages: what the upload turned out to be (fetch the bytes with a download URL,
   *  GET /v1/attachments/{attachmentId}/url); absent once the message is recalled or deleted */
  attachment?: MessageAttachment
}

/** the attachment of an image, file or voice message (docs/protocol.md "Uploads and downloads") */
export interface MessageAttachment {
  attachmentId: string
  mime: string
  /** bytes */
  size: number
  /** the uploader's file name, made safe; '' when none */
  name: string
  /** hex sha256 of the bytes */
  sha256: string
  /** images: pixels, else 0 */
  width: number
  height: number
  /** voice: milliseconds, else 0 */
  durationMs: number
  /** images gochat could make a thumbnail of (RestClient.downloadUrl(id, 'thumbnail')) */
  thumbnail?: Thumbnail
}

/** a small WebP of an image: at most 320 px on the long side */
export interface Thumbnail {
  width: number
  height: number
  size: number
  mime: string
}

export type MessageKind =
  | 'text'
  | 'image'
  | 'file'
  | 'voice'
  | 'system'
  | 'edit'
  | 'reaction'
  | 'unreaction'
  | 'pin'
  | 'unpin'
  /** a tombstone: retention removed the record (docs/protocol.md "Retention"); seq, sender and time stay */
  | 'expired'

/** what a send carries beside its content when it is not a plain text message (docs/protocol.md) */
export interface RecordFields {
  kind?: MessageKind
  targetId?: string
  replyTo?: string
  mentions?: string[]
  /** image, file, voice: a completed upload of the sender's (POST /v1/uploads, then …/complete) */
  attachmentId?: string
}

export interface Conversation {
  conversationId: string
  kind: 'direct' | 'group'
  lastSeq: number
  readSeq: number
  role?: 'admin' | 'member'
  name?: string
  announcement?: string
  peer?: { userId: string; displayName: string; readSeq: number }
  /** the caller muted it: no offline push, no unread sound */
  muted?: boolean
}

export interface Session {
  userId: string
  token: string
}

/** A domain event envelope as it reaches the socket (snake_case, docs/protocol.md "Events on the socket"). */
export interface Envelope {
  event_type: string
  event_id?: string
  timestamp?: number
  conversation_id?: string
  operator_id?: string
  target_user_id?: string
  user_id?: string
  payload?: Record<string, unknown>
}

export type ServerFrame =
  | { op: 'ack'; ref?: string | number; messageId?: string; seq?: number }
  | { op: 'error'; ref?: string | number; code: string; message: string }
  | { op: 'sync.result'; ref?: string | number; messages: Message[]; hasMore: boolean }
  | { op: 'pong'; ref?: string | number }
  | { op: 'message'; message: Message }
  | { op: 'event'; type?: string; event: Envelope }

/** Where the connection stands: `offline` waits for the next attempt, `closed` is the end (logout, close()). */
export type ConnectionState = 'idle' | 'connecting' | 'online' | 'offline' | 'closed'

/** A failure with the protocol's error code (`unavailable`, `not_member`, …) or the client's own (`closed`, `timeout`). */
export class GochatError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** HTTP status of a REST answer (0 for the socket and the client's own) */
    readonly status = 0,
    /** the server's Retry-After, in ms */
    readonly retryAfterMs?: number,
  ) {
    super(`${code}: ${message}`)
    this.name = 'GochatError'
  }
}

/** Codes after which the same request (with the same idempotency key) may succeed later. */
export const TRANSIENT = new Set(['unavailable', 'rate_limited', 'closed', 'timeout', 'network', 'internal'])
