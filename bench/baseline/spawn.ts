// Starts a baseline server in its own process (so its memory and CPU are its own, as a gateway's are) and
// talks to it over IPC.
import { fork, type ChildProcess } from 'node:child_process'
import type { ChildMessage, ChildStats } from './child-ipc.js'

const ENTRY = new URL('../run-ts.js', import.meta.url)
const WS = new URL('./ws-broadcast-server.ts', import.meta.url).href
/** each baseline: its server file and arguments */
const SERVERS = {
  ws: [WS],
  'ws-batched': [WS, '--batched'],
  socketio: [new URL('./socketio-broadcast-server.ts', import.meta.url).href],
} as const

/** the baselines in the order they run and are shown */
export const BASELINE_KINDS = Object.keys(SERVERS) as BaselineKind[]

export type BaselineKind = keyof typeof SERVERS

export class BaselineServer {
  private constructor(
    readonly kind: BaselineKind,
    readonly url: string,
    private readonly child: ChildProcess,
  ) {}

  static start(kind: BaselineKind, timeoutMs = 30_000): Promise<BaselineServer> {
    const child = fork(ENTRY, [...SERVERS[kind]], {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      env: { ...process.env },
    })
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL')
        reject(new Error(`${kind} baseline server did not start within ${timeoutMs} ms`))
      }, timeoutMs)
      child.once('exit', (code) => {
        clearTimeout(timer)
        reject(new Error(`${kind} baseline server exited with ${code}`))
      })
      child.on('message', (m: ChildMessage) => {
        if (m.type !== 'ready') return
        clearTimeout(timer)
        resolve(new BaselineServer(kind, `http://127.0.0.1:${m.port}`, child))
      })
    })
  }

  stats(timeoutMs = 10_000): Promise<ChildStats | null> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.child.off('message', onMessage)
        resolve(null)
      }, timeoutMs)
      const onMessage = (m: ChildMessage) => {
        if (m.type !== 'stats') return
        clearTimeout(timer)
        this.child.off('message', onMessage)
        resolve({ rssBytes: m.rssBytes, cpuMs: m.cpuMs, connections: m.connections })
      }
      this.child.on('message', onMessage)
      this.child.send({ type: 'stats' })
    })
  }

  stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve()
    return new Promise((resolve) => {
      const force = setTimeout(() => this.child.kill('SIGKILL'), 5000)
      this.child.removeAllListeners('exit')
      this.child.once('exit', () => {
        clearTimeout(force)
        resolve()
      })
      this.child.kill('SIGTERM')
    })
  }
}
