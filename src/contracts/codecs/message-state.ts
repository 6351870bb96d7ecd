// What a message carries beside its identity, text and status (its kind, target, reply and mentions, and the state
// operations gave it: edits, reactions, pin; its attachment) ↔ its wire form. Both gRPC contracts (repo and
// MessageApi) spell these fields the same, so both codecs share this one mapping: a new operation's state is added here.
import type { Message } from '../../domain/message.js'
import { messageKind } from '../../domain/message.js'
import { attachmentIn, attachmentOut } from './attachment.js'
import type { MessageAttachment__Output as WireAttachment } from '../generated/gochat/repo/v1/MessageAttachment.js'

/** the fields both wire Messages share, as the generated __Output types spell them */
export interface WireMessageState {
  kind: string
  target_id: string
  reply_to: string
  mentions: string[]
  edited_at: number
  edit_count: number
  edit_seq: number
  reactions: { emoji: string; user_ids: string[] }[]
  pinned_at: number
  attachment: WireAttachment | null
}

type MessageState = Pick<
  Message,
  'kind' | 'targetId' | 'replyTo' | 'mentions' | 'editedAt' | 'editCount' | 'editSeq' | 'reactions' | 'pinnedAt'
> & { attachment?: Message['attachment'] }

export const messageStateOut = (m: Message): WireMessageState => ({
  kind: m.kind,
  target_id: m.targetId,
  reply_to: m.replyTo,
  mentions: m.mentions,
  edited_at: m.editedAt,
  edit_count: m.editCount,
  edit_seq: m.editSeq,
  reactions: m.reactions.map((r) => ({ emoji: r.emoji, user_ids: r.userIds })),
  pinned_at: m.pinnedAt,
  attachment: m.attachment ? attachmentOut(m.attachment) : null,
})

/** defaults for what a peer that predates a field leaves out */
export const messageStateIn = (m: Partial<WireMessageState>): MessageState => ({
  kind: messageKind(m.kind ?? ''),
  targetId: m.target_id ?? '',
  replyTo: m.reply_to ?? '',
  mentions: m.mentions ?? [],
  editedAt: m.edited_at ?? 0,
  editCount: m.edit_count ?? 0,
  editSeq: m.edit_seq ?? 0,
  reactions: (m.reactions ?? []).map((r) => ({ emoji: r.emoji, userIds: r.user_ids })),
  pinnedAt: m.pinned_at ?? 0,
  ...(m.attachment ? { attachment: attachmentIn(m.attachment) } : {}),
})
