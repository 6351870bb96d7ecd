// Redis on 127.0.0.1:6379. Used when it answers; started (in-memory only, no persistence) when it does not.
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { Redis } from 'ioredis'
import { portAnswers, waitFor } from './net.js'
import { redisPaths } from './paths.js'
import { isAlive, run } from './proc.js'
import { markStarted, markStopped, startedByUs } from './state.js'
import type { ComponentStatus, DownAction, Progress, UpAction } from './types.js'

export const REDIS_HOST = '127.0.0.1'
export const REDIS_PORT = 6379
const address = `${REDIS_HOST}:${REDIS_PORT}`
const url = `redis://${address}`

/** One short-lived connection that never retries: a status probe must not hang or reconnect forever. */
async function withRedis<T>(fn: (r: Redis) => Promise<T>): Promise<T | undefined> {
  if (!(await portAnswers(REDIS_HOST, REDIS_PORT))) return undefined
  const r = new Redis({
    host: REDIS_HOST,
    port: REDIS_PORT,
    lazyConnect: true,
    connectTimeout: 1000,
    commandTimeout: 2000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  })
  r.on('error', () => undefined)
  try {
    await r.connect()
    return await fn(r)
  } catch {
    return undefined
  } finally {
    r.disconnect()
  }
}

interface ServerInfo {
  pid: number | null
  version: string | null
  log: string | null
}

async function serverInfo(): Promise<ServerInfo | undefined> {
  return withRedis(async (r) => {
    const info = await r.info('server')
    const field = (k: string) => new RegExp(`^${k}:(.*)$`, 'm').exec(info)?.[1]?.trim() ?? null
    const logfile = ((await r.config('GET', 'logfile')) as string[])[1] || null
    return { pid: Number(field('process_id')) || null, version: field('redis_version'), log: logfile }
  })
}

export async function redisStatus(): Promise<ComponentStatus> {
  const info = await serverInfo()
  return {
    name: 'redis',
    address,
    url,
    answers: info !== undefined,
    pid: info?.pid ?? null,
    startedByUs: startedByUs('redis'),
    log: info?.log ?? null,
    version: info?.version ?? null,
  }
}

export async function redisUp(progress: Progress): Promise<UpAction> {
  if (await serverInfo()) return 'already running'
  progress(`Redis does not answer on ${address}: starting redis-server`)
  mkdirSync(dirname(redisPaths.log), { recursive: true })
  // the machine's own start command, plus a log file (daemonized, it would otherwise log to /dev/null)
  const args = [
    '--daemonize',
    'yes',
    '--bind',
    REDIS_HOST,
    '--port',
    String(REDIS_PORT),
    '--save',
    '',
    '--appendonly',
    'no',
    '--logfile',
    redisPaths.log,
  ]
  const res = await run('redis-server', args)
  if (res.code !== 0) throw new Error(`could not start Redis (redis-server exit ${res.code}): ${res.output.trim()}`)
  const info = await waitFor(serverInfo, {
    timeoutMs: 30_000,
    onWaiting: (s) => progress(`waiting for Redis on ${address} (${s} s)…`),
  })
  if (!info) throw new Error(`Redis started but does not answer on ${address} after 30 s; see ${redisPaths.log}`)
  markStarted('redis', info.pid)
  return 'started'
}

export async function redisDown(progress: Progress): Promise<DownAction> {
  const info = await serverInfo()
  if (!info) {
    markStopped('redis')
    return 'not running'
  }
  if (!startedByUs('redis')) return 'left running (not started by infra up)'
  progress(`stopping Redis on ${address}`)
  // the server closes the connection instead of replying, so the command's own error is expected
  await withRedis((r) => r.shutdown('NOSAVE').catch(() => undefined))
  const stopped = async () => (info.pid ? !isAlive(info.pid) : !(await portAnswers(REDIS_HOST, REDIS_PORT)))
  const gone = await waitFor(async () => ((await stopped()) ? true : undefined), { timeoutMs: 30_000 })
  if (!gone) throw new Error(`Redis (${address}, pid ${info.pid}) is still running 30 s after SHUTDOWN`)
  markStopped('redis')
  return 'stopped'
}
