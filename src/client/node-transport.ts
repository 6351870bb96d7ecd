// The transport for Node 20 (which has no global WebSocket): `ws`, which also reports a refused upgrade's status
// and Retry-After, and the server's pings.
import WebSocket from 'ws'
import { parseRetryAfter } from './backoff.js'
import type { TransportFactory } from './transport.js'

/** `ws`'s client options for each socket (the bench: a source address, no compression) */
export const createNodeTransport =
  (options: WebSocket.ClientOptions = {}): TransportFactory =>
  (url, on) =>
    open(new WebSocket(url, options), on)

export const nodeTransport: TransportFactory = createNodeTransport()

function open(ws: WebSocket, on: Parameters<TransportFactory>[1]): ReturnType<TransportFactory> {
  let opened = false
  let refused: { status: number; retryAfterMs?: number } | undefined
  ws.on('open', () => {
    opened = true
    on.open()
  })
  // toString(), not String(data): String() takes a Buffer the generic ToPrimitive way, which costs a receiver a
  // third more per frame than its whole lean path (bench/RESULTS.md, issue 26); `ws` hands text frames as a Buffer
  ws.on('message', (data) => on.message((data as Buffer).toString()))
  ws.on('ping', () => on.alive())
  ws.on('unexpected-response', (_req, res) => {
    refused = { status: res.statusCode ?? 0, retryAfterMs: parseRetryAfter(res.headers['retry-after'] as string) }
    res.resume()
    ws.terminate()
  })
  let error = ''
  ws.on('error', (e) => {
    error = e.message // a close follows: the error is its reason
  })
  ws.on('close', (code, reason) => on.close({ code, reason: String(reason) || error, opened, ...refused }))
  return {
    send: (data) => ws.send(data),
    close: (abort) => (abort ? ws.terminate() : ws.close(1000)),
  }
}
