// `gochat up` / `gochat serve` with a dependency that does not answer: one line per failure naming the
// dependency, its address and what to check, exit code 3, no driver logs or stacks. Ports 1-3 of 127.0.0.1
// refuse connections, so no infrastructure is needed. A port taken by another process: refused before any role
// starts, naming the flag the command has. `bench` refused by its target: an operator error, not a stack.
import { execFile } from 'node:child_process'
import { createServer, type Server } from 'node:net'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startUp } from '../helpers/up.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GOCHAT_')))

function gochat(args: string[]): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  const started = Date.now()
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/run.js', ...args], { cwd: root, env, timeout: 90_000 }, (err, stdout, stderr) =>
      resolve({
        code: err ? (typeof err.code === 'number' ? err.code : -1) : 0,
        stdout,
        stderr,
        ms: Date.now() - started,
      }),
    )
  })
}

describe('start-up failures are one line each', () => {
  it('up --kafka to a closed port', async () => {
    const r = await gochat(['up', '--kafka', '127.0.0.1:1', '--port', '0', '--metrics-port', '0'])
    expect(r.code).toBe(3)
    expect(r.stderr.trim().split('\n')).toEqual([
      'Error: Kafka at 127.0.0.1:1 did not answer (ECONNREFUSED); check --kafka and `gochat infra status`',
      expect.stringMatching(/^Hint: .*gochat infra up/),
    ])
    expect(r.stdout).toBe('')
  })

  it('serve with Kafka, MySQL and Redis all unreachable names each', async () => {
    const r = await gochat([
      'serve',
      '--role=repo',
      '--kafka',
      '127.0.0.1:1',
      '--mysql',
      'mysql://root@127.0.0.1:2/gochat',
      '--redis',
      'redis://127.0.0.1:3',
      '--metrics-port',
      '0',
    ])
    expect(r.code).toBe(3)
    const lines = r.stderr.trim().split('\n')
    expect(lines).toHaveLength(4)
    expect(lines[0]).toMatch(/^Error: Kafka at 127\.0\.0\.1:1 .*--kafka/)
    expect(lines[1]).toMatch(/^Error: MySQL at 127\.0\.0\.1:2 .*--mysql .*gochat infra status/)
    expect(lines[2]).toMatch(/^Error: Redis at 127\.0\.0\.1:3 .*--redis .*gochat infra status/)
    expect(r.stderr).not.toMatch(/KafkaJS|ioredis|\n\s+at /)
  })

  it('bench fanout against gateways that do not answer names each one', async () => {
    const r = await gochat(['bench', 'fanout', '--gateway', 'http://127.0.0.1:1,http://127.0.0.1:2', '--no-progress'])
    expect(r.code).toBe(3)
    expect(r.stderr).toContain(
      'Error: gateway http://127.0.0.1:1 did not answer (port 1 is one that fetch refuses to use)',
    )
    expect(r.stderr).toContain('Error: gateway http://127.0.0.1:2 did not answer (ECONNREFUSED)')
    expect(r.stderr).not.toContain('fetch failed')
  })
})

/** a port of 127.0.0.1 held by this test process */
async function holdPort(): Promise<{ port: number; server: Server }> {
  const server = createServer()
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return { port: (server.address() as { port: number }).port, server }
}

describe('a port already taken is refused before anything starts', () => {
  let held: { port: number; server: Server }
  beforeAll(async () => {
    held = await holdPort()
  })
  afterAll(() => held.server.close())

  it('up: a taken metrics port names --metrics-port, and no role was announced', async () => {
    const r = await gochat(['up', '--ephemeral', '--port', '0', '--metrics-port', String(held.port)])
    expect(r.code).toBe(2)
    expect(r.stderr.trim().split('\n')).toEqual([
      `Error: port 127.0.0.1:${held.port} (health/metrics) is in use; choose another with --metrics-port (config task_metrics_port)`,
      expect.stringMatching(/^Hint: port 0 picks any free port/),
    ])
    expect(r.stderr).not.toContain('*-metrics-port')
    expect(r.stdout + r.stderr).not.toMatch(/ready|listening|gochat is up/)
  })

  it('up: a taken gateway port names --port', async () => {
    const r = await gochat(['up', '--ephemeral', '--port', String(held.port), '--metrics-port', '0'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(
      `Error: port 127.0.0.1:${held.port} (gateway HTTP/WebSocket) is in use; choose another with --port (config gateway_port)`,
    )
    expect(r.stdout).toBe('')
  })

  it('up: one port given to two listeners names both flags', async () => {
    const r = await gochat(['up', '--ephemeral', '--port', '9', '--metrics-port', '9'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^Error: port 9 is given twice, .*--metrics-port .*--port/)
  })

  it('serve --role=logic names --metrics-port and --logic-addr', async () => {
    const r = await gochat([
      'serve',
      '--role=logic',
      `--metrics-port=${held.port}`,
      `--logic-addr=127.0.0.1:${held.port}`,
    ])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(
      `Error: port 127.0.0.1:${held.port} (logic health/metrics) is in use; choose another with --metrics-port (config logic_metrics_port)`,
    )
    expect(r.stderr).toContain(
      `Error: port ${held.port} is given twice, to logic health/metrics and logic gRPC; change --logic-addr (config logic_addr) or --metrics-port`,
    )
    expect(r.stdout + r.stderr).not.toMatch(/ready|\n\s+at /)
  })
})

describe('bench refused by its target: an operator error, never a stack', () => {
  let up: Awaited<ReturnType<typeof startUp>>
  beforeAll(async () => {
    up = await startUp()
  }, 40_000)
  afterAll(() => up?.stop())

  it('without an admin secret: exit 2, one error line and a hint; under --json code usage', async () => {
    const args = ['bench', 'fanout', '--gateway', up.url, '--no-progress', '--group-size', '4', '--messages', '1']
    const r = await gochat(args)
    expect(r.code).toBe(2)
    expect(r.stderr.trim().split('\n')).toEqual([
      'Error: no admin secret for the bulk users',
      expect.stringMatching(/^Hint: give --admin-secret or GOCHAT_ADMIN_SECRET/),
    ])
    const j = await gochat([...args, '--json'])
    expect(j.code).toBe(2)
    expect(JSON.parse(j.stdout).error).toMatchObject({ code: 'usage', message: 'no admin secret for the bulk users' })
    expect(j.stderr).not.toMatch(/\n\s+at /)
  })

  it('with a wrong admin secret: exit 2, no ApiError stack', async () => {
    const args = ['bench', 'fanout', '--gateway', up.url, '--no-progress', '--group-size', '4', '--messages', '1']
    const r = await gochat([...args, '--admin-secret', 'not-the-admin-secret-at-all'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^Error: http:\/\/127\.0\.0\.1:\d+ refused the admin secret \(403 forbidden/)
    expect(r.stderr).not.toMatch(/ApiError|\n\s+at /)
    const j = await gochat([...args, '--admin-secret', 'not-the-admin-secret-at-all', '--json'])
    expect(j.code).toBe(2)
    expect(JSON.parse(j.stdout).error.code).toBe('usage')
    expect(j.stderr).not.toMatch(/ApiError|\n\s+at /)
  })
})
