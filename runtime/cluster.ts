// A multi-process cluster on real infrastructure: R repo, L logic, N task and M gateway processes, each a
// `gochat serve --role=…`. Used by `gochat cluster up`, the end-to-end suites, the benchmarks and `gochat chaos`.
// Several repos: the first starts alone (it migrates the schema), the others after it; logic and task call all of
// them round robin, and their outbox relays elect one active relay among themselves (GET_LOCK). Several logics:
// gateways call them round robin and retry a call refused as unavailable at another.
//
// A child that dies unasked is a fault: it is logged at warn with its exit cause, its Kafka consumer-group
// members are made to leave at once (its partitions move in about a heartbeat, not a session timeout), and with
// `restart` it is started again on the same ports (backing off if it keeps dying).
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
import { evictMembers } from '../src/drivers/kafka/evict.js'
import { log } from '../src/observability/log.js'

const clusterLog = log.child({ component: 'cluster' })

const BIN = fileURLToPath(new URL('../bin/run.js', import.meta.url))

export interface ClusterOptions {
  gateways: number
  tasks: number
  /** repo processes (default 1): `repo`, `repo-2`, … */
  repos?: number
  /** logic processes (default 1): `logic`, `logic-2`, … */
  logics?: number
  /** start a child again when it dies unasked (default false: tests that kill a process want it dead) */
  restart?: boolean
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
  /** where the gateways bind (default 127.0.0.1: this machine only; 0.0.0.0 or :: for every interface) */
  gatewayHost?: string
  /** the token-signing secret of every process; default: a random one for this cluster */
  jwtSecret?: string
  /** told one line as each process becomes healthy */
  onProgress?: (line: string) => void
  /** where each process runs, when not on this host's loopback (the multi-host suite: a network namespace each) */
  placement?: (name: string, role: string) => Placement | undefined
}

/** A process on another (network) host. */
export interface Placement {
  /** the command the process is started under, e.g. ['ip', 'netns', 'exec', 'gc-1-gw1'] (it must exec, not fork) */
  prefix: string[]
  /** its settings there: its bind and advertised addresses (GOCHAT_GATEWAY_HOST, GOCHAT_REPO_LISTEN, …) */
  env: Record<string, string>
  /** the address this supervisor reaches its gateway or /health port on */
  host: string
}

interface Proc {
  name: string
  args: string[]
  /** known once the process has reported its monitor (or gateway) port */
  healthUrl: string
  /** settings of this process only (a repo's own listen address) */
  env?: Record<string, string>
  placement?: Placement
  child?: ChildProcess
  role: string
  /** set while the supervisor brings the process back */
  restarting?: Promise<unknown>
  /** deaths in a row without a minute of life in between (restart backoff) */
  crashes: number
  startedAt: number
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
/** SIGTERM's grace before SIGKILL: a role drains within 15 s (runUntilSignal) */
const KILL_AFTER_MS = 20_000

export class Cluster {
  readonly procs = new Map<string, Proc>()
  gatewayUrls: string[] = []
  private env: NodeJS.ProcessEnv = {}
  private logDir: string
  /** the admin path's secret of every process: given (env, GOCHAT_ADMIN_SECRET) or made for this cluster */
  readonly adminSecret: string
  /** what every process signs and verifies tokens with */
  readonly jwtSecret: string
  /** what every process's gRPC calls carry and check (rpc_secret): given (env, GOCHAT_RPC_SECRET) or made here */
  readonly rpcSecret: string
  private stopping = false

  constructor(readonly opts: ClusterOptions) {
    this.logDir = opts.logDir ?? join(process.cwd(), '.gochat', 'cluster')
    this.adminSecret =
      opts.env?.GOCHAT_ADMIN_SECRET || process.env.GOCHAT_ADMIN_SECRET || randomBytes(24).toString('base64url')
    this.jwtSecret = opts.jwtSecret ?? opts.env?.GOCHAT_JWT_SECRET ?? randomSecret()
    this.rpcSecret = opts.env?.GOCHAT_RPC_SECRET || process.env.GOCHAT_RPC_SECRET || randomSecret()
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
      // a local cluster is this machine's unless told otherwise (a placement's env binds its own address)
      GOCHAT_GATEWAY_HOST: this.opts.gatewayHost ?? '127.0.0.1',
      GOCHAT_EXIT_WITH_PARENT: '1', // a killed supervisor takes its processes with it
      ...this.opts.env,
      GOCHAT_ADMIN_SECRET: this.adminSecret,
      // one secret for all: a token issued by logic is verified by every gateway
      GOCHAT_JWT_SECRET: this.jwtSecret,
      // its processes call each other only with it, wherever their gRPC listens
      GOCHAT_RPC_SECRET: this.rpcSecret,
    }
    const proc = (role: string, name: string, args: string[], env?: Record<string, string>) => {
      const placement = this.opts.placement?.(name, role)
      const merged = { ...env, ...placement?.env }
      this.procs.set(name, {
        name,
        role,
        args: ['serve', `--role=${role}`, `--instance-id=${name}`, ...args],
        healthUrl: '',
        crashes: 0,
        startedAt: 0,
        ...(Object.keys(merged).length ? { env: merged } : {}),
        ...(placement ? { placement } : {}),
      })
    }
    const repos = this.roleNames('repo', this.opts.repos)
    const logics = this.roleNames('logic', this.opts.logics)
    for (const name of repos) proc('repo', name, ['--metrics-port=0'], { GOCHAT_REPO_ADDR: '127.0.0.1:0' })
    for (const name of logics) proc('logic', name, ['--metrics-port=0'], { GOCHAT_LOGIC_ADDR: '127.0.0.1:0' })
    for (let i = 1; i <= this.opts.tasks; i++) proc('task', `task-${i}`, ['--metrics-port=0'])
    for (const [i, id] of this.gatewayIds().entries())
      proc('gateway', id, [`--port=${this.opts.gatewayPort ? this.opts.gatewayPort + i : 0}`])

    try {
      await this.startAll(repos, logics, timeoutMs)
    } catch (err) {
      // a start that failed half-way leaves nothing running: the caller never got a cluster to stop
      await this.stop().catch(() => undefined)
      throw err
    }
    return this
  }

  private async startAll(repos: string[], logics: string[], timeoutMs: number): Promise<void> {
    const [first, ...others] = repos
    const start = (n: string) => this.startProc(n, timeoutMs, {}, { ready: true })
    const addrs = [(await start(first!)).grpcAddrs.repo!]
    for (const bound of await Promise.all(others.map(start))) addrs.push(bound.grpcAddrs.repo!)
    this.env.GOCHAT_REPO_ADDR = addrs.join(',')
    const logicAddrs = await Promise.all(logics.map(async (n) => (await start(n)).grpcAddrs.logic!))
    this.env.GOCHAT_LOGIC_ADDR = logicAddrs.join(',')
    const rest = [...this.procs.keys()].filter((n) => !repos.includes(n) && !logics.includes(n))
    await Promise.all(rest.map(start))
    this.gatewayUrls = this.gatewayIds().map((id) => this.procs.get(id)!.healthUrl.replace(/\/health$/, ''))
  }

  /** where this host reaches a gateway bound to gatewayHost (every interface: loopback) */
  private reachAt(): string {
    const host = this.opts.gatewayHost ?? '127.0.0.1'
    if (host === '0.0.0.0' || host === '::') return '127.0.0.1'
    return host.includes(':') ? `[${host}]` : host
  }

  repoNames(): string[] {
    return this.roleNames('repo', this.opts.repos)
  }

  private roleNames(role: string, count = 1): string[] {
    return Array.from({ length: count }, (_, i) => (i === 0 ? role : `${role}-${i + 1}`))
  }

  /**
   * Starts (or restarts) one process and waits until it serves (/health/live), with `ready` until it is ready too
   * (/health/ready: its peers answer; a restart while a peer is down must not wait for it); `env` overrides
   * settings for this start only.
   */
  async startProc(
    name: string,
    timeoutMs = 60_000,
    env: Record<string, string> = {},
    opts: { ready?: boolean } = {},
  ): Promise<Bound> {
    const proc = this.procs.get(name)
    if (!proc) throw new Error(`no process ${name}`)
    // a stop() that came while the cluster was still starting (a test hook that gave up on it) ends the start
    if (this.stopping) throw new Error(`the cluster is stopping: ${name} not started`)
    const started = Date.now()
    const logPath = join(this.logDir, `${this.opts.topicPrefix}-${name}.log`)
    const readyFile = join(this.logDir, `${this.opts.topicPrefix}-${name}.ready.json`)
    rmSync(readyFile, { force: true })
    const out = createWriteStream(logPath, { flags: 'a' })
    const [command, ...prefixArgs] = [...(proc.placement?.prefix ?? []), process.execPath]
    const child = spawn(command!, [...prefixArgs, BIN, ...proc.args, `--ready-file=${readyFile}`], {
      env: { ...this.env, ...proc.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    proc.child = child
    proc.startedAt = Date.now()
    child.once('exit', (code, signal) => this.exited(proc, child, code, signal))
    child.stdout.pipe(out)
    child.stderr.pipe(out)

    const failed = async (why: string) => {
      await sleep(100) // let the log stream flush what the process printed last
      return new Error(`${name} ${why}; the end of ${logPath}:\n${logTail(logPath)}`)
    }
    const deadline = Date.now() + timeoutMs
    while (!existsSync(readyFile)) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw await failed(`exited (${child.exitCode ?? child.signalCode}) before it was ready`)
      if (Date.now() > deadline) throw await failed(`was not ready within ${timeoutMs} ms`)
      await sleep(100)
    }
    const bound = JSON.parse(readFileSync(readyFile, 'utf8')) as Bound
    const role = proc.role
    // pin what was bound, so that a restart comes back on the same ports
    const port = role === 'gateway' ? bound.gatewayPort! : bound.monitorPorts[role]!
    proc.args = proc.args.map((a) =>
      a === '--metrics-port=0' ? `--metrics-port=${port}` : a === '--port=0' ? `--port=${port}` : a,
    )
    if (role === 'repo' || role === 'logic') {
      const key = `GOCHAT_${role.toUpperCase()}`
      const advertised = bound.grpcAddrs[role]!
      const listen = proc.env?.[`${key}_LISTEN`]
      proc.env = {
        ...proc.env,
        [`${key}_ADDR`]: advertised,
        // a separate bind address on port 0 takes the port bound (advertised on the host of *_ADDR)
        ...(listen?.endsWith(':0')
          ? { [`${key}_LISTEN`]: `${listen.slice(0, -2)}${advertised.slice(advertised.lastIndexOf(':'))}` }
          : {}),
      }
    }
    const host = proc.placement?.host ?? (role === 'gateway' ? this.reachAt() : '127.0.0.1')
    proc.healthUrl = `http://${host}:${port}/health`
    const path = opts.ready ? '/health/ready' : '/health/live'
    for (;;) {
      const res = await fetch(`http://${host}:${port}${path}`).catch((err: Error) => ({
        ok: false,
        status: err.message,
      }))
      if (res.ok) break
      if (Date.now() > deadline) throw await failed(`reported ready but ${path} answered ${res.status}`)
      await sleep(200)
    }
    const ready = [...this.procs.values()].filter((p) => p.healthUrl).length
    this.opts.onProgress?.(
      `${name} ready (pid ${child.pid}, ${((Date.now() - started) / 1000).toFixed(1)} s; ${ready}/${this.procs.size})`,
    )
    return bound
  }

  /**
   * A child ended. Unless the cluster stops or was told to stop it gracefully: a warn line with the cause, its
   * consumer-group members evicted, and with `restart` a new start after a backoff.
   */
  private exited(proc: Proc, child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.stopping || proc.child !== child || (code === 0 && signal === null)) return
    const diedAt = Date.now()
    if (diedAt - proc.startedAt > 60_000) proc.crashes = 0
    proc.crashes++
    const cause = signal ? `signal ${signal}` : `exit code ${code}`
    clusterLog.warn(`${proc.name} died (${cause})${this.opts.restart ? '; restarting it' : ''}`, {
      process: proc.name,
      pid: child.pid,
      cause,
    })
    const evicted = this.evict(proc)
    if (!this.opts.restart) return
    const delay = Math.min(30_000, 250 * 2 ** (proc.crashes - 1))
    proc.restarting = (async () => {
      await evicted
      await sleep(delay)
      if (this.stopping || proc.child !== child) return
      try {
        const bound = await this.startProc(proc.name)
        clusterLog.info(`${proc.name} restarted`, { process: proc.name, pid: bound.pid, downMs: Date.now() - diedAt })
      } catch (err) {
        if (this.stopping) return
        clusterLog.error(`${proc.name} could not be restarted`, { process: proc.name, err: (err as Error).message })
      }
    })().finally(() => {
      proc.restarting = undefined
    })
  }

  /** the dead process's members leave its consumer groups now, not after the session timeout */
  private async evict(proc: Proc): Promise<void> {
    if (process.env.GOCHAT_CLUSTER_NO_EVICT === '1') return // for before/after measurements
    const t0 = Date.now()
    try {
      const evicted = await evictMembers(
        this.opts.kafka.split(','),
        `${this.opts.topicPrefix}.`,
        `gochat-${proc.role}-${proc.name}`,
      )
      if (evicted.length)
        clusterLog.info(`${proc.name}: ${evicted.length} consumer-group members evicted`, {
          process: proc.name,
          groups: evicted.map((e) => e.groupId),
          ms: Date.now() - t0,
        })
    } catch (err) {
      clusterLog.warn(
        `${proc.name}: could not evict its consumer-group members (its partitions wait for the session timeout)`,
        { process: proc.name, err: (err as Error).message },
      )
    }
  }

  /** Resolves once the process runs: waits for the supervisor's restart, or starts it. */
  async ensureRunning(name: string, timeoutMs = 60_000): Promise<void> {
    const proc = this.procs.get(name)
    if (!proc) throw new Error(`no process ${name}`)
    if (proc.restarting) await proc.restarting
    const child = proc.child
    if (!child || child.exitCode !== null || child.signalCode !== null) await this.startProc(name, timeoutMs)
  }

  /** Sends a signal (SIGKILL for crash tests) and waits for the process to exit. */
  async kill(name: string, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    const child = this.procs.get(name)?.child
    // exitCode stays null for a process ended by a signal: signalCode tells that it is gone too
    if (!child || child.exitCode !== null || child.signalCode !== null) return child?.exitCode ?? null
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    child.kill(signal)
    // a process that does not drain in time (or hangs in its start-up) is killed: nothing outlives the cluster
    const hard = signal === 'SIGKILL' ? undefined : setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS)
    return exited.finally(() => clearTimeout(hard))
  }

  /** SIGTERM to every process, edge first and back roles last, as a real rollout drains; their exit codes */
  async stop(): Promise<Record<string, number | null>> {
    this.stopping = true
    const codes: Record<string, number | null> = {}
    for (const tier of [0, 1, 2, 3]) {
      await Promise.all(
        [...this.procs.keys()]
          .filter((n) => rank(n) === tier)
          .map(async (n) => {
            codes[n] = await this.kill(n, 'SIGTERM')
          }),
      )
    }
    return codes
  }
}

const rank = (name: string) =>
  name.startsWith('gw-') ? 0 : name.startsWith('logic') ? 1 : name.startsWith('task') ? 2 : 3
