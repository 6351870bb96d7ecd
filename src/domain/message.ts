// The message as every role reasons about it: one type, one name per concept (the sender is `senderId`, whatever a
// wire format calls it). Wire shapes (the gRPC messages, client frames, Kafka payloads) are converted to and from
// it at the edges, by one codec per format (src/contracts/codecs/).
export const messageStatuses = ['normal', 'recalled', 'deleted'] as const
export type MessageStatus = (typeof messageStatuses)[number]

export interface Message {
  messageId: string
  conversationId: string
  /** the message's place in its conversation: unique, gap-free, from 1 */
  seq: number
  senderId: string
  content: string
  /** epoch ms */
  sentAt: number
  status: MessageStatus
}

/** A status read off a wire: anything but the three known ones is a broken peer, not a client's mistake. */
export function messageStatus(status: string): MessageStatus {
  if ((messageStatuses as readonly string[]).includes(status)) return status as MessageStatus
  throw new Error(`unknown message status "${status}"`)
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
})

/**
 * The message as a client may see it. A recalled message keeps its place in the history but never shows its
 * content, whether or not the store still keeps it (repo's sync leaves deleted messages out; the same rule covers
 * them wherever they appear).
 */
export const visibleMessage = (m: Message): Message => (m.status === 'normal' ? m : { ...m, content: '' })
