// Domain events addressed to users reach their sockets as `event` frames: message events go to every member of
// the conversation, notifications to their target user. Routed like messages: presence, one record per gateway.
import type { BusRecord } from '../../src/ports/bus.js'
import { decode, encode, type DownstreamMessage } from '../../src/contracts/payloads.js'
import { EventEnvelope } from '../../src/contracts/events.js'
import { memberPages } from './members.js'
import { locate, Outbox, type RouteDeps } from './route.js'
import { taskDuration } from './metrics.js'

export const decodeEvent = (rec: BusRecord) => decode(EventEnvelope, rec.value, 'event envelope')

async function targetsOf(deps: RouteDeps, e: EventEnvelope): Promise<string[]> {
  if (e.target_user_id) return [e.target_user_id]
  if (!e.conversation_id) return []
  const ids: string[] = []
  for await (const page of memberPages(deps.repo, e.conversation_id)) ids.push(...page)
  return ids
}

export async function routeEvent(deps: RouteDeps, e: EventEnvelope): Promise<Outbox> {
  const out = new Outbox()
  const timer = taskDuration.startTimer({ task_type: 'event' })
  const users = await targetsOf(deps, e)
  if (users.length) {
    const frame = encode({ op: 'event', event: e })
    const { byGateway } = await locate(deps.repo, users)
    for (const [gw, userIds] of byGateway) {
      const down: DownstreamMessage = { conversationId: e.conversation_id ?? '', userIds, frame }
      out.add(deps.downstreamTopic(gw), { key: e.conversation_id ?? e.target_user_id ?? null, value: encode(down) })
    }
  }
  timer()
  return out
}
