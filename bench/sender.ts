// The sending connection (main thread): one socket of the run's dialect, `send` resolving with the server's
// ack. gochat and the ws baseline speak docs/protocol.md's `send`/`ack`/`error` frames through gochat/client's
// connection (library-socket.ts); Socket.IO uses its own acks.
import { io, type Socket } from 'socket.io-client'
import { socketIoOptions, type Endpoint } from './endpoints.js'
import { openLibrarySocket } from './library-socket.js'

export class SendError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`)
  }
}

export interface Sender {
  send(conversationId: string, content: string, idempotencyKey: string, timeoutMs?: number): Promise<{ seq: number }>
  close(): void
}

export function openSender(e: Endpoint): Promise<Sender> {
  return e.dialect === 'socketio' ? socketIoSender(e) : webSocketSender(e)
}

async function webSocketSender(e: Endpoint): Promise<Sender> {
  // pushes are by far the most frequent frame here: dropped unparsed; answers (which carry a ref) go to the library
  const socket = await openLibrarySocket(
    e,
    (text) => !text.includes('"ref"'),
    () => undefined,
  )
  return {
    async send(conversationId, content, idempotencyKey, timeoutMs = 30_000) {
      try {
        const ack = await socket.connection.request({ op: 'send', conversationId, content, idempotencyKey }, timeoutMs)
        return { seq: ack.op === 'ack' ? (ack.seq ?? 0) : 0 }
      } catch (err) {
        const g = err as { code?: string; message: string }
        throw new SendError(g.code ?? 'error', g.message)
      }
    },
    close: () => socket.close(),
  }
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
