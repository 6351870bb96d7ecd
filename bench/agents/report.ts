// One result from several agents: their workers' results merged exactly (HDR histograms added bucket by bucket,
// counts summed), one row per agent, and the failed agents' share kept in the denominators: the deliveries an
// agent that died was to receive count as missing, never as "not expected".
import { emptyArrivals, type Tally } from '../accounting.js'
import { mergeResults, type MergedResult } from '../merged-result.js'
import type { AgentRow, AgentsReport } from './rows.js'
import type { ClientCpu } from '../client-cpu.js'
import type { ClockOffset } from './clock-sync.js'
import type { AgentResult } from './protocol.js'

export type { AgentRow, AgentsReport }

export interface AgentOutcome {
  name: string
  host: string
  workers: number
  connections: number
  connectFailures: number
  clock: ClockOffset
  /** null: the agent failed before answering `collect` */
  result: AgentResult | null
  failure: string | null
}

const r3 = (n: number) => Math.round(n * 1000) / 1000

/** The saturation rule of client-cpu.ts, per agent: a loop busy ≥ 95% of a window, or over 90% of its cores. */
function rowOf(o: AgentOutcome, messages: number): AgentRow {
  const expected = o.connections * messages
  const workers = o.result?.workers ?? []
  const received = workers.reduce((n, w) => n + w.tally.received, 0)
  const cores = o.result?.cores ?? 0
  const coresUsed =
    o.result && o.result.cpuMs !== null
      ? Math.round((o.result.cpuMs / Math.max(1, o.result.elapsedMs)) * 100) / 100
      : null
  const elu = Math.max(0, ...workers.map((w) => w.eventLoopUtilization))
  const peak = Math.max(0, ...workers.map((w) => w.peakEventLoopUtilization))
  return {
    name: o.name,
    host: o.host,
    workers: o.workers,
    connections: o.connections,
    connectFailures: o.connectFailures,
    expected,
    cpuMs: o.result?.cpuMs === undefined || o.result.cpuMs === null ? null : Math.round(o.result.cpuMs),
    received,
    missing: expected - received,
    coresUsed,
    cores,
    eventLoopUtilization: r3(elu),
    peakEventLoopUtilization: r3(peak),
    saturated: peak >= 0.95 || (coresUsed !== null && cores > 0 && coresUsed > 0.9 * cores),
    clock: o.clock,
    failure: o.failure,
  }
}

export function mergeAgents(outcomes: AgentOutcome[], messages: number): MergedResult & { agents: AgentsReport } {
  const finished = outcomes.filter((o) => o.result !== null && o.failure === null)
  const workers = finished.flatMap((o) => o.result!.workers)
  // no agent finished: nothing arrived, every message of every agent missing
  const merged = workers.length ? mergeResults(workers) : { ...mergeResults([]), arrivals: emptyArrivals(messages) }
  // a failed agent's deliveries: none counted (what it had is lost with it), all of them missing
  let tally: Tally = merged.tally
  for (const o of outcomes)
    if (!finished.includes(o)) tally = { ...tally, missing: tally.missing + o.connections * messages }
  const rows = outcomes.map((o) => {
    const row = rowOf(o, messages)
    return finished.includes(o) ? row : { ...row, received: 0, missing: row.expected }
  })
  return {
    ...merged,
    tally,
    // the agents' client processes are in their own CPU figures (rows), not the coordinator's
    childProcessCpuMs: 0,
    agents: {
      agents: rows,
      failures: rows.filter((r) => r.failure !== null).map((r) => `agent ${r.name}: ${r.failure}`),
      saturated: rows.filter((r) => r.saturated).map((r) => r.name),
    },
  }
}

/** the per-agent table's header and rows (rendered by the commands) */
export const AGENT_HEADER = [
  'agent',
  'host',
  'connections',
  'expected / received',
  'client CPU (cores)',
  'loop mean / peak',
  'clock offset ms',
  'status',
]

export function agentTableRows(report: AgentsReport): string[][] {
  return report.agents.map((a) => [
    a.name,
    a.host,
    `${a.connections}${a.connectFailures ? ` (+${a.connectFailures} failed)` : ''}`,
    `${a.expected} / ${a.received}`,
    a.coresUsed === null ? 'n/a' : `${a.coresUsed} of ${a.cores}`,
    `${Math.round(a.eventLoopUtilization * 100)}% / ${Math.round(a.peakEventLoopUtilization * 100)}%`,
    `${a.clock.offsetMs} ± ${a.clock.uncertaintyMs}`,
    a.failure ? `FAILED: ${a.failure}` : a.saturated ? 'saturated' : 'ok',
  ])
}

/** the warning under the table when any agent set the pace */
export function saturationWarning(report: AgentsReport): string | null {
  return report.saturated.length
    ? `WARNING: agent(s) ${report.saturated.join(', ')} saturated (a worker loop ≥ 95% busy in some 100 ms, or > 90% of its cores): their latencies include client-side queueing; add agents or workers`
    : null
}

/**
 * The harness's CPU of a distributed run: the coordinator's and every agent's, summed over the hosts; saturated when
 * any agent was (each by its own host's cores, not by the sum against the coordinator's).
 */
export function distributedCpu(cpu: ClientCpu, report: AgentsReport | undefined): ClientCpu {
  if (!report) return cpu
  const agentsMs = report.agents.reduce((n, a) => n + (a.cpuMs ?? 0), 0)
  const processCpuMs = cpu.processCpuMs + agentsMs
  return {
    ...cpu,
    processCpuMs,
    coresUsed: Math.round((processCpuMs / Math.max(1, cpu.activeMs)) * 100) / 100,
    saturated: report.saturated.length > 0 || cpu.workers.some((w) => w.peakEventLoopUtilization >= 0.95),
  }
}
