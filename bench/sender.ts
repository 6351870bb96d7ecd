// The sending connection (main thread): one socket of the run's dialect, `send` resolving with the server's
// ack. gochat and the ws baseline speak docs/protocol.md's `send`/`ack`/`error` frames; Socket.IO uses its own acks.
import WebSocket from 'ws'
import { io, type Socket } from 'socket.io-client'
import { socketIoOptions, webSocketUrl, type Endpoint } from './endpoints.js'

export class SendError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`)
  }
}

/** what a send names beside its content: an attachment message's kind and attachment */
export interface SendRecord {
  kind: 'image'
  attachmentId: string
}

export interface Sender {
  send(
    conversationId: string,
    content: string,
    idempotencyKey: string,
    timeoutMs?: number,
    record?: SendRecord,
  ): Promise<{ seq: number }>
  close(): void
}

export function openSender(e: Endpoint): Promise<Sender> {
  return e.dialect === 'socketio' ? socketIoSender(e) : webSocketSender(e)
}

type Answer = { op: string; ref?: string; seq?: number; code?: string; message?: string }

function webSocketSender(e: Endpoint): Promise<Sender> {
  const ws = new WebSocket(webSocketUrl(e), { perMessageDeflate: false, localAddress: e.localAddress })
  const pending = new Map<
    string,
    { resolve: (a: { seq: number }) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }
  >()
  let next = 0
  ws.on('message', (data) => {
    const text = data.toString()
    // pushes are by far the most frequent frame here; only answers (which carry a ref) matter to the sender
    if (!text.includes('"ref"')) return
    const f = JSON.parse(text) as Answer
    const p = f.ref === undefined ? undefined : pending.get(f.ref)
    if (!p) return
    pending.delete(f.ref!)
    clearTimeout(p.timer)
    if (f.op === 'ack') p.resolve({ seq: f.seq ?? 0 })
    else p.reject(new SendError(f.code ?? 'error', f.message ?? 'send failed'))
  })
  ws.on('close', () => {
    for (const p of pending.values()) {
      clearTimeout(p.timer)
      p.reject(new SendError('closed', 'sender connection closed'))
    }
    pending.clear()
  })
  const sender: Sender = {
    send(conversationId, content, idempotencyKey, timeoutMs = 30_000, record) {
      const ref = `s${++next}`
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(ref)
          reject(new SendError('timeout', `no ack within ${timeoutMs} ms`))
        }, timeoutMs)
        pending.set(ref, { resolve, reject, timer })
        ws.send(JSON.stringify({ op: 'send', ref, conversationId, content, idempotencyKey, ...record }))
      })
    },
    close: () => ws.terminate(),
  }
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(sender))
    ws.once('unexpected-response', (_req, res) => reject(new Error(`sender upgrade refused: HTTP ${res.statusCode}`)))
    ws.once('error', reject)
  })
}

function socketIoSender(e: Endpoint): Promise<Sender> {
  const socket: Socket = io(e.url, socketIoOptions(e.localAddress))
  const sender: Sender = {
    send(conversationId, content, idempotencyKey, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        socket
          .timeout(timeoutMs)
          .emit('send', { conversationId, content, idempotencyKey }, (err: Error | null, ack: { seq: number }) =>
            err ? reject(new SendError('timeout', `no ack within ${timeoutMs} ms`)) : resolve({ seq: ack.seq }),
          )
      })
    },
    close: () => socket.disconnect(),
  }
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(sender))
    socket.once('connect_error', (err) => {
      socket.disconnect()
      reject(err)
    })
  })
}
