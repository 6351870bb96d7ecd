// What the runtime (runtime/) hands to each role and gets back. Roles never import each other: each role's
// context (services/<role>/index.ts) extends RoleContext with exactly the APIs of the roles it calls (in-process
// objects under --role=all, gRPC clients otherwise) and the engines it uses, none optional.
import type { Bus } from '../ports/bus.js'
import type { Logger } from '../observability/log.js'

/** what every role gets: its own config section (src/config/sections.ts), the bus and a logger */
export interface RoleContext<Config> {
  cfg: Config
  bus: Bus
  log: Logger
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
