// Processes die with their supervisor: SIGTERM to `npx gochat up` stops the node process npm started, and
// SIGKILL of `gochat cluster up` (real Kafka, MySQL, Redis) takes every `gochat serve` child with it.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { dropDatabase, deleteTopicsWithPrefix } from '../helpers/cleanup.js'
import { infraAvailable, KAFKA, MYSQL, REDIS } from '../helpers/infra.js'
import { deleteKeys, testKeyPrefix } from '../helpers/redis.js'
import { until } from '../helpers/until.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const up = await infraAvailable('kafka', 'mysql', 'redis')
const env = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !k.startsWith('GOCHAT_') && !k.startsWith('npm_')),
)

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
/** pids of the processes whose parent is pid */
const childrenOf = async (pid: number): Promise<number[]> => {
  const { execFileSync } = await import('node:child_process')
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .filter(Boolean)
      .map(Number)
  } catch {
    return []
  }
}
const started: ChildProcess[] = []
const leftovers: number[] = []

afterAll(() => {
  // whatever a failed case left running, by pid
  for (const pid of leftovers) if (alive(pid)) process.kill(pid, 'SIGKILL')
  for (const c of started) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
})

/** spawns, collecting output, resolving when `ready` matches it */
function launch(
  cmd: string,
  args: string[],
  extraEnv: Record<string, string>,
  ready: RegExp,
): { child: ChildProcess; out: () => string; ready: Promise<string> } {
  const child = spawn(cmd, args, {
    cwd: root,
    env: { ...env, GOCHAT_LOG_LEVEL: 'warn', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  started.push(child)
  let out = ''
  const isReady = new Promise<string>((resolve, reject) => {
    const seen = (d: Buffer) => {
      out += d
      if (ready.test(out)) resolve(out)
    }
    child.stdout!.on('data', seen)
    child.stderr!.on('data', seen)
    child.once('exit', (code) => reject(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${out}`)))
  })
  return { child, out: () => out, ready: isReady }
}

describe('supervision', () => {
  it('SIGTERM to npx gochat up stops the node process too', async () => {
    const { child, ready } = launch(
      'npx',
      ['--no-install', 'gochat', 'up', '--ephemeral', '--port', '0', '--metrics-port', '0'],
      {},
      /gochat is up at/,
    )
    await ready
    // npx → sh → node bin/run.js: the node process, wherever it is below npx
    const below = async (pid: number): Promise<number[]> =>
      (await Promise.all((await childrenOf(pid)).map(async (c) => [c, ...(await below(c))]))).flat()
    const tree = await below(child.pid!)
    expect(tree.length).toBeGreaterThan(0)
    leftovers.push(...tree)
    child.kill('SIGTERM')
    const gone = await until(
      async () => tree.filter(alive),
      (l) => l.length === 0,
      20_000,
    )
    expect(gone).toEqual([])
  })

  it.skipIf(!up)(
    'SIGKILL of gochat cluster up takes its processes with it',
    async () => {
      const prefix = `sup${Date.now().toString(36)}`
      const mysql = `${MYSQL}/gochat_${prefix}`
      const keyPrefix = testKeyPrefix('sup')
      const logDir = mkdtempSync(join(tmpdir(), 'gochat-sup-'))
      try {
        const { child, ready, out } = launch(
          process.execPath,
          [
            'bin/run.js',
            'cluster',
            'up',
            '--gateways',
            '1',
            '--tasks',
            '1',
            '--json',
            '--log-dir',
            logDir,
            '--kafka',
            KAFKA,
            '--mysql',
            mysql,
            '--redis',
            REDIS,
            '--topic-prefix',
            prefix,
          ],
          { GOCHAT_REDIS_KEY_PREFIX: keyPrefix },
          /"processes"/,
        )
        await ready
        const line = out()
          .split('\n')
          .find((l) => l.includes('"processes"'))!
        const pids = (JSON.parse(line) as { processes: Array<{ pid: number }> }).processes.map((p) => p.pid)
        expect(pids).toHaveLength(4)
        // a progress line per process as it became healthy, on stderr
        for (const name of ['repo', 'logic', 'task-1', 'gw-1'])
          expect(out()).toMatch(new RegExp(`^${name} ready \\(pid \\d+, [\\d.]+ s; \\d/4\\)$`, 'm'))
        leftovers.push(...pids)
        expect(pids.every(alive)).toBe(true)
        child.kill('SIGKILL')
        const left = await until(
          async () => pids.filter(alive),
          (l) => l.length === 0,
          30_000,
        )
        expect(left).toEqual([])
      } finally {
        rmSync(logDir, { recursive: true, force: true })
        await dropDatabase(mysql).catch(() => undefined)
        await deleteTopicsWithPrefix(prefix).catch(() => undefined)
        await deleteKeys(keyPrefix).catch(() => undefined)
      }
    },
    180_000,
  )
})
