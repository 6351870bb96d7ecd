// Turns a record of any gochat topic into something readable: internal payloads are decoded with their schema,
// events are envelopes, anything else is shown as text (or base64 when it is not UTF-8).
import {
  DispatchMessage,
  DownstreamMessage,
  FanoutTask,
  OfflinePush,
  TaskMessage,
  UpstreamMessage,
} from '../../src/contracts/payloads.js'
import { EventEnvelope } from '../../src/contracts/events.js'
import { AuditEvent } from '../../src/contracts/audit.js'
import { catalog, type TopicId } from '../../src/contracts/topics.js'
import type { GochatConfig } from '../../src/config/index.js'
import type { z } from 'zod/v4'

const schemas: Partial<Record<TopicId, z.ZodType>> = {
  upstream: UpstreamMessage,
  persist: UpstreamMessage,
  dispatch: DispatchMessage,
  downstream: DownstreamMessage,
  fanout: FanoutTask,
  retry: TaskMessage,
  dlq: TaskMessage,
  push: OfflinePush,
  userEvents: EventEnvelope,
  messageEvents: EventEnvelope,
  notifications: EventEnvelope,
  audit: AuditEvent,
}

export interface Decoded {
  /** event type, or the payload kind for internal topics */
  type: string
  /** who or what the record is about */
  subject: string
  value: unknown
  /** set when the value did not match the topic's schema */
  error?: string
}

type TopicCfg = Pick<GochatConfig, 'topic_prefix' | 'partitions' | 'replication_factor' | 'gateway_ids'>

export function topicKind(cfg: TopicCfg, topic: string): TopicId | undefined {
  const hit = catalog(cfg).find((t) => t.name === topic)
  if (hit) return hit.id
  return topic.startsWith(`${cfg.topic_prefix}.messages.downstream.`) ? 'downstream' : undefined
}

export function decodeRecord(cfg: TopicCfg, topic: string, value: Buffer | null): Decoded {
  const text = value === null ? '' : value.toString('utf8')
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    const asText = value && Buffer.from(text, 'utf8').equals(value) ? text : (value?.toString('base64') ?? null)
    return { type: 'raw', subject: '', value: asText, error: 'not JSON' }
  }
  const kind = topicKind(cfg, topic)
  const schema = kind ? schemas[kind] : undefined
  if (!schema) return { type: 'json', subject: '', value: json }
  const parsed = schema.safeParse(json)
  if (!parsed.success)
    return { type: kind!, subject: '', value: json, error: parsed.error.issues[0]?.message ?? 'invalid' }
  const v = parsed.data as Record<string, unknown>
  if (schema === EventEnvelope) {
    const e = v as EventEnvelope
    const about = e.conversation_id ? `${e.conversation_id}${e.operator_id ? ` by ${e.operator_id}` : ''}` : ''
    return { type: e.event_type, subject: e.user_id ?? e.target_user_id ?? about, value: e }
  }
  if (schema === AuditEvent) {
    const a = v as AuditEvent
    return { type: a.action, subject: `${a.target} by ${a.actor}`, value: a }
  }
  return { type: kind!, subject: subjectOf(kind!, v), value: v }
}

function subjectOf(kind: TopicId, v: Record<string, unknown>): string {
  const msg = (v.message ?? v) as { conversationId?: string; seq?: number }
  switch (kind) {
    case 'dispatch':
    case 'fanout':
      return `${msg.conversationId}#${msg.seq}`
    case 'downstream':
      return `${v.conversationId}#${v.seq ?? ''} → ${(v.userIds as string[]).length} users`
    case 'push':
      return `${v.conversationId}#${v.seq} → ${(v.userIds as string[]).length} offline`
    case 'retry':
    case 'dlq':
      return `${v.taskType} attempt ${v.attempt}${v.lastError ? `: ${v.lastError}` : ''}`
    default:
      return `${v.conversationId ?? ''}`
  }
}

/** Users and conversations a decoded record concerns, for --user / --conversation filters. */
export function mentions(d: Decoded): { users: string[]; conversations: string[] } {
  const v = (d.value ?? {}) as Record<string, unknown>
  const msg = (v.message ?? {}) as Record<string, unknown>
  const users = [
    v.user_id,
    v.target_user_id,
    v.actor,
    v.target,
    v.operator_id,
    v.userId,
    v.senderId,
    msg.senderId,
    ...((v.userIds as unknown[]) ?? []),
  ]
  const details = (v.details ?? {}) as Record<string, unknown>
  const conversations = [v.conversation_id, v.conversationId, msg.conversationId, details.conversation_id]
  return {
    users: users.filter((x): x is string => typeof x === 'string'),
    conversations: conversations.filter((x): x is string => typeof x === 'string'),
  }
}
