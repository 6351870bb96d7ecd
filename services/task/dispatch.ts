// task.dispatch.group: routes each stored message. Direct chats and groups below large_group_threshold are routed
// here (one DownstreamMessage per gateway); large groups are split into FanoutTask shards.
// A whole Kafka batch is resolved at once: the members of each of its conversations once (a direct chat's two
// from a cache) and the presence of all their users in one LookupPresence, not two repo calls per message.
import type { Bus, BusRecord } from '../../src/ports/bus.js'
import type { Retrier } from '../../src/messaging/retry.js'
import { decode, DispatchMessage } from '../../src/contracts/payloads.js'
import { fanoutSize, taskDuration } from './metrics.js'
import { membersOf } from './members.js'
import { locate, lookupPresence, messageFrame, OutgoingRecords, routeLocated } from './route.js'
import type { DispatchDeps } from './dispatch-deps.js'
import { planShards } from './fanout.js'
import { CONCURRENCY, eachBounded, taskHandler } from './worker.js'

export type { DispatchDeps } from './dispatch-deps.js'

/** A batch's conversations → their member ids, and presence of every one of those users. */
export interface ResolvedBatch {
  members: ReadonlyMap<string, string[]>
  presence: ReadonlyMap<string, string[]>
}

export const decodeDispatch = (rec: BusRecord) => decode(DispatchMessage, rec.value, 'DispatchMessage')

const isLarge = (deps: DispatchDeps, d: DispatchMessage) =>
  d.conversationKind === 'group' && d.memberCount >= deps.largeGroupThreshold

export async function resolveBatch(deps: DispatchDeps, batch: DispatchMessage[]): Promise<ResolvedBatch> {
  const direct = new Map<string, boolean>()
  for (const d of batch) if (!isLarge(deps, d)) direct.set(d.message.conversationId, d.conversationKind === 'direct')
  const members = new Map<string, string[]>()
  let failed: unknown
  await eachBounded([...direct], CONCURRENCY, async ([id, isDirect]) => {
    try {
      members.set(id, await membersOf(deps.repo, id, isDirect))
    } catch (err) {
      failed ??= err
    }
  })
  if (failed) throw failed
  const users = [...new Set([...members.values()].flat())]
  return { members, presence: users.length ? await lookupPresence(deps.repo, users) : new Map() }
}

export async function dispatchOne(
  deps: DispatchDeps,
  d: DispatchMessage,
  resolved?: ResolvedBatch,
): Promise<OutgoingRecords> {
  const out = new OutgoingRecords()
  const timer = taskDuration.startTimer({ task_type: 'dispatch' })
  if (isLarge(deps, d)) {
    await planShards(deps, out, d)
  } else {
    const id = d.message.conversationId
    const members = resolved?.members.get(id) ?? (await membersOf(deps.repo, id, d.conversationKind === 'direct'))
    const located = await locate(deps.repo, members, resolved?.presence)
    routeLocated(deps, out, d.message, located, messageFrame(d.message), d.traceId)
    fanoutSize.observe(members.length)
  }
  timer()
  return out
}

/** The dispatch consumer's batch handler: resolve the batch, then route each record with taskHandler. */
export function dispatchHandler(bus: Bus, retrier: Retrier, deps: DispatchDeps) {
  const route = (resolved?: ResolvedBatch) =>
    taskHandler<DispatchMessage>(bus, retrier, (d) => dispatchOne(deps, d, resolved))
  return async (items: Array<{ record: BusRecord; value: DispatchMessage }>): Promise<void> => {
    // When resolving the batch fails, each record resolves its own: one that fails then goes to the retrier alone,
    // and the batch's other records are routed.
    const resolved = await resolveBatch(
      deps,
      items.map((i) => i.value),
    ).catch(() => undefined)
    await route(resolved)(items)
  }
}
