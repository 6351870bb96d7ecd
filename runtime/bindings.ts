// Every address a process of these roles will listen on, from its configuration, and a check that each is free,
// so that `gochat up` and `gochat serve` refuse a taken port before any role starts or is announced ready.
import { createServer } from 'node:net'
import type { ConfigKey, GochatConfig } from '../src/config/index.js'
import { grpcBinding } from './grpc-binding.js'
import type { RoleName } from './system.js'

export interface Binding {
  /** the config key that sets the port */
  key: ConfigKey
  /** null: every interface */
  host: string | null
  port: number
  /** what listens there, for the operator */
  what: string
}

const metricsKeys = { logic: 'logic_metrics_port', repo: 'repo_metrics_port', task: 'task_metrics_port' } as const

/** The listeners startSystem opens for `wanted` (port 0, any free port, cannot be taken and is left out). */
export function bindings(cfg: GochatConfig, wanted: readonly RoleName[]): Binding[] {
  const all = wanted.length === 4
  const out: Binding[] = []
  if (wanted.includes('gateway'))
    out.push({ key: 'gateway_port', host: cfg.gateway_host, port: cfg.gateway_port, what: 'gateway HTTP/WebSocket' })
  if (all) {
    // under one process the back roles share the task's monitor port and call each other in process
    out.push({ key: 'task_metrics_port', host: cfg.metrics_host, port: cfg.task_metrics_port, what: 'health/metrics' })
  } else {
    for (const role of ['logic', 'repo', 'task'] as const) {
      if (!wanted.includes(role)) continue
      out.push({
        key: metricsKeys[role],
        host: cfg.metrics_host,
        port: cfg[metricsKeys[role]],
        what: `${role} health/metrics`,
      })
    }
    for (const role of ['logic', 'repo'] as const) {
      if (!wanted.includes(role)) continue
      const listen = grpcBinding(cfg, role).listen
      const host = listen.slice(0, listen.lastIndexOf(':')).replace(/^\[|\]$/g, '')
      const key = cfg[`${role}_listen`] === null ? (`${role}_addr` as const) : (`${role}_listen` as const)
      out.push({ key, host, port: Number(listen.slice(listen.lastIndexOf(':') + 1)), what: `${role} gRPC` })
    }
  }
  return out.filter((b) => b.port !== 0)
}

/** null when `host:port` can be bound now, else why not (EADDRINUSE, EACCES, EADDRNOTAVAIL, …) */
function tryBind(host: string | null, port: number): Promise<string | null> {
  return new Promise((resolve) => {
    const server = createServer()
    server.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message))
    server.listen({ port, ...(host === null ? {} : { host }), exclusive: true }, () =>
      server.close(() => resolve(null)),
    )
  })
}

export interface BindProblem extends Binding {
  /** in_use, denied (a privileged port), unavailable (no such local address), or twice (two listeners, one port) */
  problem: string
  /** the other listener of a port configured twice */
  other?: Binding
}

const wildcard = (host: string | null) => host === null || host === '0.0.0.0' || host === '::'
const overlap = (a: string | null, b: string | null) => a === b || wildcard(a) || wildcard(b)

/** The bindings that would fail: a port configured twice, and each one the OS refuses. */
export async function bindProblems(list: Binding[]): Promise<BindProblem[]> {
  const problems: BindProblem[] = []
  const unique: Binding[] = []
  for (const b of list) {
    const other = unique.find((u) => u.port === b.port && overlap(u.host, b.host))
    if (other) problems.push({ ...b, problem: 'twice', other })
    else unique.push(b)
  }
  const whys = await Promise.all(unique.map((b) => tryBind(b.host, b.port)))
  unique.forEach((b, i) => {
    const why = whys[i]
    if (why)
      problems.push({
        ...b,
        problem:
          why === 'EADDRINUSE'
            ? 'in use'
            : why === 'EACCES'
              ? 'not allowed (a port under 1024 needs privileges)'
              : why === 'EADDRNOTAVAIL'
                ? 'on an address this machine does not have'
                : why,
      })
  })
  return problems
}
