// One way of receiving for lean-receive.ts, in a worker thread of its own: opens its sockets to the burst server,
// and on each `go` counts the burst's frames through its handler and reports this thread's CPU for them. The
// ways run side by side, so the machine's load of the moment (a shared host) hits all of them alike.
import { pathToFileURL } from 'node:url'
import { parentPort, workerData } from 'node:worker_threads'
import WebSocket from 'ws'
import { threadCpuMs } from '../cpu.js'
import type { Endpoint } from '../endpoints.js'
import { openLibrarySocket } from '../library-socket.js'

export type Way = 'bare ws' | 'lean' | 'lean (before)'
export interface WayData {
  entry: string
  way: Way
  /** the tree whose bench/library-socket.ts `lean (before)` uses */
  before?: string
  url: string
  sockets: number
  frames: number
}
export type ToWay = { type: 'go' }
export type FromWay =
  | { type: 'open' }
  | { type: 'armed' }
  | { type: 'done'; cpuMs: number; wallMs: number }
  | { type: 'failed'; error: string }

type Open = (e: Endpoint, onFrame: (text: string) => void) => Promise<unknown>

/** the bench's receiver before gochat/client (bench/receiver.ts at 3010791), verbatim in its per-frame work */
const bare: Open = (e, onFrame) =>
  new Promise((resolve, reject) => {
    const ws = new WebSocket(`${e.url.replace(/^http/, 'ws')}/`, { perMessageDeflate: false })
    ws.once('open', resolve)
    ws.once('error', reject)
    ws.on('message', (data, isBinary) => {
      if (!isBinary) onFrame(data.toString())
    })
  })

/** the bench's receiver on gochat/client (bench/receiver.ts): lean mode, each frame's text to the handler */
const library =
  (open: typeof openLibrarySocket): Open =>
  (e, onFrame) =>
    open(
      e,
      (text) => {
        onFrame(text)
        return true
      },
      () => undefined,
    )

const data = workerData as WayData
const port = parentPort!
const post = (m: FromWay) => port.postMessage(m)
try {
  const open =
    data.way === 'bare ws'
      ? bare
      : data.way === 'lean'
        ? library(openLibrarySocket)
        : library(
            (
              (await import(pathToFileURL(`${data.before}/bench/library-socket.ts`).href)) as {
                openLibrarySocket: typeof openLibrarySocket
              }
            ).openLibrarySocket,
          )
  const total = data.sockets * data.frames
  let count = 0
  let cpu0 = 0
  let t0 = 0
  // the bench's minimum per frame: one JSON.parse and a count
  const onFrame = (text: string) => {
    const f = JSON.parse(text) as { op?: string }
    if (f.op !== 'message' || ++count !== total) return
    post({ type: 'done', cpuMs: threadCpuMs()! - cpu0, wallMs: performance.now() - t0 })
  }
  const endpoint: Endpoint = { dialect: 'ws', url: data.url }
  await Promise.all(Array.from({ length: data.sockets }, () => open(endpoint, onFrame)))
  port.on('message', (m: ToWay) => {
    if (m.type !== 'go') return
    count = 0
    cpu0 = threadCpuMs()!
    t0 = performance.now()
    post({ type: 'armed' })
  })
  post({ type: 'open' })
} catch (err) {
  post({ type: 'failed', error: String(err) })
}
