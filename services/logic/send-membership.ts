// The membership check of a send without a repo call per message. A direct conversation's two members never change
// (repo keys it by the pair; adding or removing members works on groups only), so once a sender is found a member
// of a direct conversation it stays one: logic remembers those pairs. A group's membership changes, so every send
// to a group still asks repo (a removed member is refused with the very next send). A conversation's kind never
// changes either and is asked of repo once per conversation, after a membership check that succeeded.
import type { RepoApi } from '../../src/rpc/api.js'
import { requireMember } from './access.js'

/** entries per map at most; past it the map starts over (the next sends refill it) */
const MAX_ENTRIES = 100_000

export function sendMembership(repo: RepoApi): (conversationId: string, userId: string) => Promise<void> {
  const directMembers = new Set<string>()
  const direct = new Map<string, boolean>()
  const bounded = (map: { size: number; clear(): void }) => (map.size >= MAX_ENTRIES ? map.clear() : undefined)
  return async (conversationId, userId) => {
    const pair = `${conversationId}\n${userId}`
    if (directMembers.has(pair)) return
    await requireMember(repo, conversationId, userId)
    let isDirect = direct.get(conversationId)
    if (isDirect === undefined) {
      isDirect = (await repo.GetConversation({ conversation_id: conversationId })).kind === 'direct'
      bounded(direct)
      direct.set(conversationId, isDirect)
    }
    if (isDirect) {
      bounded(directMembers)
      directMembers.add(pair)
    }
  }
}
