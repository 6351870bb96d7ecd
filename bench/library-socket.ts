// The bench's gochat and ws-baseline sockets are gochat/client's Connection (src/client/connection.ts) in lean
// mode: each frame's text goes to the bench's own handler unparsed (the hot receive path stays one JSON.parse),
// no pings or silence watch (a bench socket is never quiet for long, and thousands of timers would cost), no
// reconnect (a lost socket is counted, as the bench reports it). Requests (sends) are the library's, by `ref`.
import { Connection, type ConnectionHooks } from '../src/client/connection.js'
import { createNodeTransport } from '../src/client/node-transport.js'
import { webSocketUrl, type Endpoint } from './endpoints.js'

export interface LibrarySocket {
  connection: Connection
  close(): void
}

/**
 * Opens one socket; resolves once it is open, rejects with the refusal (`upgrade refused: HTTP 429`) or the error.
 * `text` sees every frame that answers no request of this socket; `onLost` a close after it opened.
 */
export function openLibrarySocket(
  e: Endpoint,
  text: (data: string) => boolean,
  onLost: (why: string) => void,
  requestTimeoutMs = 30_000,
): Promise<LibrarySocket> {
  return new Promise((resolve, reject) => {
    let open = false
    let closing = false
    const hooks: ConnectionHooks = {
      url: async () => webSocketUrl(e),
      online: () => {
        open = true
        resolve({
          connection,
          close: () => {
            closing = true
            connection.stop(true)
          },
        })
      },
      offline: (info) => {
        connection.stop()
        if (open) {
          if (!closing) onLost(`closed ${info.code}`)
        } else
          reject(new Error(info.status ? `upgrade refused: HTTP ${info.status}` : info.reason || `closed ${info.code}`))
      },
      frame: () => undefined,
      text,
      state: () => undefined,
      unauthorized: async () => false,
    }
    const connection = new Connection(
      {
        transport: createNodeTransport({ perMessageDeflate: false, localAddress: e.localAddress }),
        pingMs: 0,
        silenceMs: 0,
        requestTimeoutMs,
      },
      hooks,
    )
    connection.start()
  })
}
