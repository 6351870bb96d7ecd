// Large groups: the dispatch consumer cuts the member list into shards of fanout_batch_size (by user id cursor)
// and produces one FanoutTask per shard; task.fanout.group consumers route each shard in parallel.
import { randomUUID } from 'node:crypto'
import type { BusRecord } from '../../src/ports/bus.js'
import { decode, encode, FanoutTask, type DispatchMessage } from '../../src/contracts/payloads.js'
import { fanoutSize, taskDuration } from './metrics.js'
import { memberPages } from './members.js'
import { messageFrame, OutgoingRecords, routeLocated } from './route.js'
import type { DispatchDeps } from './dispatch-deps.js'

export const decodeFanout = (rec: BusRecord) => decode(FanoutTask, rec.value, 'FanoutTask')

/**
 * Shard boundaries: the last user id of every shard but the last. The first shard starts at the beginning and the
 * last runs to the end of the id space, so the shards cover every member whatever the boundaries are: boundaries
 * that went stale after a membership change only make shards uneven, never lose or double a member. That is why
 * they can be cached, which takes the member paging off the dispatch partition's serial path for every message
 * but the first of each group (and the first after its member count changed, or a minute).
 */
const BOUNDS_TTL_MS = 60_000
const boundsCache = new Map<string, { memberCount: number; at: number; bounds: string[] }>()

async function shardBounds(deps: DispatchDeps, conversationId: string, memberCount: number): Promise<string[]> {
  const hit = boundsCache.get(conversationId)
  if (hit && hit.memberCount === memberCount && Date.now() - hit.at < BOUNDS_TTL_MS) return hit.bounds
  const bounds: string[] = []
  let inShard = 0
  for await (const ids of memberPages(deps.repo, conversationId)) {
    for (const id of ids)
      if (++inShard === deps.fanoutBatchSize) {
        bounds.push(id)
        inShard = 0
      }
  }
  if (inShard === 0) bounds.pop() // the last full shard is the open-ended one
  if (boundsCache.size > 10_000) boundsCache.clear()
  boundsCache.set(conversationId, { memberCount, at: Date.now(), bounds })
  return bounds
}

export async function planShards(deps: DispatchDeps, out: OutgoingRecords, d: DispatchMessage): Promise<void> {
  const bounds = await shardBounds(deps, d.message.conversationId, d.memberCount)
  const shards = bounds.length + 1
  for (let shard = 0; shard < shards; shard++) {
    const task: FanoutTask = {
      taskId: randomUUID(),
      message: d.message,
      shard,
      shards,
      afterUserId: shard === 0 ? '' : bounds[shard - 1]!,
      untilUserId: bounds[shard] ?? '',
      ...(d.traceId ? { traceId: d.traceId } : {}),
    }
    out.add(deps.fanoutTopic, {
      key: `${d.message.conversationId}:${shard}`,
      value: encode(task),
      headers: { 'gochat-task-id': task.taskId },
    })
  }
}

export async function fanoutOne(deps: DispatchDeps, t: FanoutTask): Promise<OutgoingRecords> {
  const out = new OutgoingRecords()
  const timer = taskDuration.startTimer({ task_type: 'fanout' })
  const frame = messageFrame(t.message)
  let members = 0
  // repo pages the shard's members and looks up their presence in one call (a shard is usually one page)
  let cursor = t.afterUserId
  do {
    const page = await deps.repo.LocateMembers({
      conversation_id: t.message.conversationId,
      after_user_id: cursor,
      until_user_id: t.untilUserId,
      limit: deps.fanoutBatchSize,
    })
    members += page.members
    const byGateway = new Map(page.online.map((g) => [g.gateway_id, g.user_ids]))
    routeLocated(deps, out, t.message, { byGateway, offline: page.offline }, frame, t.traceId)
    cursor = page.next_cursor
  } while (cursor)
  fanoutSize.observe(members)
  timer()
  return out
}
