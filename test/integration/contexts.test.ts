// Named contexts through the real CLI: `gochat infra up` registers "local" (current when none is), operational
// commands use the current context for what no flag and no GOCHAT_* variable gives (flag > environment >
// context), values are checked when added, and `gochat up` ignores contexts. A temporary config dir.
import { execFile, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { infraAvailable, KAFKA } from '../helpers/infra.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const up = await infraAvailable('kafka', 'mysql', 'redis')
const dir = mkdtempSync(join(tmpdir(), 'gochat-ctx-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const prefix = `ctx${Date.now().toString(36)}`
const env = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GOCHAT_'))),
  GOCHAT_CONFIG_DIR: dir,
  GOCHAT_LOG_LEVEL: 'warn',
}

function gochat(
  args: string[],
  extraEnv: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/run.js', ...args],
      { cwd: root, env: { ...env, ...extraEnv }, timeout: 60_000 },
      (err, stdout, stderr) =>
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr }),
    )
  })
}
async function json<T>(args: string[], extraEnv: Record<string, string> = {}): Promise<T> {
  const r = await gochat([...args, '--json'], extraEnv)
  expect(r.code, r.stderr + r.stdout).toBe(0)
  return JSON.parse(r.stdout) as T
}

describe.skipIf(!up)('gochat context', () => {
  it('infra up registers "local" as the current context; commands then need no flags', async () => {
    expect((await gochat(['context', 'show'])).code).toBe(2) // none yet
    await json(['infra', 'up'])
    const shown = await json<{ name: string; current: boolean; kafka: string }>(['context', 'show'])
    expect(shown).toMatchObject({ name: 'local', current: true, kafka: '127.0.0.1:9092' })
    const topics = await json<{ topics: unknown[] }>(['topics', 'list'])
    expect(Array.isArray(topics.topics)).toBe(true)
  })

  it('flag > GOCHAT_* > context, for operational commands only', async () => {
    const added = await json<{ current: boolean }>(['context', 'add', 'dead', '--kafka', '127.0.0.1:1', '--use'])
    expect(added.current).toBe(true)
    const viaContext = await gochat(['groups', 'list', '--json'])
    expect(viaContext.code).toBe(3)
    expect(JSON.parse(viaContext.stdout).error.message).toContain('127.0.0.1:1')
    expect((await gochat(['groups', 'list', '--json'], { GOCHAT_KAFKA_BROKERS: KAFKA })).code).toBe(0)
    expect((await gochat(['groups', 'list', '--json', '--kafka', KAFKA])).code).toBe(0)

    // up stays on embedded drivers: the dead context is not used
    const child = spawn(process.execPath, ['bin/run.js', 'up', '--ephemeral', '--port=0', '--metrics-port=0'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d))
    child.stderr.on('data', (d: Buffer) => (out += d))
    const exited = new Promise((r) => child.once('exit', r))
    const deadline = Date.now() + 30_000
    while (!/gochat is up/.test(out) && child.exitCode === null && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100))
    child.kill('SIGTERM')
    await exited
    expect(out).toMatch(/gochat is up at .*embedded bus/)
  })

  it('a context carries the topic prefix; names and values are checked', async () => {
    await json(['context', 'add', 'mine', '--kafka', KAFKA, '--topic-prefix', prefix])
    expect((await json<{ current: string }>(['context', 'use', 'mine'])).current).toBe('mine')
    const list = await json<{ missing: string[] }>(['topics', 'list'])
    expect(list.missing).toContain(`${prefix}.tasks.dlq`)

    const bad = await gochat(['context', 'add', 'broken', '--kafka', 'localhost'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('from flag --kafka')
    const unknown = await gochat(['context', 'use', 'nope', '--json'])
    expect(unknown.code).toBe(2)
    expect(JSON.parse(unknown.stdout).error).toMatchObject({
      code: 'not_found',
      hint: expect.stringContaining('local'),
    })

    const all = await json<{ current: string; contexts: Array<{ name: string; current: boolean }> }>([
      'context',
      'list',
    ])
    expect(all.contexts.map((c) => [c.name, c.current])).toEqual([
      ['local', false],
      ['dead', false],
      ['mine', true],
    ])
  })
})
