// What may stop a member's send (docs/protocol.md#moderation): a block between the two members of a direct
// conversation, or a group admin's mute of the sender. Repo checks it itself in StoreMessage and AllocateSeq, the
// calls every send makes anyway, so a send costs logic no repo call of its own for it. Blocks and mutes are read
// from the store on every send, so one takes effect with the very next send; what is remembered here never
// changes: a conversation's kind, and a direct conversation's two members (repo keys it by the pair).
import { AppError } from '../../src/core/errors.js'
import type { Store } from '../../src/ports/store.js'

/** conversations remembered at most; past it the map starts over (the next sends refill it) */
const MAX_ENTRIES = 100_000

export interface SendRestrictions {
  /** refuses the send `blocked` or `muted` (`not_found` without the conversation) */
  refuse(conversationId: string, senderId: string, now: number): Promise<void>
}

export function sendRestrictions(store: Store): SendRestrictions {
  /** a group's id → 'group'; a direct conversation's → its two members */
  const known = new Map<string, 'group' | string[]>()
  async function shape(conversationId: string): Promise<'group' | string[]> {
    const seen = known.get(conversationId)
    if (seen) return seen
    const c = await store.getConversation(conversationId)
    if (!c) throw new AppError('not_found', `conversation ${conversationId} not found`)
    const found = c.kind === 'group' ? 'group' : (await store.listMembers(conversationId, '', 2)).map((r) => r.userId)
    if (known.size >= MAX_ENTRIES) known.clear()
    known.set(conversationId, found)
    return found
  }
  /** blocked: the sender and the other member of a direct conversation block each other; mutedUntil: 0 if none */
  async function of(conversationId: string, senderId: string): Promise<{ blocked: boolean; mutedUntil: number }> {
    const s = await shape(conversationId)
    if (s === 'group')
      return { blocked: false, mutedUntil: await store.moderation.memberMutedUntil(conversationId, senderId) }
    const peers = s.filter((u) => u !== senderId)
    return { blocked: (await store.moderation.blockedAmong(senderId, peers)).size > 0, mutedUntil: 0 }
  }
  return {
    async refuse(conversationId, senderId, now) {
      const r = await of(conversationId, senderId)
      if (r.blocked) throw new AppError('blocked', 'you and this user block each other (or one of you does)')
      if (r.mutedUntil > now)
        throw new AppError('muted', `a group admin muted you here until ${new Date(r.mutedUntil).toISOString()}`)
    },
  }
}
