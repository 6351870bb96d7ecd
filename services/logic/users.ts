// Public profiles: names by id (conversation lists, message senders, member lists) and the search that finds
// people by username or display-name prefix. Never a listing of everyone: a query needs two characters and a
// page holds at most SEARCH_MAX users.
import { AppError } from '../../src/core/errors.js'
import type { User__Output } from '../../src/contracts/generated/gochat/repo/v1/User.js'
import type { LogicApi } from '../../src/rpc/api.js'
import type { LogicDeps } from './deps.js'
import { distinctIds, requireId } from './validate.js'

export const GET_USERS_MAX = 100
export const SEARCH_MIN_CHARS = 2
export const SEARCH_MAX = 50
export const SEARCH_DEFAULT = 20
const QUERY_MAX = 64

/** what anyone may see of a user: never the password hash, nor whether a guest (beyond the missing username) */
export const publicUser = (u: User__Output) => ({
  user_id: u.user_id,
  username: u.username,
  display_name: u.display_name,
})

export function createUsers(deps: LogicDeps): Pick<LogicApi, 'GetUsers' | 'SearchUsers'> {
  const { repo } = deps
  return {
    async GetUsers(req) {
      requireId(req.user_id, 'userId')
      const ids = distinctIds(req.user_ids, 'ids')
      if (ids.length === 0) return { users: [], next_cursor: '' }
      if (ids.length > GET_USERS_MAX) throw new AppError('bad_request', `at most ${GET_USERS_MAX} ids a call`)
      const { users } = await repo.GetUsers({ user_ids: ids })
      return { users: users.map(publicUser), next_cursor: '' }
    },

    async SearchUsers(req) {
      requireId(req.user_id, 'userId')
      const query = (req.query ?? '').trim()
      if ([...query].length < SEARCH_MIN_CHARS)
        throw new AppError('bad_request', `q needs at least ${SEARCH_MIN_CHARS} characters`)
      if ([...query].length > QUERY_MAX) throw new AppError('bad_request', `q is longer than ${QUERY_MAX} characters`)
      const limit = Math.min(req.limit || SEARCH_DEFAULT, SEARCH_MAX)
      if (limit < 1) throw new AppError('bad_request', 'limit must be positive')
      // one more than asked tells whether another page follows
      const { users } = await repo.SearchUsers({
        prefix: query,
        after_user_id: req.after_user_id ?? '',
        limit: limit + 1,
      })
      const page = users.slice(0, limit)
      return { users: page.map(publicUser), next_cursor: users.length > limit ? page.at(-1)!.user_id : '' }
    },
  }
}
