// Faults by name. `kill:<role>` SIGKILLs the first process of the role and starts it again after a while
// (a supervised cluster restarts it by itself); `redis:flush` deletes the deployment's keys (its
// redis_key_prefix) on its Redis; `redis:restart` kills the harness's own Redis (RedisServer) and starts it again
// empty after 2 s; `mysql:restart` SIGKILLs the harness's own MariaDB (MariadbServer) and starts it again on its
// data after 2 s. The promise resolves once the fault is over (the process is back).
import { Redis } from 'ioredis'
import type { Cluster } from '../../runtime/cluster.js'
import type { MariadbServer } from './mariadb-server.js'
import type { RedisServer } from './redis-server.js'

export const FAULTS = [
  'none',
  'kill:task',
  'kill:repo',
  'kill:logic',
  'kill:gateway',
  'redis:flush',
  'redis:restart',
  'mysql:restart',
  // kafka:restart (a broker of the harness's own) belongs here, with its server beside the two below
] as const
/** how long a restarted Redis or MariaDB stays down */
const DOWN_MS = 2000

/** servers of the harness's own that the cluster uses, which the `*:restart` faults may kill */
export interface OwnServers {
  redis?: RedisServer
  mysql?: MariadbServer
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** the process a `kill:<role>` fault hits: the first of its role */
export function victim(cluster: Cluster, role: string): string {
  const name = [...cluster.procs.keys()].find((n) =>
    role === 'gateway' ? n.startsWith('gw-') : n === role || n.startsWith(`${role}-`),
  )
  if (!name) throw new Error(`no ${role} process in the cluster`)
  return name
}

export async function deleteKeys(redisUrl: string, prefix: string): Promise<number> {
  if (!prefix) throw new Error("redis:flush needs a redis_key_prefix (it deletes that prefix's keys only)")
  const redis = new Redis(redisUrl, { lazyConnect: true })
  await redis.connect()
  let deleted = 0
  try {
    let cursor = '0'
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000)
      if (keys.length) deleted += await redis.del(...keys)
      cursor = next
    } while (cursor !== '0')
  } finally {
    redis.disconnect()
  }
  return deleted
}

export async function injectFault(
  cluster: Cluster,
  fault: string,
  restartAfterMs: number,
  own: OwnServers = {},
): Promise<void> {
  if (fault === 'none') return
  if (fault === 'redis:restart' || fault === 'mysql:restart') {
    const server = fault === 'redis:restart' ? own.redis : own.mysql
    if (!server) throw new Error(`${fault} needs a server of the harness's own (gochat chaos starts one for it)`)
    await server.down()
    await sleep(DOWN_MS)
    await server.up()
    return
  }
  if (fault === 'redis:flush') {
    await deleteKeys(cluster.opts.redis, cluster.opts.env?.GOCHAT_REDIS_KEY_PREFIX ?? '')
    return
  }
  const kill = /^kill:(task|repo|logic|gateway)$/.exec(fault)
  if (!kill) throw new Error(`unknown fault ${fault} (known: ${FAULTS.join(', ')})`)
  const name = victim(cluster, kill[1]!)
  await cluster.kill(name, 'SIGKILL')
  await sleep(restartAfterMs)
  await cluster.ensureRunning(name)
}
