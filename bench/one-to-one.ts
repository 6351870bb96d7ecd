// `gochat bench send`: one-to-one traffic. Pairs of users, each with a direct conversation; in every pair one
// side sends at the per-pair rate over its socket and the other side receives. Both ends of a pair live in the
// same worker thread, so every sender stamps and every receiver reads the same clock with no main-thread hop.
import { randomBytes } from 'node:crypto'
import { RestClient, type Session } from '../src/client/rest.js'
import { createUsers } from './admin.js'
import { nowMs } from './clock.js'
import { processCpuMs } from './cpu.js'
import { clientCpu, type ClientCpu } from './client-cpu.js'
import { completeness, type Completeness } from './accounting.js'
import { waitUntil, type Rate } from './pacing.js'
import { progressBar } from './progress.js'
import type { CdfPoint, LatencySummary } from './stats.js'
import type { PairSpec } from './worker-protocol.js'
import { distributedCpu, type AgentsReport } from './agents/report.js'
import type { ClientPoolFactory } from './client-pool.js'
import { WorkerPool } from './worker-pool.js'

export interface SendOptions {
  gateways: string[]
  adminSecret: string
  pairs: number
  messages: number
  /** per pair */
  rate: Rate
  payloadBytes: number
  /** image: each message is an upload of a payloadBytes PNG (slot, PUT, complete) and its image message */
  kind?: 'text' | 'image'
  workers: number
  connectConcurrency: number
  drainTimeoutMs: number
  log: (text: string) => void
  progress: boolean
  /** where the clients run: this process's worker threads unless given (bench agents: agents/remote-pool.ts) */
  pool?: ClientPoolFactory
}

export interface SendRun {
  gateways: string[]
  pairs: number
  messages: number
  rate: Rate
  payloadBytes: number
  /** text, or image: latency is from before the upload's slot to the image message's arrival */
  kind: 'text' | 'image'
  workers: number
  setup: {
    usersVia: string
    usersMs: number
    conversationsMs: number
    connectMs: number
    connected: number
    connectErrors: string[]
  }
  send: { sent: number; failed: number; durationMs: number }
  /** measured messages received per second, over all pairs */
  messagesPerSec: number
  /** measured messages received in each second from the first send */
  messagesBySecond: number[]
  latencyMs: LatencySummary
  cdf: CdfPoint[]
  completeness: Completeness
  clientCpu: ClientCpu
  /** a distributed run (--agents): one row per agent, their clock offsets, and which failed */
  agents?: AgentsReport
}

async function directConversations(url: string, pairs: Array<[Session, Session]>, concurrency = 8): Promise<string[]> {
  const out: string[] = new Array(pairs.length)
  let next = 0
  const lane = async () => {
    while (next < pairs.length) {
      const k = next++
      const [a, b] = pairs[k]!
      out[k] = (await new RestClient(url, a.token).direct(b.userId)).conversationId
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, pairs.length) }, lane))
  return out
}

export async function runSend(o: SendOptions): Promise<SendRun> {
  const run = randomBytes(4).toString('hex')
  const [first] = o.gateways
  let t = Date.now()
  const { users, via } = await createUsers(first!, o.adminSecret, o.pairs * 2, 'pair', o.log)
  const usersMs = Date.now() - t
  const pairsOfUsers = Array.from({ length: o.pairs }, (_, k): [Session, Session] => [users[2 * k]!, users[2 * k + 1]!])
  t = Date.now()
  const conversations = await directConversations(first!, pairsOfUsers)
  const conversationsMs = Date.now() - t
  // the two ends of a pair on different gateways when there are several: the cross-gateway route is the real one
  const gw = (k: number) => o.gateways[k % o.gateways.length]!
  const specs: PairSpec[] = pairsOfUsers.map(([a, b], k) => ({
    from: { dialect: 'gochat', url: gw(k), token: a.token },
    to: { dialect: 'gochat', url: gw(k + 1), token: b.token, conversationId: conversations[k]! },
    ...(o.kind === 'image' ? { kind: 'image' as const } : {}),
  }))

  const pool = await (o.pool ?? WorkerPool.start)(o.workers)
  // an agent that died or fell behind ends every wait: its deliveries will not come
  const failed = () => pool.failures().length > 0
  try {
    o.log(`opening ${o.pairs} pairs of connections from ${pool.description}`)
    const bar = o.progress
      ? progressBar('connect pairs', o.pairs, () => {
          const p = pool.progress()
          return { done: p.opened, failed: p.failed }
        })
      : undefined
    t = Date.now()
    const connected = await pool.connectPairs(run, o.messages, specs, o.connectConcurrency).finally(() => bar?.stop())
    const connectMs = Date.now() - t
    const ratePerPair = o.rate === 'max' ? Infinity : o.rate

    // warm-up: one message per pair
    await pool.sendPairs(0, 0, ratePerPair, o.payloadBytes)
    await waitUntil(async () => failed() || ((await pool.counts())[0] ?? 0) >= connected.opened, 30_000)

    const start = nowMs()
    await pool.mark(start)
    const cpu0 = processCpuMs()
    o.log(`sending ${o.messages} messages per pair at ${o.rate === 'max' ? 'max rate' : `${o.rate}/s per pair`}`)
    await pool.sendPairs(1, o.messages, ratePerPair, o.payloadBytes)
    const sendDone = nowMs()
    const wanted = connected.opened * o.messages
    await waitUntil(
      async () => failed() || (await pool.counts()).slice(1).reduce((a, b) => a + b, 0) >= wanted,
      o.drainTimeoutMs,
      50,
    )
    const end = nowMs()
    const cpu1 = processCpuMs()
    const merged = await pool.collect()

    const lastArrival = Math.max(...merged.arrivals.last.slice(1).filter(Number.isFinite), start)
    const tally = merged.tally
    const expected = wanted
    const activeMs = Math.max(1, (Number.isFinite(lastArrival) ? lastArrival : end) - start)
    // warm-up sends are in the workers' counters too
    const measuredSent = merged.sent - connected.opened
    return {
      gateways: o.gateways,
      pairs: o.pairs,
      messages: o.messages,
      rate: o.rate,
      payloadBytes: o.payloadBytes,
      kind: o.kind ?? 'text',
      workers: pool.size,
      setup: {
        usersVia: via,
        usersMs,
        conversationsMs,
        connectMs,
        connected: connected.opened,
        connectErrors: connected.errors,
      },
      send: { sent: measuredSent, failed: merged.sendErrors, durationMs: Math.round(sendDone - start) },
      messagesPerSec: Math.round((tally.received / Math.max(1, lastArrival - start)) * 1000),
      messagesBySecond: merged.perSecond,
      latencyMs: merged.latencies.summary(),
      cdf: merged.latencies.cdf(),
      completeness: completeness(tally, expected, merged.lost, connected.failed),
      clientCpu: distributedCpu(
        clientCpu(cpu1 - cpu0 + merged.childProcessCpuMs, activeMs, null, merged.workers),
        merged.agents,
      ),
      ...(merged.agents ? { agents: merged.agents } : {}),
    }
  } finally {
    await pool.close()
  }
}
