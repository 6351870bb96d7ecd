// The audit event of a `gochat users` action: published to gochat.audit when Kafka is configured; without Kafka
// (a `gochat up --data-dir` deployment has its bus in its own process) there is no topic to reach, so the command
// prints the event on stderr instead and says so in its result (`audit.published: false`).
import { auditEvent, type AuditEvent, type AuditInput, publishAudit } from '../../contracts/audit.js'
import { topics } from '../../contracts/topics.js'
import type { GochatConfig } from '../../config/index.js'
import { UnreachableError } from '../../core/operator-errors.js'
import { createBus } from '../../drivers/bus-from-config.js'

export interface AuditOutcome {
  published: boolean
  event: AuditEvent
}

export async function recordAudit(cfg: GochatConfig, input: AuditInput): Promise<AuditOutcome> {
  if (cfg.kafka_brokers.length === 0) return { published: false, event: auditEvent(input) }
  const bus = createBus(cfg, 'gochat-cli-audit')
  try {
    return { published: true, event: await publishAudit(bus, topics(cfg).audit, input) }
  } catch (err) {
    throw new UnreachableError(
      `${input.action} done, but its audit event was not published to ${topics(cfg).audit}: ${(err as Error).message}`,
    )
  } finally {
    await bus.close().catch(() => {})
  }
}
