// The main thread's side of the client worker threads: spreads connections over them, gathers progress, counts
// and final results. Threads rather than processes so that they share the clock (clock.ts) and so that the
// process-wide CPU figure covers the whole harness.
import { Worker } from 'node:worker_threads'
import type { ClientPool } from './client-pool.js'
import { type MergedResult, mergeResults } from './merged-result.js'
import type {
  ConnectAnswer,
  PairSpec,
  ReceiverSpec,
  WorkerMessage,
  WorkerRequest,
  WorkerResult,
} from './worker-protocol.js'

const ENTRY = new URL('./run-ts.js', import.meta.url)
const WORKER = new URL('./client-worker.ts', import.meta.url).href

type Req = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never

interface Slot {
  worker: Worker
  progress: { opened: number; failed: number }
  pending: Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>
}

/** Splits `items` into `n` interleaved shares (item k → share k mod n), so every worker gets every gateway. */
export function share<T>(items: T[], n: number): T[][] {
  const out: T[][] = Array.from({ length: n }, () => [])
  items.forEach((item, k) => out[k % n]!.push(item))
  return out
}

export class WorkerPool implements ClientPool {
  private nextId = 0
  private constructor(private readonly slots: Slot[]) {}

  static async start(count: number): Promise<WorkerPool> {
    const slots = Array.from({ length: Math.max(1, count) }, (): Slot => {
      const worker = new Worker(ENTRY, { workerData: { entry: WORKER } })
      const slot: Slot = { worker, progress: { opened: 0, failed: 0 }, pending: new Map() }
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'progress') {
          slot.progress = { opened: m.opened, failed: m.failed }
        } else {
          const p = slot.pending.get(m.id)
          slot.pending.delete(m.id)
          if (m.ok) p?.resolve(m.value)
          else p?.reject(new Error(`client worker: ${m.error}`))
        }
      })
      worker.on('error', (err) => {
        for (const p of slot.pending.values()) p.reject(err)
        slot.pending.clear()
      })
      return slot
    })
    const pool = new WorkerPool(slots)
    // a round trip proves each worker loaded its TypeScript
    await pool.all(() => ({ type: 'counts' }))
    return pool
  }

  get size(): number {
    return this.slots.length
  }

  get description(): string {
    return `${this.size} worker threads`
  }

  failures(): string[] {
    return []
  }

  progress(): { opened: number; failed: number } {
    return this.slots.reduce(
      (a, s) => ({ opened: a.opened + s.progress.opened, failed: a.failed + s.progress.failed }),
      { opened: 0, failed: 0 },
    )
  }

  private call<T>(slot: Slot, req: Req): Promise<T> {
    const id = ++this.nextId
    return new Promise<T>((resolve, reject) => {
      slot.pending.set(id, { resolve: resolve as (v: unknown) => void, reject })
      slot.worker.postMessage({ ...req, id })
    })
  }

  private all<T>(req: (k: number) => Req): Promise<T[]> {
    return Promise.all(this.slots.map((s, k) => this.call<T>(s, req(k))))
  }

  async connect(
    run: string,
    messages: number,
    receivers: ReceiverSpec[],
    concurrency: number,
    attempts = 3,
  ): Promise<ConnectAnswer> {
    const shares = share(receivers, this.size)
    const answers = await this.all<ConnectAnswer>((k) => ({
      type: 'connect',
      run,
      messages,
      receivers: shares[k]!,
      concurrency,
      attempts,
    }))
    return merge(answers)
  }

  async connectPairs(
    run: string,
    messages: number,
    pairs: PairSpec[],
    concurrency: number,
    attempts = 3,
  ): Promise<ConnectAnswer> {
    const shares = share(pairs, this.size)
    const answers = await this.all<ConnectAnswer>((k) => ({
      type: 'pairs',
      run,
      messages,
      pairs: shares[k]!,
      concurrency,
      attempts,
    }))
    return merge(answers)
  }

  async sendPairs(
    from: number,
    to: number,
    ratePerPair: number,
    payloadBytes: number,
    startAt?: number,
  ): Promise<void> {
    await this.all(() => ({ type: 'send-pairs', from, to, ratePerPair, payloadBytes, startAt }))
  }

  /** this host's clock minus the coordinator's, applied to every stamp the workers take */
  async setClockOffset(offsetMs: number): Promise<void> {
    await this.all(() => ({ type: 'clock', offsetMs }))
  }

  /** distinct receipts per message index, summed over the workers */
  async counts(): Promise<number[]> {
    const all = await this.all<number[]>(() => ({ type: 'counts' }))
    return all.reduce((sum, c) => sum.map((n, i) => n + (c[i] ?? 0)))
  }

  /** starts the measured phase; per-second counts are of seconds since `origin` */
  async mark(origin: number): Promise<void> {
    await this.all(() => ({ type: 'mark', origin }))
  }

  async collect(): Promise<MergedResult> {
    return mergeResults(await this.collectRaw())
  }

  /** each worker's result as it is (a bench agent ships them to the coordinator, which merges every agent's) */
  collectRaw(): Promise<WorkerResult[]> {
    return this.all<WorkerResult>(() => ({ type: 'collect' }))
  }

  /** Closes every connection, then ends the threads (bounded: a stuck worker is terminated regardless). */
  async close(): Promise<void> {
    await Promise.race([
      this.all(() => ({ type: 'close' })).catch(() => undefined),
      new Promise((r) => setTimeout(r, 5000)),
    ])
    await Promise.all(this.slots.map((s) => s.worker.terminate()))
  }
}

function merge(answers: ConnectAnswer[]): ConnectAnswer {
  return {
    opened: answers.reduce((n, a) => n + a.opened, 0),
    failed: answers.reduce((n, a) => n + a.failed, 0),
    errors: [...new Set(answers.flatMap((a) => a.errors))].slice(0, 5),
  }
}
