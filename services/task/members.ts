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
