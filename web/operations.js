// A conversation's records as the server sends them (addMessages), and its operation records (docs/protocol.md
// "Message operations"): an edit, reaction, unreaction, pin or unpin is a record with a seq of its own and a
// `targetId`. The page keeps them (sync and gap checks count on every seq) but never shows one as a message: each is
// applied to the message it targets. A message read by sync already shows every record up to the top of what the
// page held then (`asOf`); a record after that applies over it, and each register (the text, one user's reaction,
// the pin) keeps the record with the highest seq, so records that arrive out of order (an ack before an earlier
// push) end in the same state as on every other device. An 'expired' record (a tombstone left by retention) is
// held like an operation, never shown, and replaces the message it was.
import { highestHeld } from './state.js'

/** the operation kinds; every other kind (text, image, file, voice, system) is a message the page shows */
const OPERATIONS = new Set(['edit', 'reaction', 'unreaction', 'pin', 'unpin'])
export const isOperation = (m) => OPERATIONS.has(m.kind)

const register = (op) =>
  op.kind === 'edit' ? 'edit' : op.kind === 'pin' || op.kind === 'unpin' ? 'pin' : `reaction:${op.senderId}`

/** the reactions without this user's (each user has at most one emoji on a message) */
const without = (reactions, userId) =>
  reactions
    .map((r) => ({ emoji: r.emoji, userIds: r.userIds.filter((u) => u !== userId) }))
    .filter((r) => r.userIds.length > 0)

/** Applies an operation record to its target in `c.msgs`, when the page holds it and has not seen a later one. */
export function applyRecord(c, op) {
  const t = [...c.msgs.values()].find((m) => m.messageId === op.targetId)
  if (!t || isOperation(t) || t.status !== 'normal') return
  const key = register(op)
  const seqs = t.opSeqs ?? {} // register → the seq of the record that set it last
  if (op.seq <= Math.max(seqs[key] ?? 0, t.asOf ?? t.seq, key === 'edit' ? (t.editSeq ?? 0) : 0)) return
  const next = { ...t, opSeqs: { ...seqs, [key]: op.seq } }
  const reactions = t.reactions ?? []
  switch (op.kind) {
    case 'edit':
      Object.assign(next, {
        content: op.content,
        mentions: op.mentions ?? [],
        editedAt: op.sentAt,
        editCount: (t.editCount ?? 0) + 1,
        editSeq: op.seq,
      })
      break
    case 'reaction': {
      const rest = without(reactions, op.senderId)
      const same = rest.find((r) => r.emoji === op.content)
      if (same) same.userIds.push(op.senderId)
      else rest.push({ emoji: op.content, userIds: [op.senderId] })
      next.reactions = rest
      break
    }
    case 'unreaction': {
      const mine = reactions.find((r) => r.userIds.includes(op.senderId))
      if (mine && (op.content === '' || mine.emoji === op.content)) next.reactions = without(reactions, op.senderId)
      break
    }
    case 'pin':
      next.pinnedAt = t.pinnedAt || op.sentAt
      break
    case 'unpin':
      next.pinnedAt = 0
      break
    default:
      return // a kind this page does not know yet: kept in the stream, shown nowhere
  }
  c.msgs.set(t.seq, next)
}

/**
 * Adds records, de-duplicated by (conversationId, seq); operation records are applied to their targets
 * (operations.js). `fetched`: read by sync, so each message shows every record up to the highest seq held; a pushed
 * or acknowledged one shows those up to its own. A copy as current as the one held does not replace it.
 */
export function addMessages(c, messages, fetched = false) {
  const top = Math.max(highestHeld(c), ...messages.map((m) => m.seq))
  for (const m of [...messages].sort((a, b) => a.seq - b.seq)) {
    c.lastSeq = Math.max(c.lastSeq, m.seq)
    const held = c.msgs.get(m.seq)
    if (m.kind === 'expired') {
      // retention removed it (docs/protocol.md "Retention"): what the page showed of it goes, its seq stays held
      c.msgs.set(m.seq, m)
      continue
    }
    if (isOperation(m)) {
      if (held) continue
      c.msgs.set(m.seq, m)
      applyRecord(c, m)
      continue
    }
    const asOf = fetched ? top : m.seq
    if (held && !held.local && (held.asOf ?? held.seq) >= asOf) continue // `local`: shown from its ack (sending.js)
    c.msgs.set(m.seq, { ...m, asOf })
  }
}
