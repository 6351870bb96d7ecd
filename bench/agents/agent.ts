// `gochat bench agent`: a load generator on any host. It waits on the control topic for a coordinator to claim it,
// then does what the coordinator asks (open its share of the connections, mark, count, collect, close) with a
// worker pool of its own, beating twice a second so the coordinator sees at once when it died or fell behind.
// After a run (or when its coordinator went silent) it is free for the next one.
import { availableParallelism, hostname } from 'node:os'
import { nowMs } from '../clock.js'
import { processCpuMs } from '../cpu.js'
import type { SocketLimits } from '../sockets.js'
import type { PairSpec, ReceiverSpec } from '../worker-protocol.js'
import { WorkerPool } from '../worker-pool.js'
import { ControlChannel, type ControlConfig } from './control.js'
import { toWire, type AgentOp, type AgentResult, type ControlMessage } from './protocol.js'

export interface AgentOptions {
  name: string
  workers: number
  /** how many sockets one of its processes and one loopback source address take (sockets.ts) */
  limits: SocketLimits
  /** a claimed agent whose coordinator is silent this long releases itself */
  coordinatorTimeoutMs: number
  log: (text: string) => void
}

const BEAT_MS = 500

export async function runAgent(
  cfg: ControlConfig,
  o: AgentOptions,
): Promise<{ topic: string; stop: () => Promise<void> }> {
  let session: string | null = null
  let claiming = false
  let pool: WorkerPool | null = null
  let staged: unknown[] = []
  let coordinatorSeen = 0
  let cpuAtMark: number | undefined
  let markedAt = 0
  let clockOffsetMs = 0
  /** the workers' last answer to a heartbeat (receipts so far), stamped on the coordinator's clock */
  let counted: { received: number; lost: number; at: number } | undefined
  /** when the heartbeat's question to the workers went out, while it is unanswered */
  let asking: number | undefined
  let lastTick = Date.now()
  const host = hostname()

  const send = (m: ControlMessage) => channel.send(m).catch((err: Error) => o.log(`control topic: ${err.message}`))

  const release = async (why: string) => {
    const p = pool
    session = null
    pool = null
    staged = []
    counted = undefined
    o.log(`released (${why}); waiting for a coordinator`)
    await p?.close()
  }

  const perform = async (p: WorkerPool, req: AgentOp): Promise<unknown> => {
    switch (req.op) {
      case 'stage':
        staged.push(...req.items)
        return staged.length
      case 'connect': {
        const receivers = staged as ReceiverSpec[]
        staged = []
        o.log(`opening ${receivers.length} connections`)
        return p.connect(req.run, req.messages, receivers, req.concurrency)
      }
      case 'pairs': {
        const pairs = staged as PairSpec[]
        staged = []
        o.log(`opening ${pairs.length} pairs`)
        return p.connectPairs(req.run, req.messages, pairs, req.concurrency)
      }
      case 'send-pairs':
        return p.sendPairs(req.from, req.to, req.ratePerPair, req.payloadBytes, req.startAt)
      case 'clock':
        clockOffsetMs = req.offsetMs
        return p.setClockOffset(req.offsetMs)
      case 'counts':
        return p.counts()
      case 'mark':
        cpuAtMark = processCpuMs()
        markedAt = nowMs()
        return p.mark(req.origin)
      case 'collect': {
        const merged = await p.collectRaw()
        const result: AgentResult = {
          workers: merged,
          // its client processes' too, when its share needed more descriptors than one process has
          cpuMs:
            cpuAtMark === undefined
              ? null
              : processCpuMs() - cpuAtMark + merged.reduce((n, w) => n + (w.processCpuMs ?? 0), 0),
          elapsedMs: nowMs() - markedAt,
          cores: availableParallelism(),
        }
        return toWire(result)
      }
      case 'close':
        await release('run over')
        return true
    }
  }

  const onMessage = (m: ControlMessage) => {
    if (m.k === 'discover' && session === null && !claiming) {
      void send({
        k: 'hello',
        session: m.session,
        from: o.name,
        host,
        cores: availableParallelism(),
        workers: o.workers,
      })
      return
    }
    if (m.k === 'claim' && m.to === o.name) {
      if (session !== null || claiming) {
        if (m.session !== session)
          void send({ k: 'claimed', session: m.session, from: o.name, ok: false, reason: 'busy with another run' })
        return
      }
      claiming = true
      WorkerPool.start(o.workers, o.limits).then(
        (p) => {
          pool = p
          session = m.session
          claiming = false
          coordinatorSeen = Date.now()
          o.log(`claimed by run ${m.session}`)
          void send({ k: 'claimed', session: m.session, from: o.name, ok: true })
        },
        (err: Error) => {
          claiming = false
          void send({ k: 'claimed', session: m.session, from: o.name, ok: false, reason: err.message })
        },
      )
      return
    }
    if (session === null || m.session !== session) return
    if (m.k === 'beat' && m.from === 'coordinator') coordinatorSeen = Date.now()
    else if (m.k === 'ping' && m.to === o.name) void send({ k: 'pong', session, from: o.name, t0: m.t0, t1: nowMs() })
    else if (m.k === 'req' && m.to === o.name) {
      coordinatorSeen = Date.now()
      const s = session
      const p = pool!
      perform(p, m.call).then(
        (value) => send({ k: 'ans', session: s, from: o.name, id: m.id, ok: true, value }),
        (err: Error) => send({ k: 'ans', session: s, from: o.name, id: m.id, ok: false, error: err.message }),
      )
    }
  }

  const channel = await ControlChannel.open(cfg, `gochat-bench-agent-${o.name}`, onMessage)
  // Each beat goes out at once (the process is alive) and says how it is keeping up: how late this timer fired (a
  // stalled main loop), how long the workers have owed their counts (saturated worker loops), and their last counts.
  const beats = setInterval(() => {
    const now = Date.now()
    const late = now - lastTick - BEAT_MS
    lastTick = now
    if (session === null) return
    if (now - coordinatorSeen > o.coordinatorTimeoutMs) {
      void release(`coordinator silent for ${Math.round(o.coordinatorTimeoutMs / 1000)} s`)
      return
    }
    const progress = pool?.progress() ?? { opened: 0, failed: 0 }
    const stallMs = Math.max(0, Math.round(Math.max(late, asking === undefined ? 0 : now - asking)))
    void send({ k: 'beat', session, from: o.name, ...progress, stallMs, ...counted })
    const p = pool
    if (p && asking === undefined) {
      asking = now
      p.beat().then(
        (b) => {
          counted = { ...b, at: nowMs() - clockOffsetMs }
          asking = undefined
        },
        () => {
          asking = undefined
        },
      )
    }
  }, BEAT_MS)

  return {
    topic: channel.topic,
    stop: async () => {
      clearInterval(beats)
      await pool?.close()
      await channel.close()
    },
  }
}
