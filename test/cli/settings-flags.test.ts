// Settings that had no flag: --redis-key-prefix (every command), up --persistence, serve --logic-addr and
// --repo-addr, and serve --role=all honouring --metrics-port. The real binary on embedded drivers.
import { execFile, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { TEST_JWT_SECRET } from '../helpers/secret.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GOCHAT_')))
const dir = mkdtempSync(join(tmpdir(), 'gochat-flags-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function gochat(
  args: string[],
  extraEnv: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/run.js', ...args],
      { cwd: root, env: { ...env, GOCHAT_LOG_LEVEL: 'warn', ...extraEnv }, timeout: 30_000 },
      (err, stdout, stderr) =>
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr }),
    )
  })
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })

/** runs `gochat serve …` until its ready file appears (or `until` shows in its output), then SIGTERMs it */
async function serveUntilReady(
  args: string[],
  until?: RegExp,
): Promise<{
  bound: { grpcAddrs: Record<string, string>; monitorPorts: Record<string, number>; [k: string]: unknown }
  out: string
  health?: number
}> {
  const readyFile = join(dir, `ready-${Date.now()}-${Math.random()}.json`)
  const child = spawn(process.execPath, ['bin/run.js', ...args, ...(until ? [] : [`--ready-file=${readyFile}`])], {
    cwd: root,
    // a real secret: serve refuses the public default
    env: { ...env, GOCHAT_LOG_LEVEL: 'info', GOCHAT_JWT_SECRET: TEST_JWT_SECRET },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout.on('data', (d: Buffer) => (out += d))
  child.stderr.on('data', (d: Buffer) => (out += d))
  const exited = new Promise((r) => child.once('exit', r))
  try {
    const deadline = Date.now() + 30_000
    while (until ? !until.test(out) : !existsSync(readyFile)) {
      if (child.exitCode !== null || Date.now() > deadline)
        throw new Error(`gochat ${args.join(' ')} did not get ready: ${out}`)
      await new Promise((r) => setTimeout(r, 100))
    }
    const bound = until ? {} : JSON.parse(readFileSync(readyFile, 'utf8'))
    return { bound, out }
  } finally {
    child.kill('SIGTERM')
    await exited
  }
}

describe('settings with flags', () => {
  it('serve --role=all binds --metrics-port', async () => {
    const port = await freePort()
    const { bound } = await serveUntilReady(['serve', '--role=all', '--port=0', `--metrics-port=${port}`])
    expect(bound.monitorPorts).toEqual({ task: port })
  })

  it('serve --role=logic listens on --logic-addr; serve --help lists the addresses', async () => {
    const port = await freePort()
    const { bound } = await serveUntilReady([
      'serve',
      '--role=logic',
      '--metrics-port=0',
      `--logic-addr=127.0.0.1:${port}`,
    ])
    expect(bound.grpcAddrs.logic).toBe(`127.0.0.1:${port}`)
    const help = await gochat(['serve', '--help'])
    for (const flag of ['--logic-addr', '--repo-addr', '--redis-key-prefix', '--persistence'])
      expect(help.stdout).toContain(flag)
  })

  it('up --persistence async runs logic in async mode; a bad value is refused', async () => {
    const { out } = await serveUntilReady(
      ['up', '--ephemeral', '--port=0', '--metrics-port=0', '--persistence', 'async'],
      /gochat is up at/,
    )
    expect(out).toMatch(/"msg":"logic role ready".*"persistence":"async"/)
    // the instance id names the gateway: only its lines carry it
    const lines = out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { role: string; instance?: string; msg: string })
    expect(lines.filter((l) => ['logic', 'repo', 'task'].includes(l.role)).length).toBeGreaterThan(0)
    for (const l of lines.filter((l) => l.role !== 'gateway')) expect(l.instance, `${l.role}: ${l.msg}`).toBeUndefined()
    expect(lines.find((l) => l.msg === 'gateway listening')?.instance).toBe('gw-1')
    const bad = await gochat(['up', '--persistence', 'later'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/sync, async|sync\|async/)
  })

  it('a lone role without Kafka says it runs on a private bus', async () => {
    const { out } = await serveUntilReady(['serve', '--role=gateway', '--port=0'])
    expect(out).toMatch(/"level":"warn".*no Kafka configured: gateway runs on a private in-process bus/)
  })

  it('--redis-key-prefix reaches the configuration (its validation names the flag)', async () => {
    const r = await gochat(['up', '--redis-key-prefix', 'bad prefix!'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('invalid redis_key_prefix from flag --redis-key-prefix: "bad prefix!"')
  })
})
