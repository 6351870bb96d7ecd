// `gochat infra up --redis-cluster`: a three-master Redis Cluster beside the Redis of 6379 (which it never
// touches): redis-server --cluster-enabled on 127.0.0.1:7001–7003 (cluster bus on port + 10000), daemonized, state
// and logs in .gochat/redis-cluster/node-<port>/, no persistence. Recorded in infra-state.json as "redis-cluster"
// so `infra down` stops it (and removes its state: the next `up` makes a fresh cluster). formRedisCluster and
// clusterServerArgs are also how tests make Redis Clusters of their own (test/helpers/redis-server.ts).
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { portAnswers, waitFor } from './net.js'
import { stateDir } from './paths.js'
import { isAlive, run } from './proc.js'
import { markStarted, markStopped, startedByUs } from './state.js'
import type { ComponentStatus, DownAction, Progress, UpAction } from './types.js'

export const REDIS_CLUSTER_HOST = '127.0.0.1'
export const REDIS_CLUSTER_PORTS = [7001, 7002, 7003] as const
const dir = join(stateDir, 'redis-cluster')
const nodes = REDIS_CLUSTER_PORTS.map((p) => `${REDIS_CLUSTER_HOST}:${p}`)

/** how gochat is pointed at it: --redis and the context's redis */
export const REDIS_CLUSTER_URL = `redis+cluster://${nodes.join(',')}`

/** the arguments that make a redis-server a cluster node (its node table in `dir`, named after its port) */
export const clusterServerArgs = (port: number, busPort: number): string[] => [
  '--cluster-enabled',
  'yes',
  '--cluster-config-file',
  `nodes-${port}.conf`,
  '--cluster-port',
  String(busPort),
]

const cli = (port: number, ...args: string[]) =>
  run('redis-cli', ['-h', REDIS_CLUSTER_HOST, '-p', String(port), ...args])

/** true once the node at host:port sees every slot served (cluster_state:ok) */
async function clusterOk(address: string): Promise<boolean> {
  const at = address.lastIndexOf(':')
  const [host, port] = [address.slice(0, at), address.slice(at + 1)]
  if (!(await portAnswers(host, Number(port), 500))) return false
  return (await run('redis-cli', ['-h', host, '-p', port, 'cluster', 'info'])).output.includes('cluster_state:ok')
}

/**
 * Makes a cluster of masters only (no replicas) from empty cluster-enabled servers at `addresses` (host:port),
 * every slot assigned, and waits until every node agrees the cluster is ok.
 */
export async function formRedisCluster(addresses: string[]): Promise<void> {
  const made = await run('redis-cli', ['--cluster', 'create', ...addresses, '--cluster-replicas', '0', '--cluster-yes'])
  if (made.code !== 0) throw new Error(`redis-cli --cluster create failed: ${made.output.trim()}`)
  const ok = await waitFor(
    async () => ((await Promise.all(addresses.map(clusterOk))).every(Boolean) ? true : undefined),
    {
      timeoutMs: 20_000,
    },
  )
  if (!ok) throw new Error(`Redis Cluster on ${addresses.join(',')} did not reach cluster_state:ok`)
}

interface NodeInfo {
  pid: number | null
  version: string | null
}

async function nodeInfo(port: number): Promise<NodeInfo | undefined> {
  if (!(await portAnswers(REDIS_CLUSTER_HOST, port, 500))) return undefined
  const res = await cli(port, 'info', 'server')
  if (res.code !== 0 || !res.output.includes('redis_version')) return undefined
  const field = (k: string) => new RegExp(`^${k}:(.*)$`, 'm').exec(res.output)?.[1]?.trim() ?? null
  return { pid: Number(field('process_id')) || null, version: field('redis_version') }
}

const nodeLog = (port: number) => join(dir, `node-${port}`, 'redis.log')

export async function redisClusterUp(progress: Progress): Promise<UpAction> {
  const answering = await Promise.all(REDIS_CLUSTER_PORTS.map((p) => portAnswers(REDIS_CLUSTER_HOST, p, 500)))
  if (answering.every(Boolean) && (await Promise.all(nodes.map(clusterOk))).every(Boolean)) return 'already running'
  if (answering.some(Boolean))
    throw new Error(
      `something already listens on ${nodes.filter((_, i) => answering[i]).join(', ')} but is not a working Redis Cluster of ${nodes.join(',')}; stop it (\`gochat infra down\` if infra up started it) and try again`,
    )
  progress(`starting a three-master Redis Cluster on ${nodes.join(',')} (logs: ${dir}/node-*/redis.log)`)
  // a fresh cluster each time: node tables of an earlier one would make `--cluster create` refuse
  rmSync(dir, { recursive: true, force: true })
  markStarted('redis-cluster', null)
  for (const port of REDIS_CLUSTER_PORTS) {
    const nodeDir = join(dir, `node-${port}`)
    mkdirSync(nodeDir, { recursive: true })
    const res = await run('redis-server', [
      '--daemonize',
      'yes',
      '--bind',
      REDIS_CLUSTER_HOST,
      '--port',
      String(port),
      '--dir',
      nodeDir,
      '--save',
      '',
      '--appendonly',
      'no',
      '--logfile',
      nodeLog(port),
      ...clusterServerArgs(port, port + 10_000),
    ])
    if (res.code !== 0)
      throw new Error(`could not start redis-server on port ${port} (exit ${res.code}): ${res.output.trim()}`)
  }
  const up = await waitFor(
    async () => ((await Promise.all(REDIS_CLUSTER_PORTS.map(nodeInfo))).every(Boolean) ? true : undefined),
    { timeoutMs: 30_000, onWaiting: (s) => progress(`waiting for redis-server on ${nodes.join(',')} (${s} s)…`) },
  )
  if (!up) throw new Error(`redis-server started but does not answer on all of ${nodes.join(',')}; see ${dir}`)
  await formRedisCluster(nodes)
  return 'started'
}

export async function redisClusterDown(progress: Progress): Promise<DownAction> {
  const infos = await Promise.all(REDIS_CLUSTER_PORTS.map(nodeInfo))
  if (infos.every((i) => i === undefined)) {
    if (startedByUs('redis-cluster')) rmSync(dir, { recursive: true, force: true })
    markStopped('redis-cluster')
    return 'not running'
  }
  if (!startedByUs('redis-cluster')) return 'left running (not started by infra up)'
  progress(`stopping the Redis Cluster on ${nodes.join(',')}`)
  // the server closes the connection instead of replying, so redis-cli's own error is expected
  await Promise.all(REDIS_CLUSTER_PORTS.map((p, i) => (infos[i] ? cli(p, 'shutdown', 'nosave') : undefined)))
  const gone = await waitFor(
    async () => {
      const alive = await Promise.all(
        REDIS_CLUSTER_PORTS.map(async (p, i) => {
          const pid = infos[i]?.pid
          return pid ? isAlive(pid) : portAnswers(REDIS_CLUSTER_HOST, p, 200)
        }),
      )
      return alive.some(Boolean) ? undefined : true
    },
    { timeoutMs: 30_000 },
  )
  if (!gone) throw new Error(`the Redis Cluster on ${nodes.join(',')} is still running 30 s after SHUTDOWN`)
  rmSync(dir, { recursive: true, force: true })
  markStopped('redis-cluster')
  return 'stopped'
}

/** one row per node (redis-7001, …) while the cluster is up or recorded as started, none otherwise */
export async function redisClusterStatus(): Promise<ComponentStatus[]> {
  const infos = await Promise.all(REDIS_CLUSTER_PORTS.map(nodeInfo))
  const ours = startedByUs('redis-cluster')
  if (!ours && infos.every((i) => i === undefined)) return []
  return Promise.all(
    REDIS_CLUSTER_PORTS.map(async (port, i) => ({
      name: `redis-${port}` as const,
      address: nodes[i]!,
      url: REDIS_CLUSTER_URL,
      // answering as a member of a working cluster, not just accepting connections
      answers: infos[i] !== undefined && (await clusterOk(nodes[i]!)),
      pid: infos[i]?.pid ?? null,
      startedByUs: ours,
      log: ours ? nodeLog(port) : null,
      version: infos[i]?.version ?? null,
    })),
  )
}
