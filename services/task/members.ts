// Member ids of a conversation, paged from repo by cursor (never one giant query).
import type { RepoApi } from '../../src/rpc/api.js'

export const MEMBER_PAGE = 1000

/** Yields pages of member user ids with user id > afterUserId, up to and including untilUserId ('' = no bound). */
export async function* memberPages(repo: RepoApi, conversationId: string, afterUserId = '', untilUserId = '', pageSize = MEMBER_PAGE): AsyncGenerator<string[]> {
  let cursor = afterUserId
  for (;;) {
    const page = await repo.ListMembers({ conversation_id: conversationId, after_user_id: cursor, limit: pageSize })
    let ids = page.members.map((m) => m.user_id)
    const done = !page.next_cursor || (untilUserId !== '' && ids.length > 0 && ids[ids.length - 1]! >= untilUserId)
    if (untilUserId !== '') ids = ids.filter((id) => id <= untilUserId)
    if (ids.length) yield ids
    if (done) return
    cursor = page.next_cursor
  }
}
