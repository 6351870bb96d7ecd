// The coordinator's side of a distributed run (`--agents`): finds and claims the agents on the control topic,
// measures each one's clock against its own, hands each an interleaved share of the connections, and merges their
// results into one (report.ts). Each agent beats twice a second; one silent for the agent timeout has died, one whose
// beats say it stalled or whose receipts trail the others' by more than the lag bound has fallen behind (lag.ts):
// either is named, its pending answers given up, and the run fails with its deliveries still expected.
import { randomUUID } from 'node:crypto'
import { UnreachableError } from '../../src/core/operator-errors.js'
import type { ClientPool } from '../client-pool.js'
import { nowMs } from '../clock.js'
import { sleep } from '../pacing.js'
import type { ConnectAnswer, PairSpec, ReceiverSpec } from '../worker-protocol.js'
import { addCounts, type MergedResult } from '../merged-result.js'
import { share } from '../worker-pool.js'
import { estimateOffset, type ClockOffset, type ClockSample } from './clock-sync.js'
import { ControlChannel, type ControlConfig } from './control.js'
import type { AgentOp, ControlMessage } from './protocol.js'
import { fromWire } from './protocol.js'
import { fellBehind, type ProgressSample } from './lag.js'
import { mergeAgents, type AgentOutcome } from './report.js'

export interface AgentsOptions {
  /** how many agents, or which ones by name */
  agents: number | string[]
  /** how long to wait for them to register */
  waitMs: number
  /** an agent silent (no beat) this long has failed */
  timeoutMs: number
  /** an agent whose loops stalled, or whose receipts trail the leading agent's, by more than this has failed */
  maxLagMs: number
  log: (text: string) => void
}

interface Agent {
  name: string
  host: string
  workers: number
  lastBeat: number
  progress: { opened: number; failed: number }
  clock: ClockOffset
  connections: number
  connectFailures: number
  failure: string | null
  pending: Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>
  pongs: ClockSample[]
  stallMs: number
  /** receipts per open connection, from its beats during the measured phase */
  samples: ProgressSample[]
}

/** records stay well under Kafka's default 1 MB limit */
const STAGE_CHUNK = 500
const PINGS = 8
const BEAT_MS = 500

class AgentGone extends Error {}

export class RemoteAgents implements ClientPool {
  private nextId = 0
  private phase = 'setup'
  /** from mark to collect: when agents' receipts are compared */
  private measuring = false
  private messages = 0
  private watcher: NodeJS.Timeout | undefined
  private beats: NodeJS.Timeout | undefined

  private constructor(
    private readonly channel: ControlChannel,
    private readonly session: string,
    private readonly agents: Agent[],
    private readonly o: AgentsOptions,
  ) {}

  /** Waits for the agents, claims them and measures their clocks. */
  static async start(cfg: ControlConfig, o: AgentsOptions): Promise<RemoteAgents> {
    const session = randomUUID()
    const hellos = new Map<string, Extract<ControlMessage, { k: 'hello' }>>()
    const claims = new Map<string, Extract<ControlMessage, { k: 'claimed' }>>()
    let pool: RemoteAgents | undefined
    const channel = await ControlChannel.open(cfg, 'gochat-bench-coordinator', (m) => {
      if (m.session !== session) return
      if (m.k === 'hello') hellos.set(m.from, m)
      else if (m.k === 'claimed') claims.set(m.from, m)
      else pool?.receive(m)
    })
    try {
      const wanted = o.agents
      const enough = () =>
        typeof wanted === 'number' ? hellos.size >= wanted : wanted.every((name) => hellos.has(name))
      o.log(
        `waiting for ${typeof wanted === 'number' ? `${wanted} bench agents` : `bench agents ${wanted.join(', ')}`} on ${channel.topic}`,
      )
      const deadline = Date.now() + o.waitMs
      while (!enough()) {
        if (Date.now() > deadline) {
          const missing =
            typeof wanted === 'number'
              ? `${hellos.size} of ${wanted} answered`
              : `missing: ${wanted.filter((n) => !hellos.has(n)).join(', ')}`
          throw new UnreachableError(
            `bench agents did not register on ${channel.topic} within ${Math.round(o.waitMs / 1000)} s (${missing})`,
            'start `gochat bench agent --kafka <brokers> --topic-prefix <the same prefix>` on each load host',
          )
        }
        await channel.send({ k: 'discover', session })
        await sleep(1000)
      }
      const names = typeof wanted === 'number' ? [...hellos.keys()].sort().slice(0, wanted) : wanted
      for (const to of names) await channel.send({ k: 'claim', session, to })
      const claimDeadline = Date.now() + 30_000
      while (!names.every((n) => claims.has(n)) && Date.now() < claimDeadline) await sleep(50)
      const refused = names.filter((n) => !claims.get(n)?.ok)
      if (refused.length)
        throw new UnreachableError(
          `bench agents could not be claimed: ${refused.map((n) => `${n} (${claims.get(n)?.reason ?? 'no answer'})`).join(', ')}`,
        )
      const agents = names.map(
        (name): Agent => ({
          name,
          host: hellos.get(name)!.host,
          workers: hellos.get(name)!.workers,
          lastBeat: Date.now(),
          progress: { opened: 0, failed: 0 },
          clock: { offsetMs: 0, uncertaintyMs: 0, samples: 0 },
          connections: 0,
          connectFailures: 0,
          failure: null,
          pending: new Map(),
          pongs: [],
          stallMs: 0,
          samples: [],
        }),
      )
      pool = new RemoteAgents(channel, session, agents, o)
      pool.startBeats()
      await pool.syncClocks()
      return pool
    } catch (err) {
      if (pool) await pool.close()
      else await channel.close()
      throw err
    }
  }

  get size(): number {
    return this.agents.reduce((n, a) => n + a.workers, 0)
  }

  get description(): string {
    return `${this.agents.length} bench agents (${this.agents.map((a) => `${a.name}@${a.host}`).join(', ')}; ${this.size} worker threads)`
  }

  private get live(): Agent[] {
    return this.agents.filter((a) => a.failure === null)
  }

  failures(): string[] {
    return this.agents.filter((a) => a.failure !== null).map((a) => `agent ${a.name}: ${a.failure}`)
  }

  progress(): { opened: number; failed: number } {
    return this.agents.reduce(
      (s, a) => ({ opened: s.opened + a.progress.opened, failed: s.failed + a.progress.failed }),
      { opened: 0, failed: 0 },
    )
  }

  private receive(m: ControlMessage): void {
    if (!('from' in m)) return
    const a = this.agents.find((x) => x.name === m.from)
    if (!a || a.failure !== null) return
    if (m.k === 'beat') {
      a.lastBeat = Date.now()
      a.progress = { opened: m.opened ?? 0, failed: m.failed ?? 0 }
      a.stallMs = m.stallMs ?? 0
      const open = a.connections - (m.lost ?? 0)
      if (this.measuring && m.received !== undefined && m.at !== undefined && open > 0)
        a.samples.push({ at: m.at, perConnection: m.received / open })
    } else if (m.k === 'pong') {
      a.lastBeat = Date.now()
      a.pongs.push({ t0: m.t0, t1: m.t1, t2: nowMs() })
    } else if (m.k === 'ans') {
      a.lastBeat = Date.now()
      const p = a.pending.get(m.id)
      a.pending.delete(m.id)
      if (m.ok) p?.resolve(m.value)
      else p?.reject(new Error(`agent ${a.name}: ${m.error}`))
    }
  }

  private fail(a: Agent, why: string): void {
    if (a.failure !== null) return
    a.failure = why
    this.o.log(`agent ${a.name} failed: ${why}`)
    for (const p of a.pending.values()) p.reject(new AgentGone(why))
    a.pending.clear()
  }

  private startBeats(): void {
    this.beats = setInterval(() => {
      void this.channel.send({ k: 'beat', session: this.session, from: 'coordinator' }).catch(() => {})
    }, BEAT_MS)
    this.watcher = setInterval(() => {
      for (const a of this.live) {
        if (Date.now() - a.lastBeat > this.o.timeoutMs) {
          this.fail(
            a,
            `no heartbeat for ${Math.round(this.o.timeoutMs / 1000)} s during ${this.phase} (died or fell behind)`,
          )
          continue
        }
        const others = this.agents.filter((x) => x !== a).map((x) => x.samples)
        const behind = fellBehind(a.stallMs, a.samples.at(-1), others, this.o.maxLagMs)
        if (behind) this.fail(a, `${behind} during ${this.phase}`)
      }
    }, 250)
  }

  private call<T>(a: Agent, op: AgentOp): Promise<T> {
    if (a.failure !== null) return Promise.reject(new AgentGone(a.failure))
    const id = ++this.nextId
    return new Promise<T>((resolve, reject) => {
      a.pending.set(id, { resolve: resolve as (v: unknown) => void, reject })
      this.channel.send({ k: 'req', session: this.session, to: a.name, id, call: op }).catch((err: Error) => {
        a.pending.delete(id)
        reject(err)
      })
    })
  }

  /** NTP-style: several pings per agent, the shortest round trip bounds the offset (clock-sync.ts) */
  private async syncClocks(): Promise<void> {
    for (const a of this.agents) {
      a.pongs = []
      for (let k = 0; k < PINGS; k++) {
        await this.channel.send({ k: 'ping', session: this.session, to: a.name, t0: nowMs() })
        await sleep(30)
      }
      const deadline = Date.now() + 5000
      while (a.pongs.length < PINGS && Date.now() < deadline) await sleep(20)
      if (a.pongs.length === 0) {
        this.fail(a, 'did not answer clock pings')
        continue
      }
      a.clock = estimateOffset(a.pongs)
      await this.call(a, { op: 'clock', offsetMs: a.clock.offsetMs })
      this.o.log(
        `agent ${a.name}@${a.host}: clock offset ${a.clock.offsetMs} ± ${a.clock.uncertaintyMs} ms (${a.clock.samples} pings)`,
      )
    }
    const failed = this.failures()
    if (failed.length) throw new UnreachableError(failed.join('; '))
  }

  /** every agent's answer; a failed agent's is `fallback` (its failure is reported separately) */
  private each<T>(ask: (a: Agent, k: number) => Promise<T>, fallback: (a: Agent, k: number) => T): Promise<T[]> {
    return Promise.all(
      this.agents.map((a, k) =>
        ask(a, k).catch((err: Error) => {
          if (err instanceof AgentGone || a.failure !== null) return fallback(a, k)
          throw err
        }),
      ),
    )
  }

  private async open(
    kind: 'connect' | 'pairs',
    run: string,
    messages: number,
    items: unknown[],
    concurrency: number,
  ): Promise<ConnectAnswer> {
    this.phase = 'connect'
    this.messages = messages
    const shares = share(items, this.agents.length)
    const answers = await this.each<ConnectAnswer>(
      async (a, k) => {
        const mine = shares[k]!
        for (let i = 0; i < mine.length; i += STAGE_CHUNK)
          await this.call(a, { op: 'stage', items: mine.slice(i, i + STAGE_CHUNK) })
        const answer = await this.call<ConnectAnswer>(a, { op: kind, run, messages, concurrency })
        a.connections = answer.opened
        a.connectFailures = answer.failed
        return answer
      },
      (a, k) => {
        // connections it opened before it failed stay expected; the rest of its share never connected
        const failed = shares[k]!.length - a.connections
        a.connectFailures = failed
        return { opened: a.connections, failed, errors: [`agent ${a.name}: ${a.failure}`] }
      },
    )
    this.phase = 'warm-up'
    return {
      opened: answers.reduce((n, x) => n + x.opened, 0),
      failed: answers.reduce((n, x) => n + x.failed, 0),
      errors: [...new Set(answers.flatMap((x) => x.errors))].slice(0, 5),
    }
  }

  connect(run: string, messages: number, receivers: ReceiverSpec[], concurrency: number): Promise<ConnectAnswer> {
    return this.open('connect', run, messages, receivers, concurrency)
  }

  connectPairs(run: string, messages: number, pairs: PairSpec[], concurrency: number): Promise<ConnectAnswer> {
    return this.open('pairs', run, messages, pairs, concurrency)
  }

  /** every agent's first send due at one instant of the coordinator's clock, past the slowest round trip */
  async sendPairs(from: number, to: number, ratePerPair: number, payloadBytes: number): Promise<void> {
    const slowest = Math.max(0, ...this.agents.map((a) => 2 * a.clock.uncertaintyMs))
    const startAt = nowMs() + 200 + 2 * slowest
    await this.each(
      (a) => this.call(a, { op: 'send-pairs', from, to, ratePerPair, payloadBytes, startAt }),
      () => undefined,
    )
  }

  async counts(): Promise<number[]> {
    const all = await this.each<number[]>(
      (a) => this.call(a, { op: 'counts' }),
      () => [],
    )
    // an agent's counts may be shorter (failed: none); sums run to the longest
    return all.reduce(addCounts, [])
  }

  async mark(origin: number): Promise<void> {
    this.phase = 'the measured phase'
    this.measuring = true
    await this.each(
      (a) => this.call(a, { op: 'mark', origin }),
      () => undefined,
    )
  }

  async collect(): Promise<MergedResult> {
    this.phase = 'collect'
    this.measuring = false
    const results = await this.each(
      async (a) => fromWire(await this.call(a, { op: 'collect' })),
      () => null,
    )
    const outcomes: AgentOutcome[] = this.agents.map((a, k) => ({
      name: a.name,
      host: a.host,
      workers: a.workers,
      connections: a.connections,
      connectFailures: a.connectFailures,
      clock: a.clock,
      result: results[k] ?? null,
      failure: a.failure,
    }))
    return mergeAgents(outcomes, this.messages)
  }

  async close(): Promise<void> {
    this.phase = 'close'
    // an agent failed for falling behind is still there: it is told the run is over, without waiting for it
    for (const a of this.agents.filter((x) => x.failure !== null))
      void this.channel
        .send({ k: 'req', session: this.session, to: a.name, id: ++this.nextId, call: { op: 'close' } })
        .catch(() => {})
    await Promise.race([
      this.each(
        (a) => this.call(a, { op: 'close' }),
        () => undefined,
      ).catch(() => undefined),
      sleep(5000),
    ])
    clearInterval(this.watcher)
    clearInterval(this.beats)
    await this.channel.close()
  }
}
