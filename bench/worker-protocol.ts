// Messages between the main thread and the client worker threads. Each request carries an id; the worker's
// answer repeats it. Progress is pushed unasked while connections open.
import type { IndexArrivals, Tally } from './accounting.js'
import type { Endpoint } from './endpoints.js'
import type { EncodedLatencies } from './stats.js'

/** A receiving connection and the conversation whose messages it counts. */
export interface ReceiverSpec extends Endpoint {
  conversationId: string
}

/** send bench: one sender and one receiver per pair, both in the same worker */
export interface PairSpec {
  from: Endpoint
  to: ReceiverSpec
  /** image: every message is an upload (slot, PUT, complete) then an image message (image-upload.ts) */
  kind?: 'text' | 'image'
}

export type WorkerRequest =
  | {
      id: number
      type: 'connect'
      run: string
      messages: number
      receivers: ReceiverSpec[]
      concurrency: number
      attempts: number
    }
  | {
      id: number
      type: 'pairs'
      run: string
      messages: number
      pairs: PairSpec[]
      concurrency: number
      attempts: number
    }
  | {
      id: number
      type: 'send-pairs'
      from: number
      to: number
      ratePerPair: number
      payloadBytes: number
      /** on the coordinator's clock: when the first send is due (agents start together) */
      startAt?: number
    }
  | { id: number; type: 'counts' }
  /** what a bench agent's heartbeat says of its progress */
  | { id: number; type: 'beat' }
  | { id: number; type: 'clock'; offsetMs: number }
  /** origin: where the per-second buckets start, on the coordinator's clock */
  | { id: number; type: 'mark'; origin: number }
  | { id: number; type: 'collect' }
  | { id: number; type: 'close' }

export interface ConnectAnswer {
  opened: number
  failed: number
  /** a few distinct failure reasons */
  errors: string[]
}

export interface BeatAnswer {
  /** distinct receipts so far, every message index */
  received: number
  /** receiving connections that dropped */
  lost: number
}

export interface WorkerResult {
  tally: Tally
  arrivals: IndexArrivals
  latencies: EncodedLatencies
  /** receiving connections that dropped during the run */
  lost: number
  /** since `mark` */
  elapsedMs: number
  eventLoopUtilization: number
  /** the busiest 100 ms window since `mark` */
  peakEventLoopUtilization: number
  /** this thread's CPU since `mark` (Linux), else null */
  cpuMs: number | null
  /** a child-process worker: its whole process since `mark` (a thread's is in the harness's own process figure) */
  processCpuMs: number | null
  /** send bench: acked sends and failed ones */
  sent: number
  sendErrors: number
  /** measured deliveries in each second since `mark`'s origin */
  perSecond: number[]
}

export type WorkerMessage =
  | { type: 'progress'; opened: number; failed: number }
  | { type: 'answer'; id: number; ok: true; value: unknown }
  | { type: 'answer'; id: number; ok: false; error: string }
