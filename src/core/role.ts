// What the runtime (runtime/) hands to each role and gets back. Roles never import each other: they get the
// APIs of the roles they call (in-process objects under --role=all, gRPC clients otherwise) through RoleContext.
import type { Bus } from '../ports/bus.js'
import type { GochatConfig } from '../config/index.js'
import type { Logger } from '../observability/log.js'
import type { LogicApi, MessageApi, RepoApi } from '../rpc/api.js'

export interface RoleContext {
  cfg: GochatConfig
  bus: Bus
  log: Logger
  /** present for roles that call repo (logic, task) */
  repo?: RepoApi
  /** present for the gateway */
  logic?: LogicApi
  messages?: MessageApi
}

/** One check of a readiness report: what `gochat doctor` and load balancers read (docs/metrics.md) */
export type HealthCheck = { ok: true } | { ok: false; error: string }

/** The body of /health/ready (and /health): `status` is ok only when every check is */
export interface HealthReport {
  status: 'ok' | 'unavailable'
  checks: Record<string, HealthCheck>
}

export interface RunningRole {
  name: 'gateway' | 'logic' | 'repo' | 'task'
  /** readiness: every peer and engine this role needs answers (cached briefly, src/core/health.ts) */
  health(): Promise<HealthReport>
  /** graceful: stop accepting, drain in-flight work, commit offsets, close connections */
  stop(): Promise<void>
}
