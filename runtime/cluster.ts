// A multi-process cluster on real infrastructure: R repo, one logic, N task and M gateway processes, each a
// `gochat serve --role=…`. Used by `gochat cluster up`, the end-to-end suites and the benchmarks.
// Several repos: the first starts alone (it migrates the schema), the others after it; logic and task call all of
// them round robin, and their outbox relays elect one active relay among themselves (GET_LOCK).
//
// Every process binds port 0 and reports what it bound in its --ready-file: a port picked here and handed over
// later could meanwhile be taken by any outgoing connection of the machine. Repo starts first, then logic
// (it needs repo's address), then the tasks and gateways together (they need both). A restart reuses the
// ports of the first start, since the other processes hold those addresses.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { randomSecret } from './secret.js'

const BIN = fileURLToPath(new URL('../bin/run.js', import.meta.url))

export interface ClusterOptions {
  gateways: number
  tasks: number
  /** repo processes (default 1): `repo`, `repo-2`, … */
  repos?: number
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
  /** the token-signing secret of every process; default: a random one for this cluster */
  jwtSecret?: string
  /** told one line as each process becomes healthy */
  onProgress?: (line: string) => void
}

interface Proc {
  name: string
  args: string[]
  /** known once the process has reported its monitor (or gateway) port */
  healthUrl: string
  /** settings of this process only (a repo's own listen address) */
  env?: Record<string, string>
  child?: ChildProcess
}

/** What `gochat serve --ready-file` writes. */
interface Bound {
  pid: number
  gatewayPort?: number
  monitorPorts: Record<string, number>
  grpcAddrs: Record<string, string>
}

/** The end of a process's log, so that a failed start says why without a trip to the file. */
function logTail(path: string, lines = 15): string {
  try {
    return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n')
  } catch {
    return '(no log)'
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export class Cluster {
  readonly procs = new Map<string, Proc>()
  gatewayUrls: string[] = []
  private env: NodeJS.ProcessEnv = {}
  private logDir: string
  /** the admin path's secret of every process: given (env, GOCHAT_ADMIN_SECRET) or made for this cluster */
  readonly adminSecret: string
  /** what every process signs and verifies tokens with */
  readonly jwtSecret: string

  constructor(readonly opts: ClusterOptions) {
    this.logDir = opts.logDir ?? join(process.cwd(), '.gochat', 'cluster')
    this.adminSecret = opts.env?.GOCHAT_ADMIN_SECRET || process.env.GOCHAT_ADMIN_SECRET || randomBytes(24).toString('base64url')
    this.jwtSecret = opts.jwtSecret ?? opts.env?.GOCHAT_JWT_SECRET ?? randomSecret()
  }

  gatewayIds(): string[] {
    return Array.from({ length: this.opts.gateways }, (_, i) => `gw-${i + 1}`)
  }

  /** the repos' gRPC addresses (comma-separated), once they have started */
  get repoAddr(): string | undefined {
    return this.env.GOCHAT_REPO_ADDR
  }

  async start(timeoutMs = 60_000): Promise<this> {
    mkdirSync(this.logDir, { recursive: true })
    this.env = {
      ...process.env,
      GOCHAT_KAFKA_BROKERS: this.opts.kafka,
      GOCHAT_MYSQL_URL: this.opts.mysql,
      GOCHAT_REDIS_URL: this.opts.redis,
      GOCHAT_TOPIC_PREFIX: this.opts.topicPrefix,
      GOCHAT_GATEWAY_IDS: this.gatewayIds().join(','),
      GOCHAT_REPO_ADDR: '127.0.0.1:0',
      GOCHAT_LOGIC_ADDR: '127.0.0.1:0',
      GOCHAT_LOG_FORMAT: 'json',
      GOCHAT_EXIT_WITH_PARENT: '1', // a killed supervisor takes its processes with it
      ...this.opts.env,
      GOCHAT_ADMIN_SECRET: this.adminSecret,
      // one secret for all: a token issued by logic is verified by every gateway
      GOCHAT_JWT_SECRET: this.jwtSecret,
    }
    const back = (role: string, name: string) =>
      this.procs.set(name, { name, args: ['serve', `--role=${role}`, `--instance-id=${name}`, '--metrics-port=0'], healthUrl: '' })
    const repos = this.repoNames()
    for (const name of repos) {
      back('repo', name)
      this.procs.get(name)!.env = { GOCHAT_REPO_ADDR: '127.0.0.1:0' }
    }
    back('logic', 'logic')
    for (let i = 1; i <= this.opts.tasks; i++) back('task', `task-${i}`)
    for (const [i, id] of this.gatewayIds().entries()) {
      const port = this.opts.gatewayPort ? this.opts.gatewayPort + i : 0
      this.procs.set(id, { name: id, args: ['serve', '--role=gateway', `--instance-id=${id}`, `--port=${port}`], healthUrl: '' })
    }

    const [first, ...others] = repos
    const addrs = [(await this.startProc(first!, timeoutMs)).grpcAddrs.repo!]
    for (const bound of await Promise.all(others.map((n) => this.startProc(n, timeoutMs)))) addrs.push(bound.grpcAddrs.repo!)
    this.env.GOCHAT_REPO_ADDR = addrs.join(',')
    const logic = await this.startProc('logic', timeoutMs)
    this.env.GOCHAT_LOGIC_ADDR = logic.grpcAddrs.logic
    const rest = [...this.procs.keys()].filter((n) => !repos.includes(n) && n !== 'logic')
    await Promise.all(rest.map((n) => this.startProc(n, timeoutMs)))
    this.gatewayUrls = this.gatewayIds().map((id) => this.procs.get(id)!.healthUrl.replace(/\/health$/, ''))
    return this
  }

  repoNames(): string[] {
    return Array.from({ length: this.opts.repos ?? 1 }, (_, i) => (i === 0 ? 'repo' : `repo-${i + 1}`))
  }

  /** Starts (or restarts) one process and waits until it is healthy; `env` overrides settings for this start only. */
  async startProc(name: string, timeoutMs = 60_000, env: Record<string, string> = {}): Promise<Bound> {
    const proc = this.procs.get(name)
    if (!proc) throw new Error(`no process ${name}`)
    const started = Date.now()
    const logPath = join(this.logDir, `${this.opts.topicPrefix}-${name}.log`)
    const readyFile = join(this.logDir, `${this.opts.topicPrefix}-${name}.ready.json`)
    rmSync(readyFile, { force: true })
    const out = createWriteStream(logPath, { flags: 'a' })
    const child = spawn(process.execPath, [BIN, ...proc.args, `--ready-file=${readyFile}`], { env: { ...this.env, ...proc.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    proc.child = child
    child.stdout.pipe(out)
    child.stderr.pipe(out)

    const failed = async (why: string) => {
      await sleep(100) // let the log stream flush what the process printed last
      return new Error(`${name} ${why}; the end of ${logPath}:\n${logTail(logPath)}`)
    }
    const deadline = Date.now() + timeoutMs
    while (!existsSync(readyFile)) {
      if (child.exitCode !== null || child.signalCode !== null) throw await failed(`exited (${child.exitCode ?? child.signalCode}) before it was ready`)
      if (Date.now() > deadline) throw await failed(`was not ready within ${timeoutMs} ms`)
      await sleep(100)
    }
    const bound = JSON.parse(readFileSync(readyFile, 'utf8')) as Bound
    const role = proc.args.find((a) => a.startsWith('--role='))!.slice('--role='.length)
    // pin what was bound, so that a restart comes back on the same ports
    const port = role === 'gateway' ? bound.gatewayPort! : bound.monitorPorts[role]!
    proc.args = proc.args.map((a) => (a === '--metrics-port=0' ? `--metrics-port=${port}` : a === '--port=0' ? `--port=${port}` : a))
    if (role === 'repo') proc.env = { GOCHAT_REPO_ADDR: bound.grpcAddrs.repo! }
    proc.healthUrl = `http://127.0.0.1:${port}/health`
    const res = await fetch(proc.healthUrl).catch((err: Error) => ({ ok: false, status: err.message }))
    if (!res.ok) throw await failed(`reported ready but ${proc.healthUrl} answered ${res.status}`)
    const ready = [...this.procs.values()].filter((p) => p.healthUrl).length
    this.opts.onProgress?.(`${name} ready (pid ${child.pid}, ${((Date.now() - started) / 1000).toFixed(1)} s; ${ready}/${this.procs.size})`)
    return bound
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
