// `--agents` and its timings, shared by the client benches, and the pool they choose: this process's worker threads
// without --agents, bench agents on other hosts (over the deployment's Kafka) with it.
import { Flags } from '@oclif/core'
import { UsageError } from '../../src/core/operator-errors.js'
import type { ClientPoolFactory } from '../client-pool.js'
import type { ControlConfig } from './control.js'
import { RemoteAgents } from './remote-pool.js'

export const agentFlags = {
  agents: Flags.string({
    description:
      'Run the clients on bench agents (`gochat bench agent`) instead of this process: how many, or their names (a,b); they register on the control topic of --kafka',
  }),
  'agent-wait': Flags.integer({ description: 'Seconds to wait for the agents to register', default: 60, min: 1 }),
  'agent-timeout': Flags.integer({
    description: 'Seconds without a heartbeat after which an agent has failed (died or fell behind), failing the run',
    default: 10,
    min: 1,
  }),
  'agent-max-lag': Flags.integer({
    description:
      "Seconds an agent may fall behind (its loops stalled, or its receipts trailing the leading agent's) before it has failed, failing the run",
    default: 5,
    min: 1,
  }),
}

/** "3" → 3 agents, "a,b" → those two; anything else is a usage error */
export function parseAgents(text: string): number | string[] {
  if (/^\d+$/.test(text.trim())) {
    const n = Number(text)
    if (n < 1) throw new UsageError('--agents needs at least 1 agent')
    return n
  }
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  if (names.length === 0 || names.some((n) => !/^[\w.-]+$/.test(n)) || new Set(names).size !== names.length)
    throw new UsageError(`--agents takes a count or distinct names (letters, digits, . _ -), got "${text}"`)
  return names
}

/** undefined without --agents (the bench runs its own worker threads); checked before anything starts */
export function agentPool(
  cfg: ControlConfig,
  f: { agents?: string; 'agent-wait': number; 'agent-timeout': number; 'agent-max-lag': number },
  log: (text: string) => void,
): ClientPoolFactory | undefined {
  if (f.agents === undefined) return undefined
  const agents = parseAgents(f.agents)
  if (cfg.kafka_brokers.length === 0 || cfg.kafka_brokers[0] === 'embedded')
    throw new UsageError(
      '--agents needs the Kafka the agents registered on',
      'give --kafka host:port (and the --topic-prefix the agents use)',
    )
  return () =>
    RemoteAgents.start(cfg, {
      agents,
      waitMs: f['agent-wait'] * 1000,
      timeoutMs: f['agent-timeout'] * 1000,
      maxLagMs: f['agent-max-lag'] * 1000,
      log,
    })
}
