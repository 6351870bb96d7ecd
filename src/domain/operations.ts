// What an operation record (edit, reaction, unreaction, pin, unpin) does to the message it targets. Pure: every
// store applies it inside the transaction that stores the operation, and the same rules say what it refuses.
// Who may do it (sender, member, admin) and the edit window are logic's checks, made before; these are the ones
// that depend on the target's state at that moment.
import { isOperation, type Message, type OperationKind, type Reaction } from './message.js'

/** distinct emoji one message may carry; a new one beyond them is refused (existing ones can still be added to) */
export const MAX_REACTIONS_PER_MESSAGE = 20
/** bytes of one reaction: an emoji with its modifiers and joiners, never a text */
export const MAX_EMOJI_BYTES = 32

export type Refusal = { code: 'not_found' | 'not_sender' | 'conflict' | 'bad_request'; reason: string }
export type Applied = { message: Message } | { refused: Refusal }

const PICTOGRAPH = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u
const EMOJI_PARTS = /^(?:\p{Extended_Pictographic}|\p{Emoji_Component}|\p{Emoji_Modifier}|\u200d|\ufe0f|\u20e3)+$/u
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' })

/** One emoji (a single grapheme of emoji code points, modifiers and joiners included), at most MAX_EMOJI_BYTES. */
export function isEmoji(s: string): boolean {
  if (s.length === 0 || Buffer.byteLength(s, 'utf8') > MAX_EMOJI_BYTES) return false
  if (!EMOJI_PARTS.test(s) || !PICTOGRAPH.test(s)) return false
  return [...graphemes.segment(s)].length === 1
}

const refuse = (code: Refusal['code'], reason: string): Applied => ({ refused: { code, reason } })

function withoutUser(reactions: Reaction[], userId: string): Reaction[] {
  return reactions
    .map((r) => ({ emoji: r.emoji, userIds: r.userIds.filter((u) => u !== userId) }))
    .filter((r) => r.userIds.length > 0)
}

/**
 * Every operation in one table: who may apply it (its target's sender; any member; in groups an admin, in a
 * direct conversation either member), what its `content` carries, the domain event it produces, and what it does
 * to its target. A new operation is a kind in message.ts's lists and an entry here; logic's checks
 * (services/logic/records.ts), the stores and the events read them from here.
 */
export interface OperationRule {
  who: 'sender' | 'member' | 'admin'
  /** text: a non-empty text (and mentions); emoji: one emoji; emoji-or-none: one emoji or ''; none: '' */
  content: 'text' | 'emoji' | 'emoji-or-none' | 'none'
  /** the event on gochat.message-events (src/contracts/events.ts lists these from here) */
  event: `message.${string}`
  /** the target after `op`; a refusal here is the one the target's state decides (logic checked the rest) */
  apply(target: Message, op: Message): Applied
}

export const operations = {
  edit: {
    who: 'sender',
    content: 'text',
    event: 'message.edited',
    apply(target, op) {
      if (target.senderId !== op.senderId) return refuse('not_sender', 'only the sender may edit a message')
      // Under async persistence edits may arrive out of seq order: an older one keeps the newer text but still
      // counts (the stores apply each record once: a redelivered one is a duplicate and never reaches here).
      if (op.seq === target.editSeq) return { message: target }
      if (op.seq < target.editSeq) return { message: { ...target, editCount: target.editCount + 1 } }
      return {
        message: {
          ...target,
          content: op.content,
          mentions: op.mentions,
          editedAt: op.sentAt,
          editCount: target.editCount + 1,
          editSeq: op.seq,
        },
      }
    },
  },
  reaction: {
    who: 'member',
    content: 'emoji',
    event: 'message.reacted',
    apply(target, op) {
      const mine = target.reactions.find((r) => r.userIds.includes(op.senderId))
      if (mine?.emoji === op.content) return { message: target }
      const rest = withoutUser(target.reactions, op.senderId)
      const same = rest.find((r) => r.emoji === op.content)
      if (!same && rest.length >= MAX_REACTIONS_PER_MESSAGE)
        return refuse('conflict', `a message carries at most ${MAX_REACTIONS_PER_MESSAGE} different reactions`)
      const reactions = same
        ? rest.map((r) => (r === same ? { emoji: r.emoji, userIds: [...r.userIds, op.senderId] } : r))
        : [...rest, { emoji: op.content, userIds: [op.senderId] }]
      return { message: { ...target, reactions } }
    },
  },
  unreaction: {
    who: 'member',
    content: 'emoji-or-none',
    event: 'message.unreacted',
    apply(target, op) {
      const mine = target.reactions.find((r) => r.userIds.includes(op.senderId))
      if (!mine || (op.content !== '' && mine.emoji !== op.content)) return { message: target }
      return { message: { ...target, reactions: withoutUser(target.reactions, op.senderId) } }
    },
  },
  pin: {
    who: 'admin',
    content: 'none',
    event: 'message.pinned',
    apply: (target, op) => ({ message: target.pinnedAt > 0 ? target : { ...target, pinnedAt: op.sentAt } }),
  },
  unpin: {
    who: 'admin',
    content: 'none',
    event: 'message.unpinned',
    apply: (target) => ({ message: target.pinnedAt > 0 ? { ...target, pinnedAt: 0 } : target }),
  },
} as const satisfies Record<OperationKind, OperationRule>

/** the events operations produce, in the table's order */
export const operationEvents = Object.values(operations).map((o) => o.event)

/**
 * The target after `op`, or why it is refused. An operation that changes nothing (a pin of a pinned message, the
 * edit that wrote the current text again) returns the target as it is: the record still stands. An edit older by
 * seq than the current text only counts.
 */
export function applyOperation(target: Message, op: Message): Applied {
  if (isOperation(target.kind)) return refuse('bad_request', 'an operation cannot be the target of another')
  if (target.status !== 'normal') return refuse('conflict', `the message was ${target.status}`)
  if (target.kind === 'expired') return refuse('conflict', 'the message expired')
  if (!isOperation(op.kind)) return refuse('bad_request', `"${op.kind}" is no operation`)
  return (operations[op.kind] as OperationRule).apply(target, op)
}
