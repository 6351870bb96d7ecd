// What an operation record (edit, reaction, unreaction, pin, unpin) does to the message it targets. Pure: every
// store applies it inside the transaction that stores the operation, and the same rules say what it refuses.
// Who may do it (sender, member, admin) and the edit window are logic's checks, made before; these are the ones
// that depend on the target's state at that moment.
import { isOperation, type Message, type Reaction } from './message.js'

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
 * The target after `op`, or why it is refused. An operation that changes nothing (a pin of a pinned message, an
 * edit older by seq than the target's current text) returns the target as it is: the record still stands.
 */
export function applyOperation(target: Message, op: Message): Applied {
  if (isOperation(target.kind)) return refuse('bad_request', 'an operation cannot be the target of another')
  if (target.status !== 'normal') return refuse('conflict', `the message was ${target.status}`)
  if (target.kind === 'expired') return refuse('conflict', 'the message expired')
  switch (op.kind) {
    case 'edit': {
      if (target.senderId !== op.senderId) return refuse('not_sender', 'only the sender may edit a message')
      if (op.seq <= target.editSeq) return { message: target }
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
    }
    case 'reaction': {
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
    }
    case 'unreaction': {
      const mine = target.reactions.find((r) => r.userIds.includes(op.senderId))
      if (!mine || (op.content !== '' && mine.emoji !== op.content)) return { message: target }
      return { message: { ...target, reactions: withoutUser(target.reactions, op.senderId) } }
    }
    case 'pin':
      return { message: target.pinnedAt > 0 ? target : { ...target, pinnedAt: op.sentAt } }
    case 'unpin':
      return { message: target.pinnedAt > 0 ? { ...target, pinnedAt: 0 } : target }
    default:
      return refuse('bad_request', `"${op.kind}" is no operation`)
  }
}
