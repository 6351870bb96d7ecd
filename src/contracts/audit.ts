// The audit trail: one record per admin action (a ban, a member mute, an export or erasure from the CLI…) on
// gochat.audit, so operators can answer "who did what to whom, when" after the fact. Plain JSON, like the domain
// events; consumers ignore unknown fields and actions. Built and published only here (auditEvent, publishAudit).
import { randomUUID } from 'node:crypto'
import { z } from 'zod/v4'
import type { Bus } from '../ports/bus.js'

/** actions gochat itself records; other tools may add their own (`user.exported`, `user.erased`, …) */
export const auditActions = [
  'group.member.banned',
  'group.member.unbanned',
  'group.member.muted',
  'group.member.unmuted',
] as const

export const AuditEvent = z
  .object({
    event_id: z.guid(),
    /** who acted: a user id, or `cli` / `admin-secret` for operators */
    actor: z.string().min(1),
    action: z.string().min(1),
    /** what the action was done to: a user id (member actions: the member; `details.conversation_id` the group) */
    target: z.string(),
    details: z.record(z.string(), z.unknown()),
    /** epoch milliseconds */
    at: z.number().int(),
  })
  .loose()
export type AuditEvent = z.infer<typeof AuditEvent>

export interface AuditInput {
  actor: string
  action: string
  target: string
  details?: Record<string, unknown>
}

export function auditEvent(input: AuditInput): AuditEvent {
  return {
    event_id: randomUUID(),
    actor: input.actor,
    action: input.action,
    target: input.target,
    details: input.details ?? {},
    at: Date.now(),
  }
}

/** The record of an audit event as the bus (or an outbox row) takes it: keyed by target, so one target's trail is in order. */
export function auditRecord(event: AuditEvent): { key: string; value: Buffer; headers: Record<string, string> } {
  return {
    key: event.target,
    value: Buffer.from(JSON.stringify(event)),
    headers: { 'gochat-audit-action': event.action },
  }
}

/**
 * Publishes one audit event to `topic` (`topics(cfg).audit`) and returns it. For tools acting outside a repo
 * transaction (the CLI); logic writes its audit events to the outbox with the change instead (auditRecord), so an
 * event exists exactly for what committed. Rejects when the bus does not take it: the caller decides whether the
 * action may stand unrecorded.
 *
 *     await publishAudit(bus, topics(cfg).audit, { actor: 'cli', action: 'user.erased', target: userId })
 */
export async function publishAudit(bus: Pick<Bus, 'publish'>, topic: string, input: AuditInput): Promise<AuditEvent> {
  const event = auditEvent(input)
  await bus.publish(topic, [auditRecord(event)])
  return event
}
