// A throwaway Redis of the chaos harness (redis-server on a free port, nothing persisted), so that `redis:restart`
// can kill and start it without touching the shared Redis. It dies with the process that started it.
import { spawn, type ChildProcess } from 'node:child_process'
import { Redis } from 'ioredis'
import { freePort } from './free-port.js'
import { killAndWait } from '../../infra/proc.js'

export class RedisServer {
  private child?: ChildProcess
  private constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`
  }

  static async start(): Promise<RedisServer> {
    const r = new RedisServer(await freePort())
    await r.up()
    return r
  }

  /** starts redis-server (empty) and resolves once it answers PING */
  async up(): Promise<void> {
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    )
    this.child = child
    const onExit = () => child.kill('SIGKILL')
    process.once('exit', onExit)
    child.once('exit', () => process.off('exit', onExit))
    for (let i = 0; i < 100; i++) {
      const c = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null })
      c.on('error', () => undefined) // refused until the server listens: expected, asked again below
      const ok = await c
        .connect()
        .then(() => c.ping())
        .then(
          () => true,
          () => false,
        )
      c.disconnect()
      if (ok) return
      if (child.exitCode !== null) throw new Error(`redis-server on port ${this.port} exited (${child.exitCode})`)
      await new Promise((r) => setTimeout(r, 100))
    }
    throw new Error(`redis-server on port ${this.port} did not answer`)
  }

  /** SIGKILL (its data is gone: nothing is persisted) */
  async down(): Promise<void> {
    await killAndWait(this.child)
  }
}
