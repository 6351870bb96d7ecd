// Flags shared by the `gochat bench …` commands that drive WebSocket clients.
import { Flags } from '@oclif/core'
import { availableParallelism } from 'node:os'
import { UsageError } from '../src/core/operator-errors.js'
import type { ClientPoolFactory } from './client-pool.js'
import { parseRate, type Rate } from './pacing.js'
import { defaultSocketLimits, type SocketLimits } from './sockets.js'
import { WorkerPool } from './worker-pool.js'

/** Workers default to the cores, at most 4: on a small machine the server under test needs cores too. */
export const defaultWorkers = () => Math.max(1, Math.min(4, availableParallelism()))

/** Where a large run's sockets go (sockets.ts): on every client bench and on `bench agent`. */
export const socketFlags = {
  'sockets-per-process': Flags.integer({
    description:
      'Client sockets one process may hold; a run with more moves its workers into child processes (default: the descriptor limit, `ulimit -n`, less 1,000)',
    min: 1,
  }),
  'sockets-per-address': Flags.integer({
    description:
      'Sockets per source address against a loopback gateway, spread over 127.0.0.2, 127.0.0.3, … (default: 70% of the ephemeral port range)',
    min: 1,
  }),
}

export function socketLimits(f: { 'sockets-per-process'?: number; 'sockets-per-address'?: number }): SocketLimits {
  const d = defaultSocketLimits()
  return { perProcess: f['sockets-per-process'] ?? d.perProcess, perAddress: f['sockets-per-address'] ?? d.perAddress }
}

/** this host's client workers, within those limits */
export const localPool =
  (limits: SocketLimits): ClientPoolFactory =>
  (workers) =>
    WorkerPool.start(workers, limits)

export const clientFlags = {
  ...socketFlags,
  gateway: Flags.string({
    description: 'Gateway URL(s), comma-separated; clients are spread over them',
    default: 'http://127.0.0.1:8080',
  }),
  rate: Flags.string({ description: 'Messages a second (per sender), or "max"', default: '2' }),
  'payload-bytes': Flags.integer({ description: 'Size of each message content', default: 100, min: 40, max: 60_000 }),
  workers: Flags.integer({ description: 'Client worker threads (default: cores, at most 4)', min: 1, max: 64 }),
  'connect-concurrency': Flags.integer({
    description: 'Connection attempts in flight per worker while ramping up',
    default: 64,
    min: 1,
  }),
  inflight: Flags.integer({ description: 'Unacknowledged sends allowed at once (per sender)', default: 16, min: 1 }),
  'drain-timeout': Flags.integer({
    description: 'Seconds to wait for outstanding deliveries after the last ack',
    default: 30,
    min: 1,
  }),
  'admin-secret': Flags.string({
    description:
      'Admin secret of the target (its admin_secret) for bulk user creation; default: GOCHAT_ADMIN_SECRET / the configured admin_secret. gochat up and cluster up print theirs',
  }),
  'no-progress': Flags.boolean({ description: 'No progress bar on stderr' }),
}

export const gatewayList = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim().replace(/\/$/, ''))
    .filter(Boolean)

/** --gateway and --rate of a client bench, checked: bad values are usage errors (exit 2). */
export function clientTargets(f: { gateway: string; rate: string }): { gateways: string[]; rate: Rate } {
  let rate: Rate
  try {
    rate = parseRate(f.rate)
  } catch (err) {
    throw new UsageError((err as Error).message)
  }
  const gateways = gatewayList(f.gateway)
  if (gateways.length === 0) throw new UsageError('--gateway needs at least one URL')
  return { gateways, rate }
}

/** Pass/fail criteria and the CI report, on every client bench (thresholds.ts, report/junit.ts). */
export const verdictFlags = {
  threshold: Flags.string({
    description:
      "A criterion the run must meet, e.g. 'p99<200ms', 'missing==0', 'deliveriesPerSec>50000' (repeatable); a breach exits 99",
    multiple: true,
  }),
  junit: Flags.string({
    description: 'Write the verdict as JUnit XML to this file (one testcase for the run, one per --threshold), for CI',
  }),
}
