// Baseline (a): the simplest possible broadcast server on the `ws` package, run as a child process by
// `gochat bench fanout --baseline`. It answers docs/protocol.md's `send` with an `ack` and pushes the same
// `{"op":"message","message":{…}}` frame gochat would, serialised once, to every open connection — no
// authentication, storage, ordering service or routing: the floor of what a Node WebSocket fanout costs.
import { createServer } from 'node:http'
import { WebSocketServer, WebSocket } from 'ws'
import { reportToParent } from './child-ipc.js'

const http = createServer((_req, res) => res.writeHead(404).end())
const wss = new WebSocketServer({ server: http, perMessageDeflate: false })
let seq = 0

wss.on('connection', (ws) => {
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
    const frame = Buffer.from(JSON.stringify({ op: 'message', message }))
    for (const client of wss.clients) if (client.readyState === WebSocket.OPEN) client.send(frame, { binary: false })
  })
})

http.listen(0, '127.0.0.1', () => reportToParent((http.address() as { port: number }).port, () => wss.clients.size))
