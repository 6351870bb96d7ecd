// The typing indicator: a member says it is typing, and a `typing` event goes to the conversation's members
// through gochat.message-events and task's events consumer (the path message.read takes, so it reaches every
// gateway). Published straight to the bus, never through the outbox: nothing is stored, and a lost one is
// just a missed hint. The gateway rate-limits it per connection and conversation.
import { randomUUID } from 'node:crypto'
import type { EventEnvelope } from '../../src/contracts/events.js'
import type { LogicApi } from '../../src/rpc/api.js'
import { requireMember } from './access.js'
import type { LogicDeps } from './deps.js'
import { requireId } from './validate.js'

/** groups larger than this get no typing events */
export const TYPING_MAX_MEMBERS = 200

export function typingEvent(conversationId: string, userId: string): EventEnvelope {
  return {
    event_id: randomUUID(),
    event_type: 'typing',
    timestamp: Math.floor(Date.now() / 1000),
    conversation_id: conversationId,
    operator_id: userId,
    payload: {},
  }
}

export function createTyping(deps: LogicDeps): Pick<LogicApi, 'Typing'> {
  return {
    async Typing(req) {
      const userId = requireId(req.user_id, 'userId')
      const conversationId = requireId(req.conversation_id, 'conversationId')
      const [, conversation] = await Promise.all([
        requireMember(deps.repo, conversationId, userId),
        deps.repo.GetConversation({ conversation_id: conversationId }),
      ])
      // bounded fan-out: in a large group "someone is typing" says nothing and costs a member listing each time
      if (conversation.member_count > TYPING_MAX_MEMBERS) return {}
      const event = typingEvent(conversationId, userId)
      await deps.bus?.publish(deps.topics.messageEvents, [
        { key: conversationId, value: JSON.stringify(event), headers: { 'gochat-event-type': 'typing' } },
      ])
      return {}
    },
  }
}
