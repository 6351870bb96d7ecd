// Domain events addressed to users reach their sockets as `event` frames: message events (typing among them) go
// to every member of the conversation, notifications to their target user, and a user's user.online, user.offline
// and user.profile.updated to its direct peers (at most USER_EVENT_PEERS). Routed like messages: presence, one record per gateway.
// Notifications come in bursts (adding 1,000 members writes 1,000 group.invited), so the presence of every
// target user of a batch is looked up in one call, not one call per event.
import type { Retrier } from '../../src/messaging/retry.js'
import type { Bus, BusRecord } from '../../src/ports/bus.js'
import { decode, encode, type DownstreamMessage } from '../../src/contracts/payloads.js'
import { EventEnvelope } from '../../src/contracts/events.js'
import { memberPages } from './members.js'
import { locate, lookupPresence, OutgoingRecords, type RouteDeps } from './route.js'
import { taskHandler } from './worker.js'
import { taskDuration } from './metrics.js'

export const decodeEvent = (rec: BusRecord) => decode(EventEnvelope, rec.value, 'event envelope')

/** a user's presence and profile changes go to at most this many direct peers (bounded fan-out) */
export const USER_EVENT_PEERS = 200
const USER_EVENTS_ROUTED = new Set(['user.online', 'user.offline', 'user.profile.updated'])

async function targetsOf(deps: RouteDeps, e: EventEnvelope): Promise<string[]> {
  if (e.target_user_id) return [e.target_user_id]
  if (e.user_id && USER_EVENTS_ROUTED.has(e.event_type)) {
    // the people with a direct conversation with the user (their pages show its name and online dot); a profile
    // change also reaches the user's own other devices
    const { user_ids } = await deps.repo.ListDirectPeers({ user_id: e.user_id, limit: USER_EVENT_PEERS })
    return e.event_type === 'user.profile.updated' ? [e.user_id, ...user_ids] : user_ids
  }
  if (!e.conversation_id) return []
  const ids: string[] = []
  for await (const page of memberPages(deps.repo, e.conversation_id)) ids.push(...page)
  return ids
}

export async function routeEvent(
  deps: RouteDeps,
  e: EventEnvelope,
  known?: ReadonlyMap<string, string[]>,
): Promise<OutgoingRecords> {
  const out = new OutgoingRecords()
  const timer = taskDuration.startTimer({ task_type: 'event' })
  const users = await targetsOf(deps, e)
  if (users.length) {
    const frame = encode({ op: 'event', event: e })
    const { byGateway } = await locate(deps.repo, users, known)
    for (const [gw, userIds] of byGateway) {
      const down: DownstreamMessage = { conversationId: e.conversation_id ?? '', userIds, frame }
      out.add(deps.downstreamTopic(gw), {
        key: e.conversation_id ?? e.target_user_id ?? e.user_id ?? null,
        value: encode(down),
      })
    }
  }
  timer()
  return out
}

/** The events consumer's batch handler: one presence lookup for the batch's target users, then taskHandler. */
export function eventsHandler(bus: Bus, retrier: Retrier, deps: RouteDeps) {
  return async (items: Array<{ record: BusRecord; value: EventEnvelope }>): Promise<void> => {
    const targets = [...new Set(items.flatMap(({ value }) => (value.target_user_id ? [value.target_user_id] : [])))]
    // When the batch's lookup fails, each event looks up its own users: one that fails then goes to the retrier
    // alone, and the batch's other events are routed.
    const known = targets.length > 1 ? await lookupPresence(deps.repo, targets).catch(() => undefined) : undefined
    await taskHandler<EventEnvelope>(bus, retrier, (e) => routeEvent(deps, e, known))(items)
  }
}
