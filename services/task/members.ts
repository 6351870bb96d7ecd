// Member ids of a conversation, paged from repo by cursor (never one giant query).
import type { RepoApi } from '../../src/rpc/api.js'

const MEMBER_PAGE = 1000

/** Yields pages of the conversation's member user ids, in user id order. */
export async function* memberPages(repo: RepoApi, conversationId: string): AsyncGenerator<string[]> {
  let cursor = ''
  do {
    const page = await repo.ListMembers({ conversation_id: conversationId, after_user_id: cursor, limit: MEMBER_PAGE })
    if (page.members.length) yield page.members.map((m) => m.user_id)
    cursor = page.next_cursor
  } while (cursor)
}

/** The two members of direct conversations: they never change, so every dispatch after the first skips repo. */
const DIRECT_CACHE_MAX = 100_000
const directMembers = new Map<string, string[]>()

/** Every member id of a conversation (groups: every page; direct: cached once both members are known). */
export async function membersOf(repo: RepoApi, conversationId: string, direct: boolean): Promise<string[]> {
  const hit = direct ? directMembers.get(conversationId) : undefined
  if (hit) return hit
  const ids: string[] = []
  for await (const page of memberPages(repo, conversationId)) ids.push(...page)
  if (direct && ids.length === 2) {
    if (directMembers.size >= DIRECT_CACHE_MAX) directMembers.clear()
    directMembers.set(conversationId, ids)
  }
  return ids
}
