// Friend requests: the addressee hears of a request (friend.requested), the requester of its acceptance
// (friend.accepted), both on gochat.notifications keyed by the person notified.
import { AppError } from '../../src/core/errors.js'
import { notification } from '../../src/contracts/events.js'
import type { LogicApi } from '../../src/rpc/api.js'
import type { LogicDeps } from './deps.js'
import { requireUser } from './access.js'
import { outboxEvent } from './domain-events.js'
import { requireId } from './validate.js'

export function createFriends(deps: LogicDeps): Pick<LogicApi, 'RequestFriend' | 'AcceptFriend'> {
  const { repo } = deps
  return {
    async RequestFriend(req) {
      const userId = requireId(req.user_id, 'userId')
      const peerId = requireId(req.peer_user_id, 'userId of the addressee')
      if (peerId === userId) throw new AppError('bad_request', 'cannot befriend yourself')
      const [me] = await Promise.all([requireUser(repo, userId), requireUser(repo, peerId)])
      const event = notification('friend.requested', peerId, { from_user_id: userId, display_name: me.display_name })
      await repo.CreateFriendRequest({
        from_user_id: userId,
        to_user_id: peerId,
        events: [outboxEvent(deps.topics.notifications, event)],
      })
      return {}
    },

    async AcceptFriend(req) {
      const userId = requireId(req.user_id, 'userId')
      const requesterId = requireId(req.peer_user_id, 'fromUserId')
      const me = await requireUser(repo, userId)
      const event = notification('friend.accepted', requesterId, { user_id: userId, display_name: me.display_name })
      // repo answers NOT_FOUND when there is no pending request from requesterId to this user
      await repo.AcceptFriendRequest({
        from_user_id: requesterId,
        to_user_id: userId,
        events: [outboxEvent(deps.topics.notifications, event)],
      })
      return {}
    },
  }
}
