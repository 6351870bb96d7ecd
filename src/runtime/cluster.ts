// A multi-process cluster on real infrastructure: one repo, one logic, N task and M gateway processes, each a
// `gochat serve --role=…`. Used by `gochat cluster up`, the end-to-end suites and the benchmarks.
import { spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'

const BIN = fileURLToPath(new URL('../../bin/run.js', import.meta.url))

export interface ClusterOptions {
  gateways: number
  tasks: number
  kafka: string
  mysql: string
  redis: string
  topicPrefix: string
  /** extra GOCHAT_* settings for every process */
  env?: Record<string, string>
  /** folder for one log file per process; default .gochat/cluster */
  logDir?: string
  /** first gateway port; default: free ports */
  gatewayPort?: number
}

interface Proc {
  name: string
  args: string[]
  healthUrl: string
  child?: ChildProcess
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port
      srv.close(() => resolve(port))
    })
  })
}

/** The end of a process's log, so that a failed start says why without a trip to the file. */
function logTail(path: string, lines = 15): string {
  try {
    return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n')
  } catch {
    return '(no log)'
  }
}

async function waitHealthy(url: string, proc: Proc, logPath: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (proc.child?.exitCode !== null && proc.child?.exitCode !== undefined) {
      // give the log stream a moment to flush what the process printed last
      await new Promise((r) => setTimeout(r, 100))
      throw new Error(`${proc.name} exited with code ${proc.child.exitCode} before it was healthy; the end of ${logPath}:\n${logTail(logPath)}`)
    }
    try {
      const res = await fetch(url)
      if (res.ok) return
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`${proc.name} was not healthy at ${url} within ${timeoutMs} ms; the end of ${logPath}:\n${logTail(logPath)}`)
}

export class Cluster {
  readonly procs = new Map<string, Proc>()
  gatewayUrls: string[] = []
  private env: NodeJS.ProcessEnv = {}
  private logDir: string

  constructor(readonly opts: ClusterOptions) {
    this.logDir = opts.logDir ?? join(process.cwd(), '.gochat', 'cluster')
  }

  gatewayIds(): string[] {
    return Array.from({ length: this.opts.gateways }, (_, i) => `gw-${i + 1}`)
  }

  async start(timeoutMs = 60_000): Promise<this> {
    mkdirSync(this.logDir, { recursive: true })
    const [repoAddr, logicAddr] = [`127.0.0.1:${await freePort()}`, `127.0.0.1:${await freePort()}`]
    this.env = {
      ...process.env,
      GOCHAT_KAFKA_BROKERS: this.opts.kafka,
      GOCHAT_MYSQL_URL: this.opts.mysql,
      GOCHAT_REDIS_URL: this.opts.redis,
      GOCHAT_TOPIC_PREFIX: this.opts.topicPrefix,
      GOCHAT_GATEWAY_IDS: this.gatewayIds().join(','),
      GOCHAT_REPO_ADDR: repoAddr,
      GOCHAT_LOGIC_ADDR: logicAddr,
      GOCHAT_LOG_FORMAT: 'json',
      ...this.opts.env,
    }
    const back = async (role: string, name: string) => {
      const port = await freePort()
      this.procs.set(name, { name, args: ['serve', `--role=${role}`, `--instance-id=${name}`, `--metrics-port=${port}`], healthUrl: `http://127.0.0.1:${port}/health` })
    }
    await back('repo', 'repo')
    await back('logic', 'logic')
    for (let i = 1; i <= this.opts.tasks; i++) await back('task', `task-${i}`)
    for (const [i, id] of this.gatewayIds().entries()) {
      const port = this.opts.gatewayPort ? this.opts.gatewayPort + i : await freePort()
      this.procs.set(id, { name: id, args: ['serve', '--role=gateway', `--instance-id=${id}`, `--port=${port}`], healthUrl: `http://127.0.0.1:${port}/health` })
      this.gatewayUrls.push(`http://127.0.0.1:${port}`)
    }
    // repo first (migrations, topics), then the rest in parallel.
    await this.startProc('repo', timeoutMs)
    await Promise.all([...this.procs.keys()].filter((n) => n !== 'repo').map((n) => this.startProc(n, timeoutMs)))
    return this
  }

  /** Starts (or restarts) one process; `env` overrides settings for this start only. */
  async startProc(name: string, timeoutMs = 60_000, env: Record<string, string> = {}): Promise<void> {
    const proc = this.procs.get(name)
    if (!proc) throw new Error(`no process ${name}`)
    const logPath = join(this.logDir, `${this.opts.topicPrefix}-${name}.log`)
    const out = createWriteStream(logPath, { flags: 'a' })
    proc.child = spawn(process.execPath, [BIN, ...proc.args], { env: { ...this.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    proc.child.stdout!.pipe(out)
    proc.child.stderr!.pipe(out)
    await waitHealthy(proc.healthUrl, proc, logPath, timeoutMs)
  }

  /** Sends a signal (SIGKILL for crash tests) and waits for the process to exit. */
  async kill(name: string, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    const child = this.procs.get(name)?.child
    // exitCode stays null for a process ended by a signal: signalCode tells that it is gone too
    if (!child || child.exitCode !== null || child.signalCode !== null) return child?.exitCode ?? null
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    child.kill(signal)
    return exited
  }

  /** SIGTERM to every process, edge first and back roles last, as a real rollout drains; their exit codes */
  async stop(): Promise<Record<string, number | null>> {
    const codes: Record<string, number | null> = {}
    for (const tier of [0, 1, 2, 3]) {
      await Promise.all([...this.procs.keys()].filter((n) => rank(n) === tier).map(async (n) => { codes[n] = await this.kill(n, 'SIGTERM') }))
    }
    return codes
  }
}

const rank = (name: string) => (name.startsWith('gw-') ? 0 : name === 'logic' ? 1 : name.startsWith('task') ? 2 : 3)
