// SearchMessages: history search for a user (docs/protocol.md "Search"). The query is checked and turned into
// terms here (src/domain/search.ts), never passed on as text: full-text syntax in it is words like any other. Only
// the caller's conversations are searched (repo joins their memberships); one named conversation must be theirs.
import { AppError } from '../../src/core/errors.js'
import { fromRepoMessage } from '../../src/contracts/codecs/repo-message.js'
import { toApiMessage } from '../../src/contracts/codecs/api-message.js'
import { visibleMessage } from '../../src/domain/message.js'
import { queryTerms, SEARCH_QUERY_MAX, type SearchPosition } from '../../src/domain/search.js'
import { snippet } from '../../src/domain/search-snippet.js'
import type { MessageApi } from '../../src/rpc/api.js'
import type { LogicDeps } from './deps.js'
import { requireMember } from './access.js'
import { requireId } from './validate.js'

export const SEARCH_PAGE_DEFAULT = 20
export const SEARCH_PAGE_MAX = 50

/** the cursor a page ends with: its last hit's position, opaque to clients */
export const encodeCursor = (p: SearchPosition): string =>
  Buffer.from(JSON.stringify([p.sentAt, p.conversationId, p.seq])).toString('base64url')

export function decodeCursor(cursor: string): SearchPosition {
  try {
    const [sentAt, conversationId, seq] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[]
    if (
      Number.isSafeInteger(sentAt) &&
      typeof conversationId === 'string' &&
      conversationId &&
      Number.isSafeInteger(seq)
    )
      return { sentAt: sentAt as number, conversationId, seq: seq as number }
  } catch {}
  throw new AppError('bad_request', 'cursor is not one a search returned')
}

export function createSearch(deps: LogicDeps): Pick<MessageApi, 'SearchMessages'> {
  const { repo } = deps
  return {
    async SearchMessages(req) {
      const actorId = requireId(req.actor_user_id, 'actorUserId')
      const query = (req.query ?? '').trim()
      if (!query) throw new AppError('bad_request', 'q is empty')
      if (query.length > SEARCH_QUERY_MAX)
        throw new AppError('bad_request', `q is longer than ${SEARCH_QUERY_MAX} characters`)
      const asked = req.page_size ?? 0
      if (!Number.isInteger(asked) || asked < 0) throw new AppError('bad_request', 'limit must be a positive integer')
      const limit = Math.min(asked || SEARCH_PAGE_DEFAULT, SEARCH_PAGE_MAX)
      const conversationId = req.conversation_id ? requireId(req.conversation_id, 'conversationId') : ''
      const before = req.cursor ? decodeCursor(req.cursor) : undefined
      if (conversationId) await requireMember(repo, conversationId, actorId)
      const terms = queryTerms(query)
      // only punctuation or operators: no word to look for, so nothing matches
      if (terms.length === 0) return { hits: [], next_cursor: '' }
      const page = await repo.SearchMessages({
        user_id: actorId,
        terms,
        conversation_id: conversationId,
        before_sent_at: before?.sentAt ?? 0,
        before_conversation_id: before?.conversationId ?? '',
        before_seq: before?.seq ?? 0,
        limit,
      })
      const hits = page.messages.map((m) => {
        const s = snippet(m.content, query)
        return {
          message: toApiMessage(visibleMessage(fromRepoMessage(m))),
          snippet: s.text,
          highlights: s.highlights.flat(),
        }
      })
      const last = page.messages.at(-1)
      const next =
        page.has_more && last
          ? encodeCursor({ sentAt: last.sent_at, conversationId: last.conversation_id, seq: last.seq })
          : ''
      return { hits, next_cursor: next }
    },
  }
}
