// What gochat/client's lean receive path (bench/library-socket.ts, the bench's receivers) costs per frame against
// a bare `ws` 'message' handler (the bench's receiver before the library). Each way runs in a worker thread of its
// own with the same number of sockets (lean-receive-worker.ts); a server in another process (frame-burst-server.ts)
// writes the same burst of push frames to every socket at once, so the ways receive side by side, under the same
// load, and each reports its thread's CPU per frame. A shared host's noise thus hits every way of a round alike.
//
//   npx tsx bench/probes/lean-receive.ts [--sockets 100] [--frames 2000] [--rounds 5] [--before /work/main] [--json]
//
// --frames is per socket per burst. --before TREE adds that tree's bench/library-socket.ts as a third way, so two
// versions of the library compare in the same run. The handler is the bench's minimum: one JSON.parse and a count.
import { fork } from 'node:child_process'
import { resolve as resolvePath } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { BurstMessage, BurstRequest } from './frame-burst-server.js'
import type { FromWay, ToWay, Way, WayData } from './lean-receive-worker.js'

export interface LeanReceiveOptions {
  sockets: number
  /** frames per socket per burst */
  frames: number
  rounds: number
  /** another tree whose bench/library-socket.ts joins as `lean (before)` */
  before?: string
}

export interface WaySummary {
  way: Way
  medianUsPerFrame: number
  minUsPerFrame: number
  maxUsPerFrame: number
  medianFramesPerS: number
  /** this way's CPU per frame over bare ws's in the same round: median, min, max */
  vsBare: [number, number, number]
  /** lean over lean (before) in the same round, when `before` is given */
  vsBefore?: [number, number, number]
}

const ENTRY = new URL('../run-ts.js', import.meta.url)
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
}
const spread = (xs: number[]): [number, number, number] => [median(xs), Math.min(...xs), Math.max(...xs)]

/** the next message of `type` from a worker or the server */
function next<M extends { type: string }>(
  from: { on(e: 'message', f: (m: M) => void): unknown; off(e: 'message', f: (m: M) => void): unknown },
  type: M['type'],
): Promise<M> {
  return new Promise((resolve, reject) => {
    const on = (m: M) => {
      if (m.type === 'failed') reject(new Error((m as unknown as { error: string }).error))
      if (m.type !== type) return
      from.off('message', on)
      resolve(m)
    }
    from.on('message', on)
  })
}

export async function leanReceive(o: LeanReceiveOptions): Promise<WaySummary[]> {
  const names: Way[] = o.before ? ['bare ws', 'lean', 'lean (before)'] : ['bare ws', 'lean']
  const server = fork(ENTRY, [new URL('./frame-burst-server.ts', import.meta.url).href], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const workers: Worker[] = []
  try {
    const ready = await next<BurstMessage>(server, 'ready')
    const url = `http://127.0.0.1:${ready.type === 'ready' ? ready.port : 0}`
    for (const way of names) {
      const data: WayData = {
        entry: new URL('./lean-receive-worker.ts', import.meta.url).href,
        way,
        before: o.before && resolvePath(o.before),
        url,
        sockets: o.sockets,
        frames: o.frames,
      }
      workers.push(new Worker(ENTRY, { workerData: data }))
    }
    await Promise.all(workers.map((w) => next<FromWay>(w, 'open')))
    await new Promise((r) => setTimeout(r, 200)) // the server has registered every socket
    const rounds = names.map(() => [] as Array<{ usPerFrame: number; framesPerS: number }>)
    const total = o.sockets * o.frames
    for (let round = -1; round < o.rounds; round++) {
      // round -1 warms up: JIT, and the server builds its burst
      const armed = workers.map((w) => next<FromWay>(w, 'armed'))
      for (const w of workers) w.postMessage({ type: 'go' } satisfies ToWay)
      await Promise.all(armed)
      const done = workers.map((w) => next<FromWay>(w, 'done'))
      server.send({ type: 'burst', framesPerSocket: o.frames } satisfies BurstRequest)
      const results = await Promise.all(done)
      if (round < 0) continue
      results.forEach((r, i) => {
        if (r.type === 'done')
          rounds[i]!.push({ usPerFrame: (r.cpuMs * 1000) / total, framesPerS: total / (r.wallMs / 1000) })
      })
    }
    // ratios are taken round by round: the load of the moment hits both sides of each
    const perRound = (a: number, b: number) => rounds[a]!.map((r, i) => r.usPerFrame / rounds[b]![i]!.usPerFrame)
    return names.map((way, i) => {
      const [medianUsPerFrame, minUsPerFrame, maxUsPerFrame] = spread(rounds[i]!.map((r) => r.usPerFrame))
      return {
        way,
        medianUsPerFrame,
        minUsPerFrame,
        maxUsPerFrame,
        medianFramesPerS: median(rounds[i]!.map((r) => r.framesPerS)),
        vsBare: spread(perRound(i, 0)),
        ...(way === 'lean' && o.before ? { vsBefore: spread(perRound(1, 2)) } : {}),
      }
    })
  } finally {
    await Promise.all(workers.map((w) => w.terminate()))
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
    console.log(
      `${o.sockets} sockets × ${o.frames} frames, ${o.rounds} rounds; thread CPU µs per frame, median [min–max]`,
    )
    for (const s of summary)
      console.log(
        `${s.way.padEnd(14)} ${s.medianUsPerFrame.toFixed(3)} [${s.minUsPerFrame.toFixed(3)}–${s.maxUsPerFrame.toFixed(3)}]  ` +
          `${Math.round(s.medianFramesPerS)} frames/s  ${r(s.vsBare)} of bare ws` +
          (s.vsBefore ? `  ${r(s.vsBefore)} of lean (before)` : ''),
      )
  }
}
