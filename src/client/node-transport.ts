// The transport for Node 20 (which has no global WebSocket): `ws`, which also reports a refused upgrade's status
// and Retry-After, and the server's pings.
import WebSocket from 'ws'
import { parseRetryAfter } from './backoff.js'
import type { TransportFactory } from './transport.js'

export const nodeTransport: TransportFactory = (url, on) => {
  const ws = new WebSocket(url)
  let opened = false
  let refused: { status: number; retryAfterMs?: number } | undefined
  ws.on('open', () => {
    opened = true
    on.open()
  })
  ws.on('message', (data) => on.message(String(data)))
  ws.on('ping', () => on.alive())
  ws.on('unexpected-response', (_req, res) => {
    refused = { status: res.statusCode ?? 0, retryAfterMs: parseRetryAfter(res.headers['retry-after'] as string) }
    res.resume()
    ws.terminate()
  })
  ws.on('error', () => undefined) // a close follows
  ws.on('close', (code, reason) => on.close({ code, reason: String(reason), opened, ...refused }))
  return {
    send: (data) => ws.send(data),
    close: (abort) => (abort ? ws.terminate() : ws.close(1000)),
  }
}
