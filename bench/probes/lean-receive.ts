// What gochat/client's lean receive path (bench/library-socket.ts, the bench's receivers) costs per frame against
// a bare `ws` 'message' handler (the bench's receiver before the library): one process opens the same sockets each
// way in turn and has a server in another process (frame-burst-server.ts) write the same burst of push frames to
// all of them; the figure is this process's CPU per frame, A B A B in one run, so the machine's load hits both.
//
//   node --expose-gc --import tsx bench/probes/lean-receive.ts [--sockets 100] [--frames 2000] [--rounds 5] [--before /work/main] [--json]
//
// --frames is per socket per burst. --before TREE adds that tree's bench/library-socket.ts as a third way, so two
// versions of the library compare in the same run. The handler is the bench's minimum: one JSON.parse and a count.
import { fork } from 'node:child_process'
import { resolve as resolvePath } from 'node:path'
import { pathToFileURL } from 'node:url'
import WebSocket from 'ws'
import type { Endpoint } from '../endpoints.js'
import { openLibrarySocket } from '../library-socket.js'
import type { BurstMessage, BurstRequest } from './frame-burst-server.js'

type Open = (e: Endpoint, onFrame: (text: string) => void) => Promise<{ close(): void }>
type LibraryOpen = typeof openLibrarySocket

export interface LeanReceiveOptions {
  sockets: number
  /** frames per socket per burst */
  frames: number
  rounds: number
  /** another tree whose bench/library-socket.ts joins as `lean (before)` */
  before?: string
}

export interface WaySummary {
  way: string
  medianUsPerFrame: number
  minUsPerFrame: number
  maxUsPerFrame: number
  medianFramesPerS: number
  /** this way's CPU per frame over bare ws's in the same round: median, min, max */
  vsBare: [number, number, number]
  /** lean over lean (before) in the same round, when --before is given */
  vsBefore?: [number, number, number]
}

/** the bench's receiver before gochat/client (bench/receiver.ts at 3010791), verbatim in its per-frame work */
const bare: Open = (e, onFrame) =>
  new Promise((resolve, reject) => {
    const ws = new WebSocket(`${e.url.replace(/^http/, 'ws')}/`, { perMessageDeflate: false })
    ws.once('open', () => resolve({ close: () => ws.terminate() }))
    ws.once('error', reject)
    ws.on('message', (data, isBinary) => {
      if (!isBinary) onFrame(data.toString())
    })
  })

const library =
  (open: LibraryOpen): Open =>
  (e, onFrame) =>
    open(
      e,
      (text) => {
        onFrame(text)
        return true
      },
      () => undefined,
    )

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
}
const spread = (xs: number[]): [number, number, number] => [median(xs), Math.min(...xs), Math.max(...xs)]

const cpuMs = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

export async function leanReceive(o: LeanReceiveOptions): Promise<WaySummary[]> {
  const ways: Array<[string, Open]> = [
    ['bare ws', bare],
    ['lean', library(openLibrarySocket)],
  ]
  if (o.before) {
    const url = pathToFileURL(resolvePath(o.before, 'bench/library-socket.ts')).href
    const before = (await import(url)) as { openLibrarySocket: LibraryOpen }
    ways.push(['lean (before)', library(before.openLibrarySocket)])
  }
  const server = fork(
    new URL('../run-ts.js', import.meta.url),
    [new URL('./frame-burst-server.ts', import.meta.url).href],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  )
  try {
    const ready = await new Promise<BurstMessage>((resolve, reject) => {
      server.once('exit', (code) => reject(new Error(`the burst server exited with ${code}`)))
      server.on('message', (m: BurstMessage) => m.type === 'ready' && resolve(m))
    })
    const endpoint: Endpoint = { dialect: 'ws', url: `http://127.0.0.1:${ready.type === 'ready' ? ready.port : 0}` }

    /** one burst through `open`'s sockets: this process's µs of CPU per frame and frames per second */
    const measure = async (open: Open): Promise<{ usPerFrame: number; framesPerS: number }> => {
      const total = o.sockets * o.frames
      let count = 0
      let done = () => undefined as void
      const all = new Promise<void>((r) => {
        done = r
      })
      const onFrame = (text: string) => {
        const f = JSON.parse(text) as { op?: string }
        if (f.op === 'message' && ++count === total) done()
      }
      const sockets = await Promise.all(Array.from({ length: o.sockets }, () => open(endpoint, onFrame)))
      await new Promise((r) => setTimeout(r, 200)) // the server has registered every socket
      globalThis.gc?.() // node --expose-gc: no collection of the previous round's garbage lands in this one
      const cpu0 = cpuMs()
      const t0 = performance.now()
      server.send({ type: 'burst', framesPerSocket: o.frames } satisfies BurstRequest)
      await all
      const cpu = cpuMs() - cpu0
      const wall = performance.now() - t0
      for (const s of sockets) s.close()
      await new Promise((r) => setTimeout(r, 200))
      return { usPerFrame: (cpu * 1000) / total, framesPerS: total / (wall / 1000) }
    }

    await measure(bare) // warm-up: JIT and the server's burst buffer
    const results = new Map(ways.map(([n]) => [n, [] as Array<{ usPerFrame: number; framesPerS: number }>]))
    for (let round = 0; round < o.rounds; round++)
      for (const [name, open] of round % 2 ? [...ways].reverse() : ways) results.get(name)!.push(await measure(open))

    // ratios are taken round by round: the load of the moment hits both sides of each
    const perRound = (a: string, b: string) =>
      results.get(a)!.map((r, i) => r.usPerFrame / results.get(b)![i]!.usPerFrame)
    return [...results].map(([way, rs]) => {
      const [medianUsPerFrame, minUsPerFrame, maxUsPerFrame] = spread(rs.map((r) => r.usPerFrame))
      return {
        way,
        medianUsPerFrame,
        minUsPerFrame,
        maxUsPerFrame,
        medianFramesPerS: median(rs.map((r) => r.framesPerS)),
        vsBare: spread(perRound(way, 'bare ws')),
        ...(way === 'lean' && o.before ? { vsBefore: spread(perRound('lean', 'lean (before)')) } : {}),
      }
    })
  } finally {
    server.disconnect()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2)
  const flag = (name: string, fallback: string) => {
    const i = args.indexOf(`--${name}`)
    return i >= 0 && args[i + 1] ? args[i + 1]! : fallback
  }
  const o: LeanReceiveOptions = {
    sockets: Number(flag('sockets', '100')),
    frames: Number(flag('frames', '2000')),
    rounds: Number(flag('rounds', '5')),
    before: flag('before', '') || undefined,
  }
  const summary = await leanReceive(o)
  if (args.includes('--json')) console.log(JSON.stringify({ ...o, summary }))
  else {
    const r = ([m, lo, hi]: [number, number, number]) => `×${m.toFixed(3)} [${lo.toFixed(3)}–${hi.toFixed(3)}]`
    console.log(`${o.sockets} sockets × ${o.frames} frames, ${o.rounds} rounds; CPU µs per frame, median [min–max]`)
    for (const s of summary)
      console.log(
        `${s.way.padEnd(14)} ${s.medianUsPerFrame.toFixed(3)} [${s.minUsPerFrame.toFixed(3)}–${s.maxUsPerFrame.toFixed(3)}]  ` +
          `${Math.round(s.medianFramesPerS)} frames/s  ${r(s.vsBare)} of bare ws` +
          (s.vsBefore ? `  ${r(s.vsBefore)} of lean (before)` : ''),
      )
  }
}
