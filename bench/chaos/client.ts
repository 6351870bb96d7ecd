// A chaos-workload client: one user's socket that behaves as docs/protocol.md asks of a client. It reconnects
// (to the next gateway) when its socket closes, and after a reconnect or a `resync` event it syncs every
// conversation it follows from the highest seq it has. It records what arrived live and what came by sync.
import WebSocket from 'ws'
import type { Session } from '../../src/client/rest.js'

interface Pending {
  resolve: (f: Frame) => void
  reject: (e: Error) => void
  timer: NodeJS.Timeout
}
type Frame = Record<string, unknown> & { op: string; ref?: string }

export interface Receipt {
  conversationId: string
  seq: number
  at: number
}

export class SendError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`)
  }
}

export class ChaosClient {
  /** messages pushed live, in arrival order (duplicates kept) */
  readonly live: Receipt[] = []
  /** highest seq known per followed conversation (live or synced) */
  readonly known = new Map<string, number>()
  resyncs = 0
  /** when each `resync` event arrived */
  readonly resyncAt: number[] = []
  reconnects = 0
  private ws?: WebSocket
  private pending = new Map<string, Pending>()
  private nextRef = 0
  private gw: number
  private stopped = false
  private ready?: Promise<void>

  /**
   * `silenceMs`: a socket that hears nothing (no server ping, no frame) for this long is taken for lost and
   * replaced, as docs/protocol.md asks (two heartbeat intervals); that is how a client learns that its gateway's
   * host fell off the network, which closes nothing. 0: only a close counts.
   */
  constructor(
    readonly session: Session,
    private readonly gateways: string[],
    first: number,
    private readonly silenceMs = 0,
  ) {
    this.gw = first % gateways.length
  }

  follow(conversationId: string): void {
    if (!this.known.has(conversationId)) this.known.set(conversationId, 0)
  }

  /** Connects (retrying over the gateways) and resolves once the socket answers a ping. */
  connect(): Promise<void> {
    if (this.ws?.readyState === WebSocket.OPEN) return Promise.resolve()
    return (this.ready ??= this.open().finally(() => {
      this.ready = undefined
    }))
  }

  private async open(): Promise<void> {
    for (let attempt = 0; !this.stopped; attempt++) {
      const url = this.gateways[this.gw]!.replace(/^http/, 'ws')
      let opened: WebSocket | undefined
      try {
        await new Promise<void>((resolve, reject) => {
          const ws = new WebSocket(`${url}/v1/ws?token=${encodeURIComponent(this.session.token)}`)
          ws.once('open', () => {
            opened = this.ws = ws
            this.wire(ws)
            resolve()
          })
          ws.once('error', reject)
          ws.once('unexpected-response', (_q, res) => reject(new Error(`HTTP ${res.statusCode}`)))
        })
        await this.request({ op: 'ping' }, 5000)
        return
      } catch {
        // a socket that opened but did not answer must not stay open beside the next one (it would get copies)
        if (opened && this.ws === opened) {
          this.ws = undefined
          opened.terminate()
        }
        this.gw = (this.gw + 1) % this.gateways.length
        await new Promise((r) => setTimeout(r, Math.min(50 * 2 ** attempt, 1000)))
      }
    }
  }

  private wire(ws: WebSocket): void {
    if (this.silenceMs > 0) {
      let heard = Date.now()
      const alive = () => {
        heard = Date.now()
      }
      ws.on('ping', alive)
      ws.on('message', alive)
      let tick = Date.now()
      const watch = setInterval(() => {
        const now = Date.now()
        // a late tick means this process stalled: frames that arrived meanwhile are not read yet, so no verdict
        if (now - tick > this.silenceMs / 2) heard = now
        tick = now
        if (now - heard > this.silenceMs) ws.terminate()
      }, this.silenceMs / 4)
      ws.once('close', () => clearInterval(watch))
    }
    ws.on('message', (data) => {
      const f = JSON.parse(String(data)) as Frame
      if (f.ref !== undefined && this.pending.has(f.ref)) {
        const p = this.pending.get(f.ref)!
        this.pending.delete(f.ref)
        clearTimeout(p.timer)
        p.resolve(f)
      } else if (f.op === 'message') {
        const m = f.message as { conversationId: string; seq: number }
        this.live.push({ conversationId: m.conversationId, seq: m.seq, at: Date.now() })
        this.note(m.conversationId, m.seq)
      } else if (f.op === 'event' && f.type === 'resync') {
        this.resyncs++
        this.resyncAt.push(Date.now())
        void this.syncAll().catch(() => undefined)
      }
    })
    ws.on('close', () => {
      if (this.ws !== ws) return
      this.ws = undefined
      for (const [ref, p] of this.pending) {
        clearTimeout(p.timer)
        p.reject(new SendError('closed', 'socket closed'))
        this.pending.delete(ref)
      }
      if (this.stopped) return
      this.reconnects++
      this.gw = (this.gw + 1) % this.gateways.length
      void this.connect()
        .then(() => this.syncAll())
        .catch(() => undefined)
    })
  }

  private note(conversationId: string, seq: number): void {
    if (seq > (this.known.get(conversationId) ?? 0)) this.known.set(conversationId, seq)
  }

  async request(frame: Record<string, unknown>, timeoutMs = 10_000): Promise<Frame> {
    const ws = this.ws
    if (!ws || ws.readyState !== WebSocket.OPEN) throw new SendError('closed', 'not connected')
    const ref = `r${++this.nextRef}`
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(ref)
        reject(new SendError('timeout', `no answer in ${timeoutMs} ms`))
      }, timeoutMs)
      this.pending.set(ref, { resolve, reject, timer })
      ws.send(JSON.stringify({ ...frame, ref }))
    })
  }

  /** One send; rejects with a SendError carrying the error frame's code. */
  async send(
    conversationId: string,
    content: string,
    idempotencyKey: string,
  ): Promise<{ seq: number; messageId: string }> {
    const f = await this.request({ op: 'send', conversationId, content, idempotencyKey })
    if (f.op !== 'ack') throw new SendError(String(f.code ?? f.op), String(f.message ?? ''))
    return { seq: f.seq as number, messageId: f.messageId as string }
  }

  /** Catches up every followed conversation from the highest seq known (what a client does after a gap). */
  async syncAll(): Promise<void> {
    if (!this.ws) await this.connect()
    for (const [conversationId] of this.known) {
      for (;;) {
        const after = this.known.get(conversationId) ?? 0
        const f = await this.request({ op: 'sync', conversationId, afterSeq: after, limit: 200 })
        const msgs = (f.messages ?? []) as Array<{ seq: number }>
        for (const m of msgs) this.note(conversationId, m.seq)
        if (!f.hasMore || msgs.length === 0) break
      }
    }
  }

  close(): void {
    this.stopped = true
    this.ws?.terminate()
  }
}
