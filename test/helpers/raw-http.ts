// Raw HTTP over TCP: requests that fetch() and http.request() refuse to send (bad request lines, odd targets,
// broken headers), and the status line the server answers with (null: it closed without answering).
import { connect } from 'node:net'

export interface RawAnswer {
  status: number | null
  /** everything the server sent */
  text: string
}

export function rawRequest(port: number, request: string | Buffer, timeoutMs = 5000): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let text = ''
    const done = () => {
      clearTimeout(timer)
      const m = /^HTTP\/1\.1 (\d{3})/.exec(text)
      resolve({ status: m ? Number(m[1]) : null, text })
    }
    const timer = setTimeout(() => {
      socket.destroy()
      reject(new Error(`no answer within ${timeoutMs} ms to ${JSON.stringify(String(request).slice(0, 80))}`))
    }, timeoutMs)
    socket.on('data', (d) => (text += d.toString('latin1')))
    socket.on('error', () => undefined)
    socket.on('close', done)
    socket.on('connect', () => socket.end(request))
  })
}

/** A GET with `Connection: close`, so the answer ends with the connection. */
export const rawGet = (port: number, target: string, headers = '') =>
  rawRequest(port, `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n${headers}\r\n`)
