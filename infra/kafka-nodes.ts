// A multi-node KRaft cluster on this machine: N combined broker+controller nodes (one controller quorum), each with
// its own ports, data dir, pid file and log under one state dir, started from the repository's Kafka jars
// (infra/kafka/libs, filled by `gochat infra up`). Used by `gochat infra up --brokers 3` and by tests that kill
// and restart a broker (and may put nodes on a network namespace's address). Never touches the shared broker.
import { spawn } from 'node:child_process'
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, rmSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { logLevel } from 'kafkajs'
import { createKafka } from '../src/drivers/kafka/client.js'
import {
  brokerJavaArgs,
  KAFKA_CLUSTER_ID,
  type KafkaNodeAddress,
  kafkaVersionFromJars,
  kraftNodeProperties,
} from './kafka-config.js'
import { portAnswers, sleep, waitFor } from './net.js'
import { kafkaPaths } from './paths.js'
import { cmdline, isAlive, readPid, run, tail } from './proc.js'

export type { KafkaNodeAddress } from './kafka-config.js'

/** three JVMs on a small machine: 256 MiB heap each is plenty for test loads */
export const NODE_HEAP_OPTS = '-Xms128m -Xmx256m'
const READY_TIMEOUT_MS = 90_000

export interface KafkaNodesOptions {
  /** absolute; node-<id>/ below it holds data, server.properties, kafka.pid and kafka.log */
  stateDir: string
  nodes: KafkaNodeAddress[]
  /** default: this repository's infra/kafka/libs */
  libs?: string
  /** default KAFKA_HEAP_OPTS, else NODE_HEAP_OPTS */
  heapOpts?: string
  /**
   * the nodes die with this process even if it is SIGKILLed (setpriv --pdeathsig): for tests. Off for
   * `infra up`, whose nodes outlive the command
   */
  dieWithParent?: boolean
  /** a command every node runs under, e.g. ['ip', 'netns', 'exec', '<ns>'] for a node on a network namespace's host */
  commandPrefix?: string[]
}

export interface KafkaNodeStatus extends KafkaNodeAddress {
  address: string
  pid: number | null
  answers: boolean
  log: string
}

/** n nodes on host, ids 1..n, broker ports basePort.. and controller ports controllerBasePort.. */
export function nodeLayout(n: number, host: string, basePort: number, controllerBasePort: number): KafkaNodeAddress[] {
  if (!Number.isInteger(n) || n < 1) throw new Error(`a Kafka cluster needs at least one node, got ${n}`)
  return Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    host,
    port: basePort + i,
    controllerPort: controllerBasePort + i,
  }))
}

export class KafkaNodes {
  readonly libs: string
  private readonly heapOpts: string
  /** how each node this object spawned last exited, for the start-up error (a SIGKILL says more than an empty log) */
  private readonly exits = new Map<number, string>()

  constructor(readonly opts: KafkaNodesOptions) {
    if (!opts.stateDir.startsWith('/')) throw new Error(`stateDir must be absolute, got ${opts.stateDir}`)
    if (new Set(opts.nodes.map((n) => n.id)).size !== opts.nodes.length) throw new Error('node ids must differ')
    this.libs = opts.libs ?? kafkaPaths.libs
    this.heapOpts = opts.heapOpts ?? process.env.KAFKA_HEAP_OPTS ?? NODE_HEAP_OPTS
  }

  /** host:port of every node, for --kafka / kafka_brokers */
  get brokers(): string[] {
    return this.opts.nodes.map((n) => `${n.host}:${n.port}`)
  }

  node(id: number): KafkaNodeAddress {
    const node = this.opts.nodes.find((n) => n.id === id)
    if (!node) throw new Error(`no Kafka node ${id} (nodes: ${this.opts.nodes.map((n) => n.id).join(', ')})`)
    return node
  }

  private paths(id: number) {
    const dir = join(this.opts.stateDir, `node-${id}`)
    return {
      dir,
      data: join(dir, 'data'),
      properties: join(dir, 'server.properties'),
      pid: join(dir, 'kafka.pid'),
      log: join(dir, 'kafka.log'),
    }
  }

  /** the node's JVM if it is running (the pid file's process, checked to be that node's broker) */
  pid(id: number): number | null {
    const p = this.paths(id)
    const pid = readPid(p.pid)
    return pid && isAlive(pid) && cmdline(pid)?.includes(p.properties) ? pid : null
  }

  /**
   * The node's process is gone. Not the same as `!pid(id)`: right after a spawn the process is between exec images
   * (setpriv, then java), when /proc/<pid>/cmdline can read empty for a moment, and that is no exit.
   */
  private exited(id: number): boolean {
    if (this.exits.has(id)) return true
    const pid = readPid(this.paths(id).pid)
    if (!pid || !isAlive(pid)) return true
    const cmd = cmdline(pid)
    return cmd !== null && cmd !== '' && !cmd.includes(this.paths(id).properties)
  }

  /** formats every node not formatted yet, starts those not running, waits until the cluster serves */
  async start(): Promise<this> {
    if (!kafkaVersionFromJars(existsSync(this.libs) ? readdirSync(this.libs) : []))
      throw new Error(`no Kafka jars in ${this.libs}: run \`gochat infra up\` once (it copies them with Maven)`)
    await Promise.all(this.opts.nodes.map((n) => this.format(n.id)))
    for (const n of this.opts.nodes) if (!this.pid(n.id)) this.spawnNode(n.id)
    await this.waitReady()
    return this
  }

  private async format(id: number): Promise<void> {
    const p = this.paths(id)
    mkdirSync(p.dir, { recursive: true })
    writeFileSync(p.properties, kraftNodeProperties(this.node(id), this.opts.nodes, p.data))
    if (existsSync(join(p.data, 'meta.properties'))) return
    const res = await run('java', [
      '-Xmx128m',
      '-XX:TieredStopAtLevel=1',
      `-Dlog4j2.configurationFile=${kafkaPaths.log4j}`,
      '-cp',
      `${this.libs}/*`,
      'kafka.tools.StorageTool',
      'format',
      '--cluster-id',
      KAFKA_CLUSTER_ID,
      '--config',
      p.properties,
      '--ignore-formatted',
    ])
    if (res.code !== 0) throw new Error(`formatting Kafka node ${id} failed (exit ${res.code}):\n${res.output.trim()}`)
  }

  private spawnNode(id: number): number {
    const p = this.paths(id)
    const out = openSync(p.log, 'a')
    writeSync(out, `\n===== gochat: starting Kafka node ${id} at ${new Date().toISOString()} =====\n`)
    const java = brokerJavaArgs({
      libs: this.libs,
      log4j: kafkaPaths.log4j,
      properties: p.properties,
      heapOpts: this.heapOpts,
      lean: true,
    })
    const [cmd, args] = this.opts.dieWithParent
      ? ['setpriv', ['--pdeathsig', 'KILL', '--', 'java', ...java]]
      : ['java', java]
    // detached: its own process group, signalled as a whole; setpriv execs java, so the pid is the JVM's
    const [command, ...prefixArgs] = [...(this.opts.commandPrefix ?? []), cmd]
    const child = spawn(command!, [...prefixArgs, ...args], { cwd: p.dir, detached: true, stdio: ['ignore', out, out] })
    closeSync(out)
    child.on('error', () => undefined) // a missing java shows as a node that exits at once (waitReady names it)
    this.exits.delete(id)
    child.on('exit', (code, signal) => this.exits.set(id, signal ? `killed by ${signal}` : `exit code ${code}`))
    child.unref()
    if (!child.pid) throw new Error(`could not start Kafka node ${id} (${cmd} not found?)`)
    writeFileSync(p.pid, `${child.pid}\n`)
    return child.pid
  }

  /** every node answers and the cluster has them all, and the group coordinator is there (creates __consumer_offsets) */
  async waitReady(timeoutMs = READY_TIMEOUT_MS): Promise<void> {
    const ok = await waitFor(
      async () => {
        for (const n of this.opts.nodes) {
          if (this.exited(n.id))
            throw new Error(
              `Kafka node ${n.id} exited during start-up (${this.exits.get(n.id) ?? 'not running'}); last lines of ${this.paths(n.id).log}:\n${tail(this.paths(n.id).log)}`,
            )
        }
        return (await this.serves(this.opts.nodes.length)) ? true : undefined
      },
      { timeoutMs, intervalMs: 500 },
    )
    if (!ok)
      throw new Error(
        `Kafka nodes ${this.brokers.join(',')} not ready after ${timeoutMs / 1000} s; see ${this.opts.stateDir}/node-*/kafka.log`,
      )
  }

  /** the cluster lists `brokers` live brokers and answers a group request */
  async serves(brokers: number): Promise<boolean> {
    const kafka = createKafka(this.brokers, 'gochat-kafka-nodes', {
      logLevel: logLevel.NOTHING,
      connectionTimeout: 1000,
      requestTimeout: 5000,
      retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 500 },
    })
    const admin = kafka.admin()
    try {
      await admin.connect()
      if ((await admin.describeCluster()).brokers.length !== brokers) return false
      await admin.describeGroups(['gochat-kafka-nodes-probe'])
      return true
    } catch {
      return false
    } finally {
      await admin.disconnect().catch(() => undefined)
    }
  }

  /** SIGKILL one node's process group; resolves once it is gone (its data stays: startNode brings it back) */
  async kill(id: number, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const pid = this.pid(id)
    if (!pid) return
    try {
      process.kill(-pid, signal)
    } catch {
      /* already gone */
    }
    const gone = await waitFor(async () => (isAlive(pid) ? undefined : true), { timeoutMs: 30_000, intervalMs: 50 })
    if (!gone) throw new Error(`Kafka node ${id} (pid ${pid}) did not exit on ${signal}`)
    rmSync(this.paths(id).pid, { force: true })
  }

  /**
   * starts stopped nodes again (same data) and waits until each listens; rejoining the ISRs takes a moment more.
   * All are spawned before any is waited for: a node does not open its broker port before it reaches a
   * controller quorum, so after a loss of the whole cluster the nodes must come back together.
   */
  async startNodes(...ids: number[]): Promise<void> {
    const started = ids.filter((id) => !this.pid(id)).map((id) => ({ id, pid: this.spawnNode(id), n: this.node(id) }))
    for (const { id, pid, n } of started) {
      const up = await waitFor(
        async () => {
          if (!isAlive(pid)) throw new Error(`Kafka node ${id} exited; last lines:\n${tail(this.paths(id).log)}`)
          return (await portAnswers(n.host, n.port)) ? true : undefined
        },
        { timeoutMs: READY_TIMEOUT_MS, intervalMs: 200 },
      )
      if (!up) throw new Error(`Kafka node ${id} does not listen on ${n.host}:${n.port}`)
    }
  }

  /**
   * Stops every node: SIGTERM (controlled shutdown) when graceful, else SIGKILL. Nothing is left holding the ports.
   * With `wipe`, removes the state dir too.
   */
  async stop(opts: { graceful?: boolean; wipe?: boolean } = {}): Promise<void> {
    // the last nodes of a quorum cannot shut down in a controlled way (no controller to hand over to): SIGTERM
    // waits up to 10 s, then SIGKILL
    await Promise.all(
      this.opts.nodes.map(async (n) => {
        if (!opts.graceful) return this.kill(n.id, 'SIGKILL')
        const pid = this.pid(n.id)
        if (!pid) return
        try {
          process.kill(-pid, 'SIGTERM')
        } catch {
          /* gone */
        }
        const gone = await waitFor(async () => (isAlive(pid) ? undefined : true), { timeoutMs: 10_000 })
        if (!gone) await this.kill(n.id, 'SIGKILL')
        rmSync(this.paths(n.id).pid, { force: true })
      }),
    )
    await sleep(50)
    if (opts.wipe) rmSync(this.opts.stateDir, { recursive: true, force: true })
  }

  async status(): Promise<KafkaNodeStatus[]> {
    return Promise.all(
      this.opts.nodes.map(async (n) => ({
        ...n,
        address: `${n.host}:${n.port}`,
        pid: this.pid(n.id),
        answers: await portAnswers(n.host, n.port),
        log: this.paths(n.id).log,
      })),
    )
  }
}
