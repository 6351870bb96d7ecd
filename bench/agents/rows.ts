// What a distributed run reports of each agent (report.ts builds them).
import type { ClockOffset } from './clock-sync.js'

export interface AgentRow {
  name: string
  host: string
  workers: number
  /** receiving connections (fanout) or pairs (send) it held */
  connections: number
  connectFailures: number
  /** connections × measured messages */
  expected: number
  received: number
  missing: number
  /** the agent process's CPU over the measured phase, in ms and in cores; null where unknown (died, or not Linux) */
  cpuMs: number | null
  coresUsed: number | null
  cores: number
  /** mean and busiest 100 ms window of its busiest worker's event loop */
  eventLoopUtilization: number
  peakEventLoopUtilization: number
  saturated: boolean
  clock: ClockOffset
  /** null when it finished; else why it failed */
  failure: string | null
}

export interface AgentsReport {
  agents: AgentRow[]
  /** "agent b: …" for every agent that failed: each fails the run */
  failures: string[]
  /** names of the agents whose loops or cores were saturated: their latencies include client queueing */
  saturated: string[]
}
