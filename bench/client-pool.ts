// What a bench drives its clients through: the worker threads of this process (worker-pool.ts) or bench agents on
// other hosts (agents/remote-pool.ts), which hold worker threads of their own. The benches are written against this
// interface only, so a distributed run measures exactly what an in-process one does.
import type { ReceiverSpec, PairSpec, ConnectAnswer } from './worker-protocol.js'
import type { MergedResult } from './merged-result.js'

export interface ClientPool {
  /** client worker threads, over every agent */
  readonly size: number
  /** where the clients run, for the log: "4 worker threads" or "2 agents (8 worker threads)" */
  readonly description: string
  progress(): { opened: number; failed: number }
  connect(run: string, messages: number, receivers: ReceiverSpec[], concurrency: number): Promise<ConnectAnswer>
  connectPairs(run: string, messages: number, pairs: PairSpec[], concurrency: number): Promise<ConnectAnswer>
  /** a distributed pool starts every agent's sends at one instant of the coordinator's clock */
  sendPairs(from: number, to: number, ratePerPair: number, payloadBytes: number): Promise<void>
  /** distinct receipts per message index, summed */
  counts(): Promise<number[]>
  /** starts the measured phase; per-second counts are of seconds since `origin` */
  mark(origin: number): Promise<void>
  collect(): Promise<MergedResult>
  /** agents that died or fell behind, named with why (always empty in process): a run with any is failed */
  failures(): string[]
  close(): Promise<void>
}

export type ClientPoolFactory = (workers: number) => Promise<ClientPool>
