// Friend requests: send one, accept one.
import { AppError } from '../../src/core/errors.js'
import type { RepoApi } from '../../src/rpc/api.js'
import { committer, id, type RepoServiceDeps } from './deps.js'
import { outboxOf, required } from './wire.js'

export function friendHandlers(deps: RepoServiceDeps): Pick<RepoApi, 'CreateFriendRequest' | 'AcceptFriendRequest'> {
  const { store } = deps
  const committed = committer(deps)

  return {
    async CreateFriendRequest(req) {
      const from = id(req.from_user_id, 'from_user_id')
      const to = id(req.to_user_id, 'to_user_id')
      if (from === to) throw new AppError('bad_request', 'a friend request needs two different users')
      const outbox = outboxOf(req.events)
      await store.createFriendRequest(from, to, Date.now(), outbox)
      return committed(outbox, {})
    },

    async AcceptFriendRequest(req) {
      const from = required(req.from_user_id, 'from_user_id')
      const to = required(req.to_user_id, 'to_user_id')
      const outbox = outboxOf(req.events)
      await store.acceptFriendRequest(from, to, Date.now(), outbox)
      return committed(outbox, {})
    },
  }
}
