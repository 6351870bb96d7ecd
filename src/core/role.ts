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

export interface HealthReport {
  ok: boolean
  checks: Record<string, { ok: boolean; detail?: string }>
}

export interface RunningRole {
  name: 'gateway' | 'logic' | 'repo' | 'task'
  health(): Promise<HealthReport>
  /** graceful: stop accepting, drain in-flight work, commit offsets, close connections */
  stop(): Promise<void>
}
