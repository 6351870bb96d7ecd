// Baseline (b): a Socket.IO room broadcast, run as a child process by `gochat bench fanout --baseline`. Every
// connection joins one room; a `send` is acked and emitted to the room as the same JSON frame gochat pushes
// (Socket.IO encodes a room broadcast once). WebSocket transport only, as the clients use.
import { createServer } from 'node:http'
import { Server } from 'socket.io'
import { reportToParent } from './child-ipc.js'

const ROOM = 'bench'
const http = createServer()
const io = new Server(http, { transports: ['websocket'], serveClient: false, perMessageDeflate: false })
let seq = 0

io.on('connection', (socket) => {
  void socket.join(ROOM)
  socket.on(
    'send',
    (f: { conversationId?: string; content?: string }, ack?: (a: { seq: number; messageId: string }) => void) => {
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
      ack?.({ seq, messageId: message.messageId })
      io.to(ROOM).emit('message', JSON.stringify({ op: 'message', message }))
    },
  )
})

http.listen(0, '127.0.0.1', () =>
  reportToParent((http.address() as { port: number }).port, () => io.engine.clientsCount),
)
