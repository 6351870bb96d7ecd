// `gochat up` / `gochat serve` with a dependency that does not answer: one line per failure naming the
// dependency, its address and what to check, exit code 3, no driver logs or stacks. Ports 1-3 of 127.0.0.1
// refuse connections, so no infrastructure is needed.
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GOCHAT_')))

function gochat(args: string[]): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  const started = Date.now()
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/run.js', ...args], { cwd: root, env, timeout: 30_000 }, (err, stdout, stderr) =>
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
    expect(r.ms).toBeLessThan(15_000)
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
