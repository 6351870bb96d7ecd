// The three kinds of server the same client harness measures: gochat (docs/protocol.md), a plain `ws` broadcast
// server and a Socket.IO room broadcast (the baselines). They differ only in how a client connects and sends;
// what they push is the same frame, `{"op":"message","message":{…content…}}`, so receivers parse identically.
export type Dialect = 'gochat' | 'ws' | 'socketio'

export interface Endpoint {
  dialect: Dialect
  /** http://host:port of the gateway or baseline server */
  url: string
  /** gochat only */
  token?: string
  /** the source address to connect from (a loopback run spreads its sockets over several: sockets.ts) */
  localAddress?: string
}

export function webSocketUrl(e: Endpoint): string {
  const base = e.url.replace(/^http/, 'ws').replace(/\/$/, '')
  return e.dialect === 'gochat' ? `${base}/v1/ws?token=${encodeURIComponent(e.token ?? '')}` : `${base}/`
}

/** Socket.IO without the long-polling first step: every system is measured on a plain WebSocket. */
export const socketIoOptions = (
  localAddress?: string,
): {
  transports: string[]
  reconnection: boolean
  forceNew: boolean
  timeout: number
  localAddress?: string
} => ({ transports: ['websocket'], reconnection: false, forceNew: true, timeout: 20_000, localAddress })
