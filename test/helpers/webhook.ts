// A local HTTP receiver standing in for a push provider: records every JSON body it accepts. `failNext` answers
// 500 to the next N requests and `failAlways` to all (retry tests); both can be changed while it runs.
import { createServer, type Server } from 'node:http'

export interface Receiver {
  url: string
  bodies: unknown[]
  requests: number
  failNext: number
  failAlways: boolean
  close(): Promise<void>
}

export async function startReceiver(): Promise<Receiver> {
  const r = { bodies: [] as unknown[], requests: 0, failNext: 0, failAlways: false }
  const server: Server = createServer((req, res) => {
    let data = ''
    req.on('data', (c) => (data += c))
    req.on('end', () => {
      r.requests++
      if (r.failAlways || r.failNext > 0) {
        r.failNext = Math.max(0, r.failNext - 1)
        res.writeHead(500).end('scripted failure')
        return
      }
      r.bodies.push(JSON.parse(data))
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  return Object.assign(r, {
    url: `http://127.0.0.1:${port}/push`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  })
}
