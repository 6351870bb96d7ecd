// MariaDB on 127.0.0.1:3306 (root, empty password). It is a system service on this machine: `infra up` uses it
// when it answers and starts it (the same way the machine's boot does) only when it does not.
import { chownSync, existsSync, mkdirSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import mysql from 'mysql2/promise'
import { portAnswers, waitFor } from './net.js'
import { isAlive, readPid, run } from './proc.js'
import { markStarted, markStopped, startedByUs } from './state.js'
import type { ComponentStatus, DownAction, Progress, UpAction } from './types.js'

export const MYSQL_HOST = '127.0.0.1'
export const MYSQL_PORT = 3306
export const MYSQL_DATABASE = 'gochat'
const MARIADBD = '/usr/sbin/mariadbd'
const address = `${MYSQL_HOST}:${MYSQL_PORT}`
const url = `mysql://root@${address}/${MYSQL_DATABASE}`

async function connectRoot(): Promise<mysql.Connection> {
  return mysql.createConnection({
    host: MYSQL_HOST,
    port: MYSQL_PORT,
    user: 'root',
    password: '',
    connectTimeout: 2000,
  })
}

interface ServerInfo {
  version: string
  pidFile: string | null
  logError: string | null
}

/** Asks the server itself (a port that accepts is not yet a server that answers queries). */
async function serverInfo(): Promise<ServerInfo | undefined> {
  if (!(await portAnswers(MYSQL_HOST, MYSQL_PORT))) return undefined
  let conn: mysql.Connection | undefined
  try {
    conn = await connectRoot()
    const [rows] = await conn.query(
      'SELECT @@version AS version, @@pid_file AS pidFile, @@log_error AS logError, @@datadir AS datadir',
    )
    const r = (rows as Array<Record<string, string>>)[0]!
    // an empty or relative log_error is relative to the data directory (or stderr when empty)
    const logError = !r.logError ? null : r.logError.startsWith('/') ? r.logError : `${r.datadir}${r.logError}`
    return { version: r.version!, pidFile: r.pidFile || null, logError }
  } catch {
    return undefined
  } finally {
    await conn?.end().catch(() => undefined)
  }
}

export async function mysqlStatus(): Promise<ComponentStatus> {
  const info = await serverInfo()
  return {
    name: 'mysql',
    address,
    url,
    answers: info !== undefined,
    pid: info?.pidFile ? readPid(info.pidFile) : null,
    startedByUs: startedByUs('mysql'),
    log: info?.logError ?? null,
    version: info?.version ?? null,
  }
}

/** A mariadbd process exists (it may be starting up, or still flushing after its port has closed). */
async function processRunning(): Promise<boolean> {
  return (await run('start-stop-daemon', ['--status', '--exec', MARIADBD]).catch(() => ({ code: 3 }))).code === 0
}

async function start(progress: Progress): Promise<void> {
  // /run is a tmpfs: after a reboot the socket/pid directory is gone and mariadbd (running as mysql) cannot create it
  if (!existsSync('/run/mysqld') && process.getuid?.() === 0) {
    mkdirSync('/run/mysqld', { recursive: true })
    try {
      const uid = Number(execFileSync('id', ['-u', 'mysql'], { encoding: 'utf8' }).trim())
      const gid = Number(execFileSync('id', ['-g', 'mysql'], { encoding: 'utf8' }).trim())
      chownSync('/run/mysqld', uid, gid)
    } catch {
      /* no mysql user: mariadbd runs as whoever starts it */
    }
  }
  progress(`MariaDB does not answer on ${address}: starting ${MARIADBD}`)
  const res = await run('start-stop-daemon', ['--start', '--oknodo', '--background', '--exec', MARIADBD])
  if (res.code !== 0)
    throw new Error(`could not start MariaDB (start-stop-daemon exit ${res.code}): ${res.output.trim()}`)
  const ok = await waitFor(serverInfo, {
    timeoutMs: 60_000,
    onWaiting: (s) => progress(`waiting for MariaDB on ${address} (${s} s)…`),
  })
  if (!ok) throw new Error(`MariaDB started but does not answer on ${address} after 60 s; see /var/log/mysql/error.log`)
}

async function ensureDatabase(): Promise<void> {
  const conn = await connectRoot()
  try {
    await conn.query(
      `CREATE DATABASE IF NOT EXISTS \`${MYSQL_DATABASE}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    )
  } finally {
    await conn.end()
  }
}

export async function mysqlUp(progress: Progress): Promise<UpAction> {
  let action: UpAction = 'already running'
  if (!(await serverInfo())) {
    // A mariadbd without an answering port is starting or shutting down; start-stop-daemon --oknodo would then do
    // nothing, so first wait for it to finish either way.
    if (await processRunning()) {
      progress(`a mariadbd process exists but ${address} does not answer yet: waiting for it to start or exit`)
      await waitFor(async () => ((await serverInfo()) || !(await processRunning()) ? true : undefined), {
        timeoutMs: 60_000,
      })
    }
    if (!(await serverInfo())) {
      await start(progress)
      markStarted('mysql', null)
      action = 'started'
    }
  }
  await ensureDatabase()
  return action
}

export async function mysqlDown(progress: Progress): Promise<DownAction> {
  const info = await serverInfo()
  if (!info) {
    markStopped('mysql')
    return 'not running'
  }
  if (!startedByUs('mysql')) return 'left running (not started by infra up)'
  progress(`stopping MariaDB on ${address}`)
  // SHUTDOWN (MariaDB ≥ 10.0.4) is a clean stop that needs no signals; the server drops our connection
  const conn = await connectRoot()
  await conn.query('SHUTDOWN').catch(() => undefined)
  conn.destroy()
  // the port closes first and InnoDB flushes afterwards: done means the process is gone, not the port
  const pid = info.pidFile ? readPid(info.pidFile) : null
  const gone = await waitFor(async () => ((pid ? isAlive(pid) : await processRunning()) ? undefined : true), {
    timeoutMs: 60_000,
    onWaiting: (s) => progress(`waiting for MariaDB to stop (${s} s)…`),
  })
  if (!gone)
    throw new Error(
      `MariaDB (${address}) is still running 60 s after SHUTDOWN; see ${info.logError ?? 'its error log'}`,
    )
  markStopped('mysql')
  return 'stopped'
}
