// The control topic between a coordinator (`gochat bench fanout|send --agents`) and its agents (`gochat bench
// agent`): JSON records on one single-partition topic of the deployment's Kafka, which every party reads whole
// through a consumer group of its own. A coordinator's records carry its session; agents answer only the session
// that claimed them, so several coordinators (or leftovers of an old run) can share the topic.
import type { GochatConfig } from '../../src/config/index.js'
import type { IndexArrivals } from '../accounting.js'
import type { ConnectAnswer, WorkerResult } from '../worker-protocol.js'

export const controlTopic = (cfg: Pick<GochatConfig, 'topic_prefix'>): string => `${cfg.topic_prefix}.bench.control`

/** What a coordinator asks of a claimed agent; each maps to the same call on the agent's own worker pool. */
export type AgentOp =
  /** part of the receivers or pairs of the next connect (a Kafka record holds about 1 MB: large runs come in parts) */
  | { op: 'stage'; items: unknown[] }
  | { op: 'connect'; run: string; messages: number; concurrency: number }
  | { op: 'pairs'; run: string; messages: number; concurrency: number }
  | { op: 'send-pairs'; from: number; to: number; ratePerPair: number; payloadBytes: number; startAt: number }
  | { op: 'clock'; offsetMs: number }
  | { op: 'counts' }
  | { op: 'mark'; origin: number }
  | { op: 'collect' }
  | { op: 'close' }

export type ControlMessage =
  | { k: 'discover'; session: string }
  | { k: 'hello'; session: string; from: string; host: string; cores: number; workers: number }
  | { k: 'claim'; session: string; to: string }
  | { k: 'claimed'; session: string; from: string; ok: boolean; reason?: string }
  /**
   * agent → coordinator while claimed: liveness, connect progress, and how it keeps up (agents/lag.ts): stallMs, and
   * its workers' receipts and dropped connections as counted at `at` (the coordinator's clock); coordinator → agents:
   * its liveness
   */
  | {
      k: 'beat'
      session: string
      from: string
      opened?: number
      failed?: number
      stallMs?: number
      received?: number
      lost?: number
      at?: number
    }
  | { k: 'ping'; session: string; to: string; t0: number }
  | { k: 'pong'; session: string; from: string; t0: number; t1: number }
  | { k: 'req'; session: string; to: string; id: number; call: AgentOp }
  | { k: 'ans'; session: string; from: string; id: number; ok: boolean; value?: unknown; error?: string }

/** An agent's answer to `collect`: its workers' results, and the agent process's own CPU over the phase. */
export interface AgentResult {
  workers: WorkerResult[]
  /** the agent process (all its threads) since `mark`, Linux; else null */
  cpuMs: number | null
  elapsedMs: number
  cores: number
}

export type { ConnectAnswer }

// JSON has no Infinity: arrival extremes of messages nobody received travel as null
const toWireArrivals = (a: IndexArrivals) => ({
  count: a.count,
  first: a.first.map((v) => (Number.isFinite(v) ? v : null)),
  last: a.last.map((v) => (Number.isFinite(v) ? v : null)),
})

export function toWire(r: AgentResult): unknown {
  return {
    ...r,
    workers: r.workers.map((w) => ({
      ...w,
      arrivals: toWireArrivals(w.arrivals),
      latencies: { ...w.latencies, min: Number.isFinite(w.latencies.min) ? w.latencies.min : null },
    })),
  }
}

export function fromWire(value: unknown): AgentResult {
  const r = value as AgentResult
  return {
    ...r,
    workers: r.workers.map((w) => ({
      ...w,
      arrivals: {
        count: w.arrivals.count,
        first: w.arrivals.first.map((v) => (v ?? Infinity) as number),
        last: w.arrivals.last.map((v) => (v ?? -Infinity) as number),
      },
      latencies: {
        ...w.latencies,
        min: (w.latencies.min ?? Infinity) as number,
        max: (w.latencies.max ?? -Infinity) as number,
      },
    })),
  }
}
