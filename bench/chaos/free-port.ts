import { createServer } from 'node:net'

/** a TCP port free on 127.0.0.1 right now (for a server of the harness's own) */
export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
    s.once('error', reject)
  })
