// Routing one message to a set of members: presence in one batched call, then one DownstreamMessage per gateway
// instance carrying the frame serialized once, and OfflinePush records for the members nobody can reach now.
import { randomUUID } from 'node:crypto'
import type { OutgoingRecord } from '../../src/ports/bus.js'
import { byGateway, type Located } from '../../src/presence/presence.js'
import type { RepoApi } from '../../src/rpc/api.js'
import { encode, type DownstreamMessage, type Message, type OfflinePush } from '../../src/contracts/payloads.js'
import { deliveriesProduced, downstreamRecords, offlineMembers } from './metrics.js'
import { isOperation, MENTION_ALL } from '../../src/domain/message.js'

/**
 * Who of the offline members is pushed: every one for a message, nobody for an operation (an edit or a reaction is
 * no news worth a notification), and the mentioned ones always, in batches of their own marked `mentioned`.
 */
export function pushTargets(message: Message, offline: string[]): { plain: string[]; mentioned: string[] } {
  const all = message.mentions.includes(MENTION_ALL)
  const named = new Set(message.mentions)
  const mentioned = offline.filter((u) => all || named.has(u))
  if (isOperation(message.kind)) return { plain: [], mentioned }
  return mentioned.length
    ? { plain: offline.filter((u) => !all && !named.has(u)), mentioned }
    : { plain: offline, mentioned }
}

export const PUSH_BATCH = 500
const PREVIEW_CHARS = 100

/** Records to produce, grouped by topic, appended in routing order (so per-conversation order holds). */
export class OutgoingRecords {
  readonly byTopic = new Map<string, OutgoingRecord[]>()
  add(topic: string, record: OutgoingRecord): void {
    const list = this.byTopic.get(topic)
    if (list) list.push(record)
    else this.byTopic.set(topic, [record])
  }
  /** appends another batch's records after this one's */
  merge(other: OutgoingRecords): this {
    for (const [topic, records] of other.byTopic) for (const r of records) this.add(topic, r)
    return this
  }
}

export interface RouteDeps {
  repo: RepoApi
  downstreamTopic: (gatewayId: string) => string
  pushTopic: string
  pushEnabled: boolean
}

/** The client frame for a new message: serialized here, once, and written as-is by every gateway. */
export const messageFrame = (message: Message): string => encode({ op: 'message', message })

/** users per LookupPresence call: a whole batch's users are looked up at once, in calls of bounded size */
const PRESENCE_CHUNK = 5000

/** Presence of the users in batched calls: user id → the gateways holding a connection of theirs (none: offline). */
export async function lookupPresence(repo: RepoApi, userIds: string[]): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>()
  for (let i = 0; i < userIds.length; i += PRESENCE_CHUNK) {
    const { presence } = await repo.LookupPresence({ user_ids: userIds.slice(i, i + PRESENCE_CHUNK) })
    for (const p of presence) found.set(p.user_id, p.gateway_ids)
  }
  return found
}

/** Who is on which gateway, and who is on none; `known` may already hold the presence of every one of them. */
export async function locate(
  repo: RepoApi,
  userIds: string[],
  known?: ReadonlyMap<string, string[]>,
): Promise<Located> {
  const presence = known && userIds.every((u) => known.has(u)) ? known : await lookupPresence(repo, userIds)
  return byGateway(userIds, presence)
}

export async function routeToMembers(
  deps: RouteDeps,
  out: OutgoingRecords,
  message: Message,
  userIds: string[],
  frame: string,
  traceId?: string,
): Promise<void> {
  routeLocated(deps, out, message, await locate(deps.repo, userIds), frame, traceId)
}

/** One DownstreamMessage per gateway, and OfflinePush batches for the members on none (never the sender). */
export function routeLocated(
  deps: RouteDeps,
  out: OutgoingRecords,
  message: Message,
  located: Located,
  frame: string,
  traceId?: string,
): void {
  const offline = located.offline.filter((u) => u !== message.senderId)
  for (const [gw, users] of located.byGateway) {
    const down: DownstreamMessage = {
      conversationId: message.conversationId,
      seq: message.seq,
      userIds: users,
      frame,
      ...(traceId ? { traceId } : {}),
    }
    out.add(deps.downstreamTopic(gw), { key: message.conversationId, value: encode(down) })
    deliveriesProduced.inc(users.length)
    downstreamRecords.inc()
  }
  const { plain, mentioned } = pushTargets(message, offline)
  if (deps.pushEnabled) pushBatches(deps, out, message, plain, false)
  pushBatches(deps, out, message, mentioned, true)
}

/** What an offline push shows: the text, or what an attachment message is ("Photo", "Voice message 0:12", the
 *  file's name) and its caption. */
export function pushPreview(m: Message): string {
  const a = m.attachment
  const seconds = Math.round((a?.durationMs ?? 0) / 1000)
  const what =
    m.kind === 'image'
      ? 'Photo'
      : m.kind === 'voice'
        ? `Voice message ${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
        : m.kind === 'file'
          ? a?.name || 'File'
          : ''
  const text = what && m.content ? `${what}: ${m.content}` : what || m.content
  return [...text].slice(0, PREVIEW_CHARS).join('')
}

function pushBatches(deps: RouteDeps, out: OutgoingRecords, message: Message, users: string[], mentioned: boolean) {
  for (let i = 0; i < users.length; i += PUSH_BATCH) {
    const userIds = users.slice(i, i + PUSH_BATCH)
    const push: OfflinePush = {
      pushId: randomUUID(),
      userIds,
      conversationId: message.conversationId,
      messageId: message.messageId,
      seq: message.seq,
      senderId: message.senderId,
      preview: pushPreview(message),
      sentAt: message.sentAt,
      ...(mentioned ? { mentioned } : {}),
    }
    out.add(deps.pushTopic, { key: userIds[0]!, value: encode(push) })
    offlineMembers.inc(userIds.length)
  }
}
