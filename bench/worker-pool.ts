// The main thread's side of the client workers: spreads connections over them, gathers progress, counts and final
// results. Threads of this process by default, so that they share the clock (clock.ts) and the process-wide CPU
// figure covers the whole harness; child processes once the run needs more sockets than this process has
// descriptors for (sockets.ts), each then reporting its own process's CPU. Sockets to a loopback gateway are spread
// over loopback source addresses, so that one address's ephemeral ports do not cap the run either.
import { fork } from 'node:child_process'
import { Worker } from 'node:worker_threads'
import type { ClientPool } from './client-pool.js'
import { type MergedResult, mergeResults } from './merged-result.js'
import { defaultSocketLimits, processesFor, spreadSources, type SocketLimits } from './sockets.js'
import type {
  BeatAnswer,
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

/** a worker thread or a child process, behind one face */
interface Channel {
  send(m: WorkerRequest): void
  terminate(): Promise<unknown>
}

interface Slot {
  channel: Channel
  progress: { opened: number; failed: number }
  pending: Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>
}

function startSlot(kind: 'thread' | 'process'): Slot {
  const slot: Slot = {
    channel: undefined as unknown as Channel,
    progress: { opened: 0, failed: 0 },
    pending: new Map(),
  }
  const onMessage = (m: WorkerMessage) => {
    if (m.type === 'progress') {
      slot.progress = { opened: m.opened, failed: m.failed }
    } else {
      const p = slot.pending.get(m.id)
      slot.pending.delete(m.id)
      if (m.ok) p?.resolve(m.value)
      else p?.reject(new Error(`client worker: ${m.error}`))
    }
  }
  const onError = (err: Error) => {
    for (const p of slot.pending.values()) p.reject(err)
    slot.pending.clear()
  }
  if (kind === 'thread') {
    const worker = new Worker(ENTRY, { workerData: { entry: WORKER } })
    worker.on('message', onMessage)
    worker.on('error', onError)
    // terminated (fit, close) or crashed: nothing more will answer
    worker.once('exit', () => onError(new Error('client worker exited')))
    slot.channel = { send: (m) => worker.postMessage(m), terminate: () => worker.terminate() }
  } else {
    // structured clone, as between threads: results hold Infinity (arrival extremes of messages nobody got)
    const child = fork(ENTRY, [WORKER], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    child.on('message', (m) => onMessage(m as WorkerMessage))
    child.on('error', onError)
    child.once('exit', (code, signal) => onError(new Error(`client process exited (${signal ?? code})`)))
    slot.channel = {
      send: (m) => child.send(m),
      terminate: () =>
        child.exitCode !== null || child.signalCode !== null
          ? Promise.resolve()
          : new Promise((resolve) => {
              child.once('exit', resolve)
              child.kill('SIGKILL')
            }),
    }
  }
  return slot
}

/** Splits `items` into `n` interleaved shares (item k → share k mod n), so every worker gets every gateway. */
export function share<T>(items: T[], n: number): T[][] {
  const out: T[][] = Array.from({ length: n }, () => [])
  items.forEach((item, k) => out[k % n]!.push(item))
  return out
}

export class WorkerPool implements ClientPool {
  private nextId = 0
  private kind: 'thread' | 'process' = 'thread'
  private clockOffsetMs = 0
  private constructor(
    private slots: Slot[],
    private readonly limits: SocketLimits,
  ) {}

  static async start(count: number, limits: SocketLimits = defaultSocketLimits()): Promise<WorkerPool> {
    const pool = new WorkerPool(
      Array.from({ length: Math.max(1, count) }, () => startSlot('thread')),
      limits,
    )
    await pool.ready()
    return pool
  }

  /** a round trip proves each worker loaded its TypeScript */
  private async ready(): Promise<void> {
    await this.all(() => ({ type: 'counts' }))
  }

  /**
   * Before connecting: when `sockets` exceed what this process's descriptors allow, the (still idle) threads give
   * way to child processes, as many as the workers or as the descriptors need, whichever is more.
   */
  private async fit(sockets: number): Promise<void> {
    const processes = processesFor(sockets, this.limits)
    if (this.kind === 'process' || processes === 1) return
    const count = Math.max(this.slots.length, processes)
    await Promise.all(this.slots.map((s) => s.channel.terminate()))
    this.kind = 'process'
    this.slots = Array.from({ length: count }, () => startSlot('process'))
    await this.ready()
    if (this.clockOffsetMs !== 0) await this.setClockOffset(this.clockOffsetMs)
  }

  get size(): number {
    return this.slots.length
  }

  get description(): string {
    // said before connecting, when the threads may still give way to processes
    return this.kind === 'thread'
      ? `${this.size} worker threads (child processes past ${this.limits.perProcess} sockets)`
      : `${this.size} client processes`
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
      slot.channel.send({ ...req, id } as WorkerRequest)
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
    await this.fit(receivers.length)
    const shares = share(spreadSources(receivers, this.limits.perAddress), this.size)
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
    await this.fit(2 * pairs.length)
    const n = 2 * pairs.length
    const from = spreadSources(
      pairs.map((p) => p.from),
      this.limits.perAddress,
      0,
      n,
    )
    const to = spreadSources(
      pairs.map((p) => p.to),
      this.limits.perAddress,
      pairs.length,
      n,
    )
    const shares = share(
      pairs.map((p, k) => ({ ...p, from: from[k]!, to: to[k]! })),
      this.size,
    )
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
    this.clockOffsetMs = offsetMs
    await this.all(() => ({ type: 'clock', offsetMs }))
  }

  /** distinct receipts per message index, summed over the workers */
  async counts(): Promise<number[]> {
    const all = await this.all<number[]>(() => ({ type: 'counts' }))
    return all.reduce((sum, c) => sum.map((n, i) => n + (c[i] ?? 0)))
  }

  /** receipts and dropped connections so far, summed over the workers (a bench agent's heartbeat) */
  async beat(): Promise<BeatAnswer> {
    const all = await this.all<BeatAnswer>(() => ({ type: 'beat' }))
    return { received: all.reduce((n, b) => n + b.received, 0), lost: all.reduce((n, b) => n + b.lost, 0) }
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
    await Promise.all(this.slots.map((s) => s.channel.terminate()))
  }
}

function merge(answers: ConnectAnswer[]): ConnectAnswer {
  return {
    opened: answers.reduce((n, a) => n + a.opened, 0),
    failed: answers.reduce((n, a) => n + a.failed, 0),
    errors: [...new Set(answers.flatMap((a) => a.errors))].slice(0, 5),
  }
}
