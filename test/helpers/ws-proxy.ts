// A TCP proxy in front of a gateway that understands just enough of WebSocket to play the network's tricks on a
// client, over real sockets: cut every connection (a dead network), refuse new ones (offline), drop server frames
// that match (a push lost while the server did not know where the connection was, an ack lost with the link), and
// inject frames (a `resync` event). Client→server bytes pass untouched; server→client frames (never masked, and
// the gateway does not compress) are parsed and written whole, so an injected frame never splits another.
import { type AddressInfo, createConnection, createServer, type Server, type Socket } from 'node:net'

export interface WsProxy {
  url: string
  /** server frames (text) for which this returns true are dropped */
  drop: ((text: string) => boolean) | undefined
  /** server text frames seen, in order (after drop) */
  passed: string[]
  /** closes every connection at once, without a close frame (the client sees 1006) */
  cut(): void
  /** while offline every new connection is closed at once, and the open ones are cut */
  setOffline(offline: boolean): void
  /** sends a text frame to every connected client as if the server had */
  inject(text: string): void
  connections(): number
  close(): Promise<void>
}

function textFrame(text: string): Buffer {
  const payload = Buffer.from(text)
  const n = payload.length
  const head =
    n < 126
      ? Buffer.from([0x81, n])
      : n < 65536
        ? Buffer.from([0x81, 126, n >> 8, n & 0xff])
        : Buffer.concat([
            Buffer.from([0x81, 127]),
            (() => {
              const b = Buffer.alloc(8)
              b.writeBigUInt64BE(BigInt(n))
              return b
            })(),
          ])
  return Buffer.concat([head, payload])
}

/** the length of the first complete frame in buf, or 0 */
function frameLength(buf: Buffer): number {
  if (buf.length < 2) return 0
  const masked = (buf[1]! & 0x80) !== 0
  let len = buf[1]! & 0x7f
  let off = 2
  if (len === 126) {
    if (buf.length < 4) return 0
    len = buf.readUInt16BE(2)
    off = 4
  } else if (len === 127) {
    if (buf.length < 10) return 0
    len = Number(buf.readBigUInt64BE(2))
    off = 10
  }
  if (masked) off += 4
  return buf.length >= off + len ? off + len : 0
}

function payloadOf(frame: Buffer): string {
  let len = frame[1]! & 0x7f
  let off = 2
  if (len === 126) off = 4
  else if (len === 127) off = 10
  len = frame.length - off
  return frame.subarray(off, off + len).toString()
}

export async function startWsProxy(target: string): Promise<WsProxy> {
  const { hostname, port } = new URL(target)
  const pairs = new Set<{ client: Socket; upstream: Socket }>()
  let offline = false
  const proxy: WsProxy = {
    url: '',
    drop: undefined,
    passed: [],
    cut() {
      for (const p of pairs) {
        p.client.destroy()
        p.upstream.destroy()
      }
      pairs.clear()
    },
    setOffline(v) {
      offline = v
      if (v) proxy.cut()
    },
    inject(text) {
      for (const p of pairs) if (upgraded.has(p.client)) p.client.write(textFrame(text))
    },
    connections: () => pairs.size,
    close: () =>
      new Promise<void>((resolve) => {
        proxy.cut()
        server.close(() => resolve())
      }),
  }
  const upgraded = new WeakSet<Socket>()
  const server: Server = createServer((client) => {
    if (offline) return void client.destroy()
    const upstream = createConnection({ host: hostname, port: Number(port) })
    const pair = { client, upstream }
    pairs.add(pair)
    const end = () => {
      client.destroy()
      upstream.destroy()
      pairs.delete(pair)
    }
    client.on('error', end).on('close', end)
    upstream.on('error', end).on('close', end)
    client.pipe(upstream)
    let buf = Buffer.alloc(0)
    let inHeader = true
    let raw = false // not an upgrade (REST): bytes pass as they come
    upstream.on('data', (chunk: Buffer) => {
      if (raw) return void client.write(chunk)
      buf = Buffer.concat([buf, chunk])
      if (inHeader) {
        const at = buf.indexOf('\r\n\r\n')
        if (at < 0) return
        if (!buf.subarray(0, 12).toString().startsWith('HTTP/1.1 101')) {
          raw = true
          client.write(buf)
          return
        }
        client.write(buf.subarray(0, at + 4))
        buf = buf.subarray(at + 4)
        inHeader = false
        upgraded.add(client)
      }
      for (let n = frameLength(buf); n > 0; n = frameLength(buf)) {
        const frame = buf.subarray(0, n)
        buf = buf.subarray(n)
        const text = (frame[0]! & 0x0f) === 1 && (frame[0]! & 0x80) !== 0 ? payloadOf(frame) : undefined
        if (text !== undefined && proxy.drop?.(text)) continue
        if (text !== undefined) proxy.passed.push(text)
        client.write(frame)
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return proxy
}
