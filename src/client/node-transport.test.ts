// The Node transport against a real `ws` server: each text frame reaches the connection as exactly the text sent
// (multi-byte UTF-8, a frame past 64 KiB, a fragmented message), and a lean connection (a `text` hook, nothing
// watching) hands every frame to that hook once while still answering its requests by `ref`.
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocketServer, type WebSocket } from 'ws'
import { Connection, type ConnectionHooks } from './connection.js'
import { createNodeTransport } from './node-transport.js'

let server: WebSocketServer | undefined
afterEach(() => server?.close())

/** a server that runs `onSocket` on each connection; resolves with its ws:// URL */
function serve(onSocket: (ws: WebSocket) => void): Promise<string> {
  return new Promise((resolve) => {
    server = new WebSocketServer({ port: 0, host: '127.0.0.1' }, () => {
      const a = server!.address()
      resolve(`ws://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/`)
    })
    server.on('connection', onSocket)
  })
}

function lean(url: string, text: (data: string) => boolean, frame: ConnectionHooks['frame'] = () => undefined) {
  let online = () => undefined as void
  const opened = new Promise<void>((r) => {
    online = r
  })
  const connection = new Connection(
    { transport: createNodeTransport({ perMessageDeflate: false }), pingMs: 0, silenceMs: 0 },
    {
      url: async () => url,
      online,
      offline: () => undefined,
      frame,
      text,
      state: () => undefined,
      unauthorized: async () => false,
    },
  )
  connection.start()
  return { connection, opened }
}

describe('the Node transport', () => {
  it('hands each text frame to a lean connection as the exact text sent, once', async () => {
    const texts = ['{"op":"message","message":{"content":"héllo — 你好 👋"}}', 'x'.repeat(70_000), 'part one, part two']
    const url = await serve((ws) => {
      ws.send(texts[0])
      ws.send(texts[1])
      ws.send('part one, ', { fin: false })
      ws.send('part two', { fin: true })
    })
    const seen: string[] = []
    const frames: unknown[] = []
    let all = () => undefined as void
    const done = new Promise<void>((r) => {
      all = r
    })
    const { connection } = lean(
      url,
      (data) => {
        seen.push(data)
        if (seen.length === texts.length) all()
        return true
      },
      (f) => frames.push(f),
    )
    await done
    connection.stop(true)
    expect(seen).toEqual(texts)
    expect(frames).toEqual([]) // handled by the text hook: not parsed, not passed on
  })

  it("answers a lean connection's request by ref when the text hook passes the frame on", async () => {
    const url = await serve((ws) => {
      ws.send('{"op":"message","message":{"seq":1}}')
      ws.on('message', (data) => {
        const f = JSON.parse(data.toString()) as { ref: string }
        ws.send(JSON.stringify({ op: 'ack', ref: f.ref, seq: 7 }))
      })
    })
    const pushes: string[] = []
    const { connection, opened } = lean(url, (data) => {
      if (data.includes('"ref"')) return false
      pushes.push(data)
      return true
    })
    await opened
    const ack = await connection.request({ op: 'send', conversationId: 'c', content: 'hi', idempotencyKey: 'k' })
    connection.stop(true)
    expect(ack).toMatchObject({ op: 'ack', seq: 7 })
    expect(pushes).toEqual(['{"op":"message","message":{"seq":1}}'])
  })
})
