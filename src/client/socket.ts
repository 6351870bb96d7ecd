// A WebSocket client of docs/protocol.md: request/answer by `ref`, and a buffer of pushed frames to wait on. It obeys
// `resync` events: every conversation it has seen (or follows) is synced from its highest seq, and the messages
// that come back join the buffer as if pushed.
import WebSocket from 'ws'
import type { Message } from '../contracts/payloads.js'
import type { RecordFields } from './rest.js'

export type ServerFrame =
  | { op: 'ack'; ref?: string; messageId?: string; seq?: number }
  | { op: 'error'; ref?: string; code: string; message: string }
  | { op: 'sync.result'; ref?: string; messages: Message[]; hasMore: boolean }
  | { op: 'pong'; ref?: string }
  | { op: 'message'; message: Message }
  | { op: 'event'; type?: string; event: { event_type: string; [k: string]: unknown } }

export class SocketClient {
  readonly frames: ServerFrame[] = []
  private waiters: Array<{ match: (f: ServerFrame) => boolean; resolve: (f: ServerFrame) => void }> = []
  private nextRef = 0
  closed?: { code: number; reason: string }
  /** conversations synced after a `resync` event (besides those seen in pushed messages) */
  readonly followed = new Set<string>()
  resyncs = 0

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as ServerFrame
      this.frames.push(frame)
      this.deliver(frame)
      if (frame.op === 'event' && frame.type === 'resync') void this.resync().catch(() => undefined)
    })
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: String(reason) }
    })
  }

  private deliver(frame: ServerFrame): void {
    this.waiters = this.waiters.filter((w) => (w.match(frame) ? (w.resolve(frame), false) : true))
  }

  /** What a client does on `resync`: syncs each conversation it knows from its highest seq. */
  async resync(): Promise<void> {
    this.resyncs++
    const convs = new Set(this.followed)
    for (const f of this.frames) if (f.op === 'message') convs.add(f.message.conversationId)
    for (const id of convs) {
      for (;;) {
        const last = this.messages(id).reduce((m, x) => Math.max(m, x.seq), 0)
        const res = await this.sync(id, last, 200)
        if (res.op !== 'sync.result') break
        for (const message of res.messages) {
          const frame: ServerFrame = { op: 'message', message }
          this.frames.push(frame)
          this.deliver(frame)
        }
        if (!res.hasMore || res.messages.length === 0) break
      }
    }
  }

  /** Connects with the token; rejects with the HTTP status when the gateway refuses the upgrade. */
  static connect(baseUrl: string, token: string): Promise<SocketClient> {
    const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/v1/ws?token=${encodeURIComponent(token)}`)
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new SocketClient(ws)))
      ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: HTTP ${res.statusCode}`)))
      ws.once('error', reject)
    })
  }

  /** Resolves with the first frame (already received or coming) that matches. */
  waitFor(match: (f: ServerFrame) => boolean, timeoutMs = 10_000, what = 'frame'): Promise<ServerFrame> {
    const seen = this.frames.find(match)
    if (seen) return Promise.resolve(seen)
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)),
        timeoutMs,
      )
      this.waiters.push({
        match,
        resolve: (f) => {
          clearTimeout(timer)
          resolve(f)
        },
      })
    })
  }

  /** Sends a raw frame (for tests of malformed input). */
  raw(data: string | Buffer): void {
    this.ws.send(data)
  }

  async request(frame: Record<string, unknown>, timeoutMs = 10_000): Promise<ServerFrame> {
    const ref = `r${++this.nextRef}`
    const answer = this.waitFor((f) => 'ref' in f && f.ref === ref, timeoutMs, `answer to ${String(frame.op)} ${ref}`)
    this.ws.send(JSON.stringify({ ...frame, ref }))
    return answer
  }

  send(conversationId: string, content: string, idempotencyKey: string, record: RecordFields = {}) {
    return this.request({ op: 'send', conversationId, content, idempotencyKey, ...record })
  }
  sync(conversationId: string, afterSeq: number, limit = 50) {
    return this.request({ op: 'sync', conversationId, afterSeq, limit })
  }
  read(conversationId: string, seq: number) {
    return this.request({ op: 'read', conversationId, seq })
  }
  ping() {
    return this.request({ op: 'ping' })
  }

  /** Pushed messages of a conversation, de-duplicated by seq, in arrival order. */
  messages(conversationId: string): Message[] {
    const seen = new Set<number>()
    const out: Message[] = []
    for (const f of this.frames) {
      if (f.op === 'message' && f.message.conversationId === conversationId && !seen.has(f.message.seq)) {
        seen.add(f.message.seq)
        out.push(f.message)
      }
    }
    return out
  }

  waitForMessage(conversationId: string, seq: number, timeoutMs = 10_000) {
    return this.waitFor(
      (f) => f.op === 'message' && f.message.conversationId === conversationId && f.message.seq === seq,
      timeoutMs,
      `message ${conversationId}#${seq}`,
    )
  }

  close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return Promise.resolve()
    return new Promise((resolve) => {
      this.ws.once('close', () => resolve())
      this.ws.close()
    })
  }
}
