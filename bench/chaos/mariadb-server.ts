// A throwaway MariaDB of the chaos harness, so that `mysql:restart` can SIGKILL it and start it again without
// touching the shared MariaDB: its own data directory (mariadb-install-db into a temp dir, root with an empty
// password), port and socket. Unlike the harness's Redis it keeps its data across a restart (InnoDB recovers it),
// as a real database would. It dies with the process that started it; stop() also removes its directory.
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import mysql from 'mysql2/promise'
import { freePort } from './free-port.js'
import { killAndWait } from '../../infra/proc.js'

const run = promisify(execFile)

export class MariadbServer {
  private child?: ChildProcess
  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  /** mysql:// URL of the server (append a database name) */
  get url(): string {
    return `mysql://root@127.0.0.1:${this.port}`
  }

  /** installs a fresh data directory (a few seconds) and starts the server */
  static async start(): Promise<MariadbServer> {
    const dir = mkdtempSync(join(tmpdir(), 'gochat-mariadb-'))
    const m = new MariadbServer(await freePort(), dir)
    try {
      await run('mariadb-install-db', [
        '--no-defaults',
        `--datadir=${join(dir, 'data')}`,
        '--auth-root-authentication-method=normal',
        '--skip-test-db',
      ]).catch((err: Error & { stderr?: string }) => {
        throw new Error(`mariadb-install-db failed (is MariaDB server installed?): ${err.stderr || err.message}`)
      })
      await m.up()
      return m
    } catch (err) {
      await m.stop()
      throw err
    }
  }

  /** starts mariadbd on its data directory and resolves once it answers a query */
  async up(): Promise<void> {
    const args = [
      '--no-defaults',
      `--datadir=${join(this.dir, 'data')}`,
      `--port=${this.port}`,
      '--bind-address=127.0.0.1',
      `--socket=${join(this.dir, 'mysqld.sock')}`,
      `--pid-file=${join(this.dir, 'mysqld.pid')}`,
      '--skip-name-resolve',
      '--skip-log-bin',
      '--innodb-buffer-pool-size=32M',
      `--log-error=${join(this.dir, 'error.log')}`,
    ]
    // mariadbd refuses to run as root unless told to
    if (process.getuid?.() === 0) args.push('--user=root')
    const child = spawn('mariadbd', args, { stdio: 'ignore' })
    this.child = child
    const onExit = () => child.kill('SIGKILL')
    process.once('exit', onExit)
    child.once('exit', () => process.off('exit', onExit))
    for (let i = 0; i < 300; i++) {
      const ok = await mysql
        .createConnection({ host: '127.0.0.1', port: this.port, user: 'root', connectTimeout: 1000 })
        .then(async (c) => {
          await c.query('SELECT 1')
          await c.end()
          return true
        })
        .catch(() => false)
      if (ok) return
      if (child.exitCode !== null)
        throw new Error(`mariadbd on port ${this.port} exited (${child.exitCode}); see ${this.dir}/error.log`)
      await new Promise((r) => setTimeout(r, 100))
    }
    throw new Error(`mariadbd on port ${this.port} did not answer; see ${this.dir}/error.log`)
  }

  /** SIGKILL: what a crash or a pulled plug does (committed data survives, by InnoDB's recovery) */
  async down(): Promise<void> {
    await killAndWait(this.child)
  }

  /** kills the server and removes its data directory */
  async stop(): Promise<void> {
    await this.down()
    rmSync(this.dir, { recursive: true, force: true })
  }
}
