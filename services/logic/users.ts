// Public profiles: names by id (conversation lists, message senders, member lists) and the people search. Never a
// listing of everyone (people_search, docs/protocol.md): under the default `exact` a prefix finds the caller's
// contacts (people sharing a conversation with them) and the users who chose to be discoverable, and anyone else
// only by their exact username; `contacts` leaves out the last two, `open` finds everyone by prefix. Other users'
// login usernames (what the login lockout is keyed by) are only shown to someone who typed that exact username.
import { AppError } from '../../src/core/errors.js'
import type { User__Output } from '../../src/contracts/generated/gochat/repo/v1/User.js'
import type { LogicApi } from '../../src/rpc/api.js'
import type { LogicDeps } from './deps.js'
import { distinctIds, requireId } from './validate.js'
import { normalizeUsername } from '../../src/contracts/names.js'

export const GET_USERS_MAX = 100
export const SEARCH_MIN_CHARS = 2
export const SEARCH_MAX = 50
export const SEARCH_DEFAULT = 20
const QUERY_MAX = 64

export type PeopleSearch = 'contacts' | 'exact' | 'open'

/**
 * what another user may see of a user: never the password hash, nor whether a guest; the username only to the
 * user themself, or in a search for exactly that username (`typed`: the query, normalized)
 */
export const publicUser = (u: User__Output, viewer: string, typed?: string) => ({
  user_id: u.user_id,
  username: u.user_id === viewer || (typed && u.username && normalizeUsername(u.username) === typed) ? u.username : '',
  display_name: u.display_name,
})

export function createUsers(deps: LogicDeps, peopleSearch: PeopleSearch): Pick<LogicApi, 'GetUsers' | 'SearchUsers'> {
  const { repo } = deps
  return {
    async GetUsers(req) {
      const viewer = requireId(req.user_id, 'userId')
      const ids = distinctIds(req.user_ids, 'ids')
      if (ids.length === 0) return { users: [], next_cursor: '' }
      if (ids.length > GET_USERS_MAX) throw new AppError('bad_request', `at most ${GET_USERS_MAX} ids a call`)
      const { users } = await repo.GetUsers({ user_ids: ids })
      return { users: users.map((u) => publicUser(u, viewer)), next_cursor: '' }
    },

    async SearchUsers(req) {
      const viewer = requireId(req.user_id, 'userId')
      const query = (req.query ?? '').trim()
      if ([...query].length < SEARCH_MIN_CHARS)
        throw new AppError('bad_request', `q needs at least ${SEARCH_MIN_CHARS} characters`)
      if ([...query].length > QUERY_MAX) throw new AppError('bad_request', `q is longer than ${QUERY_MAX} characters`)
      const limit = Math.min(req.limit || SEARCH_DEFAULT, SEARCH_MAX)
      if (limit < 1) throw new AppError('bad_request', 'limit must be positive')
      const typed = normalizeUsername(query)
      // one more than asked tells whether another page follows
      const { users } = await repo.SearchUsers({
        prefix: query,
        after_user_id: req.after_user_id ?? '',
        limit: limit + 1,
        scope:
          peopleSearch === 'open'
            ? null
            : {
                contacts_of: viewer,
                discoverable: peopleSearch === 'exact',
                exact_username: peopleSearch === 'exact' ? typed : '',
              },
      })
      const page = users.slice(0, limit)
      // people who block each other do not find each other (the page may come out shorter; the cursor goes on)
      const blocked = page.length
        ? new Set((await repo.BlockedAmong({ subject_id: viewer, user_ids: page.map((u) => u.user_id) })).user_ids)
        : new Set<string>()
      return {
        users: page.filter((u) => !blocked.has(u.user_id)).map((u) => publicUser(u, viewer, typed)),
        next_cursor: users.length > limit ? page.at(-1)!.user_id : '',
      }
    },
  }
}
