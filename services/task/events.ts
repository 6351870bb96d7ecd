// Domain events addressed to users reach their sockets as `event` frames: message events (typing among them) go
// to every member of the conversation, notifications to their target user, and a user's user.online, user.offline
// and user.profile.updated to its direct peers (at most USER_EVENT_PEERS), and user.tokens.revoked to the user's own
// connections, which their gateways then close. Routed like messages: presence, one record per gateway.
// Events come in bursts (adding 1,000 members writes 1,000 group.invited; a connect burst, one user.online per
// user), so a batch resolves each distinct audience once and the presence of all its users in one call.
import type { Retrier } from '../../src/messaging/retry.js'
import type { Bus, BusRecord } from '../../src/ports/bus.js'
import { decode, encode, type DownstreamMessage } from '../../src/contracts/payloads.js'
import { EventEnvelope } from '../../src/contracts/events.js'
import { userRevocationId } from '../../src/auth/revocation.js'
import { membersOf } from './members.js'
import { locate, lookupPresence, OutgoingRecords, type RouteDeps } from './route.js'
import { CONCURRENCY, eachBounded, taskHandler } from './worker.js'
import { taskDuration } from './metrics.js'

export const decodeEvent = (rec: BusRecord) => decode(EventEnvelope, rec.value, 'event envelope')

/** a user's presence and profile changes go to at most this many direct peers (bounded fan-out) */
export const USER_EVENT_PEERS = 200
const USER_EVENTS_ROUTED = new Set(['user.online', 'user.offline', 'user.profile.updated'])

/** the sockets opened with a token revoked out of band (`gochat users erase`): closed by their gateways at once */
const TOKENS_REVOKED = 'user.tokens.revoked'

/** The user whose own connections are the event's audience, if any. */
const ownerOf = (e: EventEnvelope) => e.target_user_id ?? (e.event_type === TOKENS_REVOKED ? e.user_id : undefined)

/** An event's audience, named once per batch: events with the same key have the same target users. */
function audienceOf(e: EventEnvelope): string | undefined {
  const owner = ownerOf(e)
  if (owner) return `user:${owner}`
  if (e.user_id && USER_EVENTS_ROUTED.has(e.event_type)) return `peers:${e.user_id}`
  return e.conversation_id ? `members:${e.conversation_id}` : undefined
}

async function resolveAudience(deps: RouteDeps, e: EventEnvelope): Promise<string[]> {
  const owner = ownerOf(e)
  if (owner) return [owner]
  if (e.user_id && USER_EVENTS_ROUTED.has(e.event_type)) {
    // the people with a direct conversation with the user (their pages show its name and online dot)
    return (await deps.repo.ListDirectPeers({ user_id: e.user_id, limit: USER_EVENT_PEERS })).user_ids
  }
  if (!e.conversation_id) return []
  return membersOf(deps.repo, e.conversation_id, false)
}

/** What a batch resolved ahead: audiences by key and the presence of all of their users. */
export interface KnownTargets {
  audiences: ReadonlyMap<string, string[]>
  presence?: ReadonlyMap<string, string[]>
}

async function targetsOf(deps: RouteDeps, e: EventEnvelope, known?: KnownTargets): Promise<string[]> {
  const key = audienceOf(e)
  if (!key) return []
  const users = known?.audiences.get(key) ?? (await resolveAudience(deps, e))
  // a profile change also reaches the user's own other devices
  return e.event_type === 'user.profile.updated' && e.user_id ? [e.user_id, ...users] : users
}

/**
 * The revocation a user.tokens.revoked names (one token id, or by default user:<id> for all of them), written
 * again through repo first: its writer (the CLI) reaches the store but not an in-process cache (`gochat up
 * --mysql` without Redis), whose copy would otherwise accept the token until it is reloaded. Idempotent.
 */
async function announcedRevocation(deps: RouteDeps, e: EventEnvelope): Promise<string | undefined> {
  const given = e.payload.revocation_id
  const jti = typeof given === 'string' && given ? given : e.user_id ? userRevocationId(e.user_id) : undefined
  const expiresAt = e.payload.expires_at
  if (jti && typeof expiresAt === 'number' && expiresAt > Date.now())
    await deps.repo.RevokeToken({ jti, expires_at: expiresAt })
  return jti
}

export async function routeEvent(deps: RouteDeps, e: EventEnvelope, known?: KnownTargets): Promise<OutgoingRecords> {
  const out = new OutgoingRecords()
  const timer = taskDuration.startTimer({ task_type: 'event' })
  const users = await targetsOf(deps, e, known)
  if (users.length) {
    const frame = encode({ op: 'event', event: e })
    const revoked = e.event_type === TOKENS_REVOKED ? await announcedRevocation(deps, e) : undefined
    const { byGateway } = await locate(deps.repo, users, known?.presence)
    for (const [gw, userIds] of byGateway) {
      const down: DownstreamMessage = {
        conversationId: e.conversation_id ?? '',
        userIds,
        frame,
        ...(revoked ? { closeRevoked: revoked } : {}),
      }
      out.add(deps.downstreamTopic(gw), {
        key: e.conversation_id ?? e.target_user_id ?? e.user_id ?? null,
        value: encode(down),
      })
    }
  }
  timer()
  return out
}

/**
 * Each distinct audience of the batch once (a connect burst's user.online events of one user, a group's burst of
 * message events), then one presence lookup for all their users. What fails to resolve here is resolved again by
 * its own event, so that one that fails then goes to the retrier alone and the batch's other events are routed.
 */
export async function resolveTargets(deps: RouteDeps, events: EventEnvelope[]): Promise<KnownTargets> {
  const byKey = new Map<string, EventEnvelope>()
  for (const e of events) {
    const key = audienceOf(e)
    if (key && !byKey.has(key)) byKey.set(key, e)
  }
  const audiences = new Map<string, string[]>()
  await eachBounded([...byKey], CONCURRENCY, async ([key, e]) => {
    const users = await resolveAudience(deps, e).catch(() => undefined)
    if (users) audiences.set(key, users)
  })
  const own = events.flatMap((e) => (e.event_type === 'user.profile.updated' && e.user_id ? [e.user_id] : []))
  const users = [...new Set(own.concat([...audiences.values()].flat()))]
  const presence = users.length > 1 ? await lookupPresence(deps.repo, users).catch(() => undefined) : undefined
  return presence ? { audiences, presence } : { audiences }
}

/** The events consumer's batch handler: resolve the batch's audiences and presence, then taskHandler. */
export function eventsHandler(bus: Bus, retrier: Retrier, deps: RouteDeps) {
  return async (items: Array<{ record: BusRecord; value: EventEnvelope }>): Promise<void> => {
    const known = await resolveTargets(
      deps,
      items.map((i) => i.value),
    )
    await taskHandler<EventEnvelope>(bus, retrier, (e) => routeEvent(deps, e, known))(items)
  }
}
