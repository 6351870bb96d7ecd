// The WebSocket underneath, behind one small interface: the browser's WebSocket here, `ws` in Node
// (node-transport.ts), which can also tell the HTTP status and Retry-After of a refused upgrade and the server's
// pings (a browser answers pings unseen).

export interface CloseInfo {
  code: number
  reason: string
  /** whether the socket opened before it closed */
  opened: boolean
  /** the HTTP status of a refused upgrade (Node only) */
  status?: number
  retryAfterMs?: number
}

export interface TransportHandlers {
  open(): void
  message(data: string): void
  close(info: CloseInfo): void
  /** the server showed life without a frame (a WebSocket ping) */
  alive(): void
}

export interface Transport {
  send(data: string): void
  /** closes (code 1000) or, with `abort`, drops the connection without a closing handshake */
  close(abort?: boolean): void
}

export type TransportFactory = (url: string, on: TransportHandlers) => Transport

/** The environment's WebSocket (browsers, Node 22+). */
export const browserTransport: TransportFactory = (url, on) => {
  const ws = new WebSocket(url)
  let opened = false
  let closed = false
  const closeOnce = (info: CloseInfo) => {
    if (closed) return
    closed = true
    on.close(info)
  }
  ws.onopen = () => {
    opened = true
    on.open()
  }
  ws.onmessage = (e) => on.message(typeof e.data === 'string' ? e.data : '')
  ws.onclose = (e) => closeOnce({ code: e.code, reason: e.reason, opened })
  return {
    send: (data) => ws.send(data),
    close: (abort) => {
      ws.close()
      // a browser has no abort: the close handshake may hang on a dead network, so report the close now
      if (abort) closeOnce({ code: 1006, reason: 'dropped', opened })
    },
  }
}
