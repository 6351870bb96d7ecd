// One fanout run against one target: connect the online members from the worker threads, warm up, send M
// messages from the sender at the chosen rate, wait for the deliveries, and account for every one of them.
import { randomBytes } from 'node:crypto'
import { completeness, completions, type Completeness, type MessageCompletion } from './accounting.js'
import { nowMs } from './clock.js'
import { encodeContent } from './content.js'
import { clientCpu, type ClientCpu } from './client-cpu.js'
import { processCpuMs, threadCpuMs } from './cpu.js'
import { paced, sleep, waitUntil, type Rate } from './pacing.js'
import { progressBar } from './progress.js'
import { SendError, openSender } from './sender.js'
import { summarizeSmall, type CdfPoint, type LatencySummary, type SmallSummary } from './stats.js'
import type { FanoutTarget, SystemName } from './targets.js'
import { distributedCpu, type AgentsReport } from './agents/report.js'
import type { ClientPool, ClientPoolFactory } from './client-pool.js'
import { WorkerPool } from './worker-pool.js'

export interface FanoutOptions {
  messages: number
  rate: Rate
  /** unacknowledged sends allowed at once */
  inflight: number
  payloadBytes: number
  workers: number
  /** connection attempts in flight per worker while ramping up */
  connectConcurrency: number
  warmupTimeoutMs: number
  /** after the last ack, how long to wait for missing deliveries */
  drainTimeoutMs: number
  /** stderr progress and phase notes */
  log: (text: string) => void
  progress: boolean
  /** where the clients run: this process's worker threads unless given (bench agents: agents/remote-pool.ts) */
  pool?: ClientPoolFactory
}

export type { ClientCpu }

export interface FanoutRun {
  system: SystemName
  urls: string[]
  conversationId: string
  messages: number
  rate: Rate
  payloadBytes: number
  workers: number
  setup: {
    usersVia: string
    usersMs: number
    groupMs: number
    connectMs: number
    connectsPerSec: number
    connected: number
    connectErrors: string[]
  }
  online: number
  offline: number
  warmup: { complete: boolean; ms: number }
  send: {
    sent: number
    failed: number
    retries: number
    durationMs: number
    achievedRate: number
    ackMs: SmallSummary
    errors: string[]
  }
  latencyMs: LatencySummary
  cdf: CdfPoint[]
  completionMs: SmallSummary & { incompleteMessages: number }
  perMessage: MessageCompletion[]
  deliveriesPerSec: number
  /** measured deliveries in each second from the first send */
  deliveriesBySecond: number[]
  completeness: Completeness
  clientCpu: ClientCpu
  /**
   * The server's resident memory before and after the connections opened, and the difference per connection:
   * meaningful on a freshly started server only (on a reused one, an earlier run's garbage being returned can
   * make it negative). cpuMs/coresUsed: the servers' CPU during the measured phase (gochat: the gateways only).
   */
  server: {
    rssBeforeBytes: number
    rssAfterBytes: number
    bytesPerConnection: number
    cpuMs: number
    coresUsed: number
  } | null
  /** a distributed run (--agents): one row per agent, their clock offsets, and which failed */
  agents?: AgentsReport
}

/** codes worth another try with the same idempotency key (nothing was stored, or it is stored exactly once) */
const RETRYABLE = new Set(['rate_limited', 'timeout', 'unavailable'])
const SEND_ATTEMPTS = 5

export async function runFanout(target: FanoutTarget, o: FanoutOptions): Promise<FanoutRun> {
  const run = randomBytes(4).toString('hex')
  const prepared = await target.prepare(o.log)
  const { conversationId, receivers } = prepared
  const before = await target.serverStats()

  const sender = await openSender(prepared.sender)
  let pool: ClientPool | undefined
  try {
    const clients = (pool = await (o.pool ?? WorkerPool.start)(o.workers))
    // an agent that died or fell behind ends every wait: its deliveries will not come
    const failed = () => clients.failures().length > 0
    // ramp: every online member connects once, from the workers, with a progress bar
    o.log(`${target.system}: opening ${receivers.length} connections from ${clients.description}`)
    const bar = o.progress
      ? progressBar(`${target.system} connect`, receivers.length, () => {
          const p = clients.progress()
          return { done: p.opened, failed: p.failed }
        })
      : undefined
    let t = nowMs()
    const connected = await clients.connect(run, o.messages, receivers, o.connectConcurrency).finally(() => bar?.stop())
    const connectMs = nowMs() - t
    // let the server finish registering (presence) and the allocator settle before reading memory
    await sleep(1000)
    const after = await target.serverStats()

    // warm-up: one message that every connected member must get; also proves the group and routes work
    t = nowMs()
    await sender.send(conversationId, encodeContent(run, 0, nowMs(), o.payloadBytes), `${run}-0`)
    const warm = await waitUntil(
      async () => failed() || ((await clients.counts())[0] ?? 0) >= connected.opened,
      o.warmupTimeoutMs,
    )
    const warmup = { complete: warm, ms: Math.round(nowMs() - t) }
    if (!warm)
      o.log(
        `${target.system}: warm-up message reached ${(await clients.counts())[0]} of ${connected.opened} members within ${o.warmupTimeoutMs} ms; measuring anyway`,
      )

    // measured phase
    const server0 = await target.serverStats()
    const start = nowMs()
    await clients.mark(start)
    const cpu0 = processCpuMs()
    const main0 = threadCpuMs()
    const sentAt: number[] = []
    const acks: number[] = []
    const errors = new Set<string>()
    let sendFailures = 0
    let retries = 0
    o.log(`${target.system}: sending ${o.messages} messages at ${o.rate === 'max' ? 'max rate' : `${o.rate}/s`}`)
    await paced(o.messages, o.rate, o.inflight, async (k) => {
      const index = k + 1
      const at = nowMs()
      sentAt[index] = at
      const content = encodeContent(run, index, at, o.payloadBytes)
      for (let attempt = 1; ; attempt++) {
        try {
          await sender.send(conversationId, content, `${run}-${index}`)
          acks.push(nowMs() - at)
          return
        } catch (err) {
          const code = err instanceof SendError ? err.code : 'error'
          if (!RETRYABLE.has(code) || attempt >= SEND_ATTEMPTS) {
            sendFailures++
            if (errors.size < 5) errors.add((err as Error).message)
            return
          }
          retries++
          await sleep(100 * 2 ** attempt)
        }
      }
    })
    const sendDone = nowMs()
    const expectedPerMessage = connected.opened
    const wanted = expectedPerMessage * (o.messages - sendFailures)
    await waitUntil(
      async () => failed() || (await clients.counts()).slice(1).reduce((a, b) => a + b, 0) >= wanted,
      o.drainTimeoutMs,
      50,
    )
    const end = nowMs()
    const cpu1 = processCpuMs()
    const main1 = threadCpuMs()
    const server1 = await target.serverStats()
    const merged = await clients.collect()

    const perMessage = completions(sentAt, merged.arrivals, expectedPerMessage)
    const doneTimes = perMessage.filter((m) => m.ms !== null).map((m) => m.ms!)
    const lastArrival = Math.max(...merged.arrivals.last.slice(1).filter(Number.isFinite), start)
    // CPU shares are over the time there was work (first send → last delivery), not over the drain polling
    const activeMs = Math.max(1, (Number.isFinite(lastArrival) ? lastArrival : end) - start)
    const expected = expectedPerMessage * o.messages
    const tally = merged.tally
    const complete = completeness(tally, expected, merged.lost, connected.failed)
    const connections = connected.opened + 1 // the sender's too
    return {
      system: target.system,
      urls: target.urls,
      conversationId,
      messages: o.messages,
      rate: o.rate,
      payloadBytes: o.payloadBytes,
      workers: clients.size,
      setup: {
        usersVia: prepared.usersVia,
        usersMs: prepared.usersMs,
        groupMs: prepared.groupMs,
        connectMs: Math.round(connectMs),
        connectsPerSec: Math.round((connected.opened / connectMs) * 1000),
        connected: connected.opened,
        connectErrors: connected.errors,
      },
      online: receivers.length,
      offline: prepared.offline,
      warmup,
      send: {
        sent: o.messages - sendFailures,
        failed: sendFailures,
        retries,
        durationMs: Math.round(sendDone - start),
        achievedRate: round(((o.messages - sendFailures) / Math.max(1, sendDone - start)) * 1000, 2),
        ackMs: summarizeSmall(acks),
        errors: [...errors],
      },
      latencyMs: merged.latencies.summary(),
      cdf: merged.latencies.cdf(),
      completionMs: { ...summarizeSmall(doneTimes), incompleteMessages: perMessage.filter((m) => !m.complete).length },
      perMessage,
      deliveriesPerSec: Math.round((tally.received / Math.max(1, lastArrival - start)) * 1000),
      deliveriesBySecond: merged.perSecond,
      completeness: complete,
      clientCpu: distributedCpu(
        clientCpu(
          cpu1 - cpu0 + merged.childProcessCpuMs,
          activeMs,
          main0 === undefined || main1 === undefined ? null : main1 - main0,
          merged.workers,
        ),
        merged.agents,
      ),
      server:
        before && after && server0 && server1
          ? {
              rssBeforeBytes: before.rssBytes,
              rssAfterBytes: after.rssBytes,
              bytesPerConnection: Math.round((after.rssBytes - before.rssBytes) / connections),
              cpuMs: Math.round(server1.cpuMs - server0.cpuMs),
              coresUsed: round((server1.cpuMs - server0.cpuMs) / activeMs, 2),
            }
          : null,
      ...(merged.agents ? { agents: merged.agents } : {}),
    }
  } finally {
    sender.close()
    await pool?.close()
  }
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits
