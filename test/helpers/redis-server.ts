// Redis servers of a test's own (redis-server on free ports, data in a temp dir): one server with whatever extra
// arguments (AUTH, TLS), or a three-master Redis Cluster. Never the shared Redis on 6379. Each server runs under
// a small shell watchdog in its own process group: it ends the server when this test process goes away, even
// killed, so no orphan keeps a port; stop() ends the group and removes the dir.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { portAnswers, waitFor } from '../../infra/net.js'
import { clusterServerArgs, formRedisCluster } from '../../infra/redis-cluster.js'

export interface OwnRedis {
  port: number
  /** the port the test should talk to (the TLS port when there is one) */
  url: string
  stop(): Promise<void>
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
  })
}

/** starts redis-server on a free port with `args`; resolves once it accepts connections */
export async function startRedisServer(
  args: string[] = [],
  opts: { dir?: string; port?: number } = {},
): Promise<OwnRedis> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'gochat-redis-'))
  const port = opts.port ?? (await freePort())
  const argv = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--save',
    '',
    '--appendonly',
    'no',
    ...args,
  ]
  const quoted = argv.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ')
  // the watchdog: the server dies with the test process (its pid is $1) or with the group, and its dir goes
  const script = `redis-server ${quoted} >"${dir}/redis-${port}.log" 2>&1 & r=$!; trap 'kill $r 2>/dev/null; wait $r; rm -rf "${dir}"' EXIT; trap 'exit' TERM; while kill -0 $1 2>/dev/null && kill -0 $r 2>/dev/null; do sleep 0.5; done`
  const child = spawn('bash', ['-c', script, 'watchdog', String(process.pid)], { detached: true, stdio: 'ignore' })
  child.unref()
  const stop = async () => {
    try {
      process.kill(-child.pid!, 'SIGTERM')
    } catch {}
    await waitFor(async () => ((await portAnswers('127.0.0.1', port, 200)) ? undefined : true), { timeoutMs: 5000 })
    if (!opts.dir) rmSync(dir, { recursive: true, force: true })
  }
  const up = await waitFor(async () => ((await portAnswers('127.0.0.1', port, 200)) ? true : undefined), {
    timeoutMs: 10_000,
  })
  if (!up) {
    await stop()
    throw new Error(`redis-server ${argv.join(' ')} did not answer on port ${port}`)
  }
  return { port, url: `redis://127.0.0.1:${port}`, stop }
}

/** A Redis Cluster of `masters` masters (no replicas), every slot assigned (infra's formRedisCluster); url is redis+cluster://… */
export async function startRedisCluster(masters = 3): Promise<OwnRedis & { nodes: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'gochat-redis-cluster-'))
  const servers: OwnRedis[] = []
  const stop = async () => {
    await Promise.all(servers.map((s) => s.stop()))
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    for (let i = 0; i < masters; i++) {
      const [port, busPort] = [await freePort(), await freePort()]
      servers.push(await startRedisServer(clusterServerArgs(port, busPort), { dir, port }))
    }
    const nodes = servers.map((s) => `127.0.0.1:${s.port}`)
    await formRedisCluster(nodes)
    return { port: servers[0]!.port, nodes, url: `redis+cluster://${nodes.join(',')}`, stop }
  } catch (err) {
    await stop()
    throw err
  }
}
