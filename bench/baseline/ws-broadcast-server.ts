// Baselines (a) and (b): the simplest possible broadcast server on the `ws` package, run as a child process by
// `gochat bench fanout --baseline`. It answers docs/protocol.md's `send` with an `ack` and pushes the same
// `{"op":"message","message":{…}}` frame gochat would, serialised once, to every open connection — no
// authentication, storage, ordering service or routing: the floor of what a Node WebSocket fanout costs.
// With `--batched` (baseline ws-batched) the frames of one event-loop tick are coalesced per socket: each socket
// gets all of them in one corked write, as gochat's gateway writes a downstream batch. That is the best a plain
// server can do with the same trick, so gochat's fanout is also compared with it.
import { createServer } from 'node:http'
import type { Socket } from 'node:net'
import { WebSocketServer, WebSocket } from 'ws'
import { reportToParent } from './child-ipc.js'

const batched = process.argv.includes('--batched')
const http = createServer((_req, res) => res.writeHead(404).end())
const wss = new WebSocketServer({ server: http, perMessageDeflate: false })
const sockets = new WeakMap<WebSocket, Socket>()
let seq = 0

/** frames of this tick, written to every socket at the end of it (batched mode) */
let pending: Buffer[] = []
function flush(): void {
  const frames = pending
  pending = []
  for (const client of wss.clients) {
    if (client.readyState !== WebSocket.OPEN) continue
    const socket = sockets.get(client)
    socket?.cork()
    for (const f of frames) client.send(f, { binary: false })
    socket?.uncork()
  }
}

function broadcast(frame: Buffer): void {
  if (!batched) {
    for (const client of wss.clients) if (client.readyState === WebSocket.OPEN) client.send(frame, { binary: false })
    return
  }
  if (pending.push(frame) === 1) setImmediate(flush)
}

wss.on('connection', (ws, req) => {
  sockets.set(ws, req.socket)
  ws.on('message', (data) => {
    let f: { op?: string; ref?: string; conversationId?: string; content?: string }
    try {
      f = JSON.parse(data.toString())
    } catch {
      return
    }
    if (f.op !== 'send') return
    seq++
    const message = {
      messageId: `m${seq}`,
      conversationId: f.conversationId,
      seq,
      senderId: 'sender',
      content: f.content,
      sentAt: Date.now(),
      status: 'normal',
    }
    ws.send(JSON.stringify({ op: 'ack', ref: f.ref, messageId: message.messageId, seq }))
    broadcast(Buffer.from(JSON.stringify({ op: 'message', message })))
  })
})

http.listen(0, '127.0.0.1', () => reportToParent((http.address() as { port: number }).port, () => wss.clients.size))
