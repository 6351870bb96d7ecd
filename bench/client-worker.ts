// A client worker (a thread, or a child process when the run needs more descriptors than one process has): holds a share of the receiving connections (and, for the send bench, the senders of
// its pairs), counts what arrives and measures send→receive latency against the shared clock. Everything it
// records stays here until `collect`, so the main thread's event loop is free to stamp sends on time.
import { parentPort } from 'node:worker_threads'
import { performance, type EventLoopUtilization } from 'node:perf_hooks'
import {
  ConnectionTally,
  addTallies,
  emptyArrivals,
  emptyTally,
  recordArrival,
  type IndexArrivals,
} from './accounting.js'
import { nowMs as localNowMs } from './clock.js'
import { decodeContent, encodeContent } from './content.js'
import { processCpuMs, threadCpuMs } from './cpu.js'
import type { Endpoint } from './endpoints.js'
import { catchUp, isResync } from './catch-up.js'
import { openReceiver, type Receiver } from './receiver.js'
import { openSender, type Sender } from './sender.js'
import { benchImage, uploadImage } from './image-upload.js'
import { LatencyRecorder } from './stats.js'
import type {
  BeatAnswer,
  ConnectAnswer,
  PairSpec,
  ReceiverSpec,
  WorkerMessage,
  WorkerRequest,
  WorkerResult,
} from './worker-protocol.js'

// a worker thread talks through its port; a child process (worker-pool.ts forks one per share) through its IPC channel
const inProcess = parentPort === null
if (inProcess && !process.send) throw new Error('client-worker.ts runs as a worker thread or a forked process')
const post = (m: WorkerMessage) => (parentPort ? parentPort.postMessage(m) : process.send!(m))
const onRequest = (handler: (req: WorkerRequest) => void) =>
  parentPort ? parentPort.on('message', handler) : process.on('message', handler)
// a child process never outlives the bench that forked it
if (inProcess) process.on('disconnect', () => process.exit(0))

let run = ''
let messages = 0
let arrivals: IndexArrivals = emptyArrivals(0)
let latencies = new LatencyRecorder()
const tallies: ConnectionTally[] = []
const receivers: Receiver[] = []
const senders: Array<{ sender: Sender; conversationId: string; image?: { url: string; token: string } }> = []
let lost = 0
/**
 * This host's clock minus the coordinator's (0 in process): a bench agent on another host corrects its stamps by
 * it, so that latencies against the coordinator's send stamps are not shifted by the hosts' clock difference.
 */
let clockOffsetMs = 0
const nowMs = () => localNowMs() - clockOffsetMs
/** measured deliveries per second since `mark`'s origin (the coordinator's clock) */
let perSecond: number[] = []
let origin = 0
let sent = 0
let sendErrors = 0
let mark = { at: nowMs(), elu: performance.eventLoopUtilization(), cpu: threadCpuMs(), processCpu: processCpuMs() }
/**
 * The busiest 100 ms window since `mark`. The mean over the whole phase hides bursts (a fanout of thousands of
 * frames lasts a fraction of a second, then the loop idles); a window near 100% means deliveries were queueing
 * in this worker, i.e. part of the measured latency was the harness's.
 */
let peakElu = 0
let sampler: NodeJS.Timeout | undefined

interface PushedFrame {
  op?: string
  type?: string
  message?: { conversationId?: string; seq?: number; content?: string }
}

/**
 * The per-frame work, identical for every dialect: parse, filter to the run's conversation, count, time. A
 * `resync` starts a sync of the conversation (what it finds counts as received, without a latency).
 */
function frameHandler(spec: ReceiverSpec, tally: ConnectionTally) {
  const { conversationId } = spec
  return (text: string) => {
    const at = nowMs()
    let f: PushedFrame
    try {
      f = JSON.parse(text) as PushedFrame
    } catch {
      return
    }
    if (isResync(f)) {
      // a sync that failed counts as a lost connection (its messages stay missing)
      catchUp(spec, tally, run, messages).catch(() => lost++)
      return
    }
    const m = f.message
    if (f.op !== 'message' || !m || m.conversationId !== conversationId || typeof m.content !== 'string') return
    const c = decodeContent(m.content, run)
    if (!c || c.i > messages) return
    if (!tally.record(c.i, m.seq ?? 0)) return
    recordArrival(arrivals, c.i, at)
    if (c.i > 0) {
      latencies.record(at - c.t)
      const second = Math.max(0, Math.floor((at - origin) / 1000))
      perSecond[second] = (perSecond[second] ?? 0) + 1
    }
  }
}

async function withRetries<T>(attempts: number, open: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await open()
    } catch (err) {
      if (attempt >= attempts) throw err
      // back off so that a gateway busy accepting thousands of sockets gets air, not a retry storm
      await new Promise((r) => setTimeout(r, 250 * 2 ** attempt))
    }
  }
}

/** Runs `open` for every item with at most `concurrency` in flight, pushing progress to the main thread. */
async function openAll<T>(items: T[], concurrency: number, open: (item: T) => Promise<void>): Promise<ConnectAnswer> {
  let next = 0
  let opened = 0
  let failed = 0
  const errors = new Set<string>()
  const progress = setInterval(() => post({ type: 'progress', opened, failed }), 200)
  const lane = async () => {
    while (next < items.length) {
      const item = items[next++]!
      try {
        await open(item)
        opened++
      } catch (err) {
        failed++
        if (errors.size < 5) errors.add((err as Error).message)
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, lane))
  clearInterval(progress)
  post({ type: 'progress', opened, failed })
  return { opened, failed, errors: [...errors] }
}

function addReceiver(spec: ReceiverSpec, attempts: number): Promise<void> {
  const tally = new ConnectionTally()
  return withRetries(attempts, () => openReceiver(spec, frameHandler(spec, tally), () => lost++)).then((r) => {
    receivers.push(r)
    tallies.push(tally)
  })
}

function reset(r: string, m: number) {
  run = r
  messages = m
  arrivals = emptyArrivals(m)
  latencies = new LatencyRecorder()
}

async function sendPairs(
  from: number,
  to: number,
  ratePerPair: number,
  payloadBytes: number,
  startAt = 0,
): Promise<void> {
  const interval = 1000 / ratePerPair
  // --kind image: payloadBytes is the image's size, and the caption carries only the stamp
  const image = senders.some((s) => s.image) ? await benchImage(payloadBytes) : undefined
  // agents on several hosts begin at one instant of the coordinator's clock
  const start = Math.max(nowMs(), startAt)
  // pairs start staggered over one interval, so that the load is even rather than in bursts of all pairs at once
  await Promise.all(
    senders.map(async ({ sender, conversationId, image: as }, k) => {
      const acks: Promise<void>[] = []
      for (let i = from; i <= to; i++) {
        const due = start + (k / senders.length) * interval + (i - from) * interval
        const wait = due - nowMs()
        if (wait > 1) await new Promise((r) => setTimeout(r, wait))
        const t = nowMs()
        const key = `${run}-${k}-${i}`
        const done =
          as && image
            ? uploadImage(as.url, as.token, image).then((attachmentId) =>
                sender.send(conversationId, encodeContent(run, i, t, 0), key, undefined, {
                  kind: 'image',
                  attachmentId,
                }),
              )
            : sender.send(conversationId, encodeContent(run, i, t, payloadBytes), key)
        acks.push(
          done.then(
            () => {
              sent++
            },
            () => {
              sendErrors++
            },
          ),
        )
      }
      await Promise.all(acks)
    }),
  )
}

function result(): WorkerResult {
  let tally = emptyTally()
  for (const t of tallies) tally = addTallies(tally, t.tally(messages))
  const elu: EventLoopUtilization = performance.eventLoopUtilization(mark.elu)
  const cpu = threadCpuMs()
  return {
    tally,
    arrivals,
    latencies: latencies.encode(),
    lost,
    elapsedMs: nowMs() - mark.at,
    eventLoopUtilization: elu.utilization,
    peakEventLoopUtilization: peakElu,
    cpuMs: cpu === undefined || mark.cpu === undefined ? null : cpu - mark.cpu,
    processCpuMs: inProcess ? processCpuMs() - mark.processCpu : null,
    sent,
    sendErrors,
    perSecond: Array.from(perSecond, (n) => n ?? 0),
  }
}

async function handle(req: WorkerRequest): Promise<unknown> {
  switch (req.type) {
    case 'connect':
      reset(req.run, req.messages)
      return openAll(req.receivers, req.concurrency, (spec) => addReceiver(spec, req.attempts))
    case 'pairs':
      reset(req.run, req.messages)
      return openAll(req.pairs, req.concurrency, async (pair: PairSpec) => {
        // sender first: a pair counts (and its receiver is tallied) only when both ends are open
        const sender = await withRetries(req.attempts, () => openSender(pair.from as Endpoint))
        try {
          await addReceiver(pair.to, req.attempts)
        } catch (err) {
          sender.close()
          throw err
        }
        senders.push({
          sender,
          conversationId: pair.to.conversationId,
          ...(pair.kind === 'image' ? { image: { url: pair.from.url, token: pair.from.token ?? '' } } : {}),
        })
      })
    case 'send-pairs':
      await sendPairs(req.from, req.to, req.ratePerPair, req.payloadBytes, req.startAt)
      return { sent, sendErrors }
    case 'counts':
      return arrivals.count
    case 'beat':
      return { received: arrivals.count.reduce((a, b) => a + b, 0), lost } satisfies BeatAnswer
    case 'clock':
      clockOffsetMs = req.offsetMs
      return true
    case 'mark': {
      mark = { at: nowMs(), elu: performance.eventLoopUtilization(), cpu: threadCpuMs(), processCpu: processCpuMs() }
      origin = req.origin
      perSecond = []
      peakElu = 0
      let last = mark.elu
      clearInterval(sampler)
      sampler = setInterval(() => {
        const now = performance.eventLoopUtilization()
        peakElu = Math.max(peakElu, performance.eventLoopUtilization(now, last).utilization)
        last = now
      }, 100)
      return true
    }
    case 'collect':
      clearInterval(sampler)
      return result()
    case 'close':
      for (const r of receivers) r.close()
      for (const s of senders) s.sender.close()
      receivers.length = 0
      senders.length = 0
      // the main thread terminates the worker after this answer
      return true
  }
}

onRequest((req: WorkerRequest) => {
  handle(req).then(
    (value) => post({ type: 'answer', id: req.id, ok: true, value }),
    (err: Error) => post({ type: 'answer', id: req.id, ok: false, error: err.message }),
  )
})
