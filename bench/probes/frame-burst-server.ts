// The server side of lean-receive.ts, in its own process so that its CPU is not the client's: a `ws` server that,
// on request, writes a burst of pre-framed push frames to every socket. The frames are built once and written
// as raw bytes, so the server is never the bottleneck and each burst costs the client the same.
import { WebSocketServer, type WebSocket } from 'ws'

export type BurstRequest = { type: 'burst'; framesPerSocket: number }
export type BurstMessage = { type: 'ready'; port: number } | { type: 'sent'; sockets: number }

/** a push frame like the gateway's (docs/protocol.md), about the size of the bench's */
export function pushFrame(seq: number): string {
  return JSON.stringify({
    op: 'message',
    message: {
      conversationId: 'g_01HZX3Q4V9B7K2M5N8P1R6T0W',
      seq,
      senderId: 'u_01HZX3Q4V9B7K2M5N8P1R6T0X',
      kind: 'text',
      content: `bench1|${seq}|${1_765_000_000_000 + seq}|${'x'.repeat(40)}`,
      createdAt: '2026-12-07T21:00:00.000Z',
    },
  })
}

/** one unmasked server text frame (RFC 6455 §5.2) */
function frame(text: string): Buffer {
  const payload = Buffer.from(text)
  const len = payload.length
  const head = len < 126 ? Buffer.from([0x81, len]) : Buffer.from([0x81, 126, len >> 8, len & 0xff])
  return Buffer.concat([head, payload])
}

const sockets = new Set<WebSocket>()
const server = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false })
server.on('connection', (ws) => {
  sockets.add(ws)
  ws.on('close', () => sockets.delete(ws))
})
server.on('listening', () => {
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  process.send?.({ type: 'ready', port } satisfies BurstMessage)
})
let burst = { frames: 0, bytes: Buffer.alloc(0) }
process.on('message', (m: BurstRequest) => {
  if (m.type !== 'burst') return
  if (burst.frames !== m.framesPerSocket)
    burst = {
      frames: m.framesPerSocket,
      bytes: Buffer.concat(Array.from({ length: m.framesPerSocket }, (_, i) => frame(pushFrame(i + 1)))),
    }
  for (const ws of sockets) (ws as unknown as { _socket: { write(b: Buffer): void } })._socket.write(burst.bytes)
  process.send?.({ type: 'sent', sockets: sockets.size } satisfies BurstMessage)
})
// the probe going away ends the server: no orphan keeps a port
process.on('disconnect', () => process.exit(0))
