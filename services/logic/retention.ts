// A conversation's retention (issue 28, src/ports/retention.ts): any member reads it; group admins, or either member
// of a direct conversation, set it. A change tells every member (conversation.retention.updated), so that each
// client can show that messages now disappear.
import { conversationNotification } from '../../src/contracts/events.js'
import type { LogicApi } from '../../src/rpc/api.js'
import { requireMember } from './access.js'
import type { LogicDeps } from './deps.js'
import { outboxEvent } from './domain-events.js'
import { requireAdminHere } from './records.js'
import { requireId } from './validate.js'

export function createRetention(
  deps: LogicDeps,
  deploymentRetentionDays: number,
): Pick<LogicApi, 'GetRetention' | 'SetRetention'> {
  const { repo } = deps
  const view = (s: { retention_days: number; ttl_seconds: number }) => ({
    retention_days: s.retention_days,
    ttl_seconds: s.ttl_seconds,
    deployment_retention_days: deploymentRetentionDays,
  })
  return {
    async GetRetention(req) {
      const userId = requireId(req.user_id, 'userId')
      const conversationId = requireId(req.conversation_id, 'conversationId')
      await requireMember(repo, conversationId, userId)
      return view(await repo.GetRetention({ conversation_id: conversationId }))
    },

    async SetRetention(req) {
      const userId = requireId(req.user_id, 'userId')
      const conversationId = requireId(req.conversation_id, 'conversationId')
      await requireAdminHere(deps, conversationId, userId, 'set how long history is kept')
      const settings = { retention_days: req.retention_days ?? 0, ttl_seconds: req.ttl_seconds ?? 0 }
      const events = [
        outboxEvent(
          deps.topics.notifications,
          conversationNotification('conversation.retention.updated', conversationId, userId, {
            conversation_id: conversationId,
            ...settings,
          }),
        ),
      ]
      // the repo checks the values (the store's rules) and writes the event only when they changed
      return view(await repo.SetRetention({ conversation_id: conversationId, settings, events }))
    },
  }
}
