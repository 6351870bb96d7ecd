// SearchMessages: history search over the store's full-text index (src/ports/store.ts searchMessages). Logic has
// turned the query into terms and checked the caller may search the conversation it names; repo checks the terms
// are terms (nothing else reaches a MATCH) and bounds the page.
import { AppError } from '../../src/core/errors.js'
import { toRepoMessage } from '../../src/contracts/codecs/repo-message.js'
import { isSearchTerm, SEARCH_TERMS_MAX } from '../../src/domain/search.js'
import type { RepoApi } from '../../src/rpc/api.js'
import type { RepoServiceDeps } from './deps.js'
import { int, required } from './wire.js'

export const SEARCH_PAGE_MAX = 100

export function searchHandlers({ store }: Pick<RepoServiceDeps, 'store'>): Pick<RepoApi, 'SearchMessages'> {
  return {
    async SearchMessages(req) {
      const userId = required(req.user_id, 'user_id')
      const terms = req.terms ?? []
      if (terms.length === 0 || terms.length > SEARCH_TERMS_MAX || !terms.every(isSearchTerm))
        throw new AppError('bad_request', `terms must be 1 to ${SEARCH_TERMS_MAX} search terms`)
      const limit = Math.min(Math.max(1, int(req.limit) || 20), SEARCH_PAGE_MAX)
      const rows = await store.searchMessages({
        userId,
        terms,
        limit: limit + 1,
        ...(req.conversation_id ? { conversationId: req.conversation_id } : {}),
        ...(req.before_conversation_id
          ? {
              before: {
                sentAt: int(req.before_sent_at),
                conversationId: req.before_conversation_id,
                seq: int(req.before_seq),
              },
            }
          : {}),
      })
      return { messages: rows.slice(0, limit).map(toRepoMessage), has_more: rows.length > limit }
    },
  }
}
