// `gochat bench fanout` end to end, small: against `gochat up` (embedded drivers) and, when Kafka, MariaDB and
// Redis answer, against a multi-process cluster on them (where the offline members' pushes are counted too).
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FanoutReport } from '../../bench/report/fanout-report.js'
import { Cluster } from '../../runtime/cluster.js'
import { deleteTopicsWithPrefix, dropDatabase } from '../helpers/cleanup.js'
import { infraAvailable, KAFKA, MYSQL, REDIS } from '../helpers/infra.js'
import { startUp, TEST_ADMIN_SECRET } from '../helpers/up.js'
import { runGochat } from '../helpers/cli.js'
import { establishedTo } from '../helpers/tcp-table.js'

const gochat = (args: string[], timeoutMs?: number) =>
  runGochat(args, { env: { GOCHAT_ADMIN_SECRET: TEST_ADMIN_SECRET }, timeoutMs })

const SMALL = ['bench', 'fanout', '--group-size', '200', '--messages', '5', '--rate', '10', '--no-progress', '--json']

function expectSound(report: FanoutReport) {
  const run = report.gochat
  expect(run.completeness.complete).toBe(true)
  expect(run.completeness.missing).toBe(0)
  expect(run.completeness.expected).toBe(159 * 5) // round(199 × 0.8) online members × 5 messages
  expect(run.completeness.received).toBe(run.completeness.expected)
  const l = run.latencyMs
  for (const v of [l.p50, l.p90, l.p99, l.p999, l.max]) expect(v).toBeGreaterThan(0)
  expect(l.p50).toBeLessThanOrEqual(l.p90)
  expect(l.p90).toBeLessThanOrEqual(l.p99)
  expect(l.p99).toBeLessThanOrEqual(l.p999)
  expect(l.p999).toBeLessThanOrEqual(l.max)
  const c = run.completionMs
  expect(c.count).toBe(5)
  expect(c.p50).toBeLessThanOrEqual(c.p99)
  expect(c.p99).toBeLessThanOrEqual(c.max)
  expect(run.deliveriesPerSec).toBeGreaterThan(0)
  expect(report.ok).toBe(true)
}

describe('gochat bench fanout against gochat up (embedded)', () => {
  let up: Awaited<ReturnType<typeof startUp>>
  beforeAll(async () => {
    up = await startUp()
  })
  afterAll(async () => {
    await up?.stop()
  })

  it('delivers every message to every online member and reports ordered percentiles', async () => {
    const { code, stdout, stderr } = await gochat([...SMALL, '--gateway', up.url, '--admin-secret', TEST_ADMIN_SECRET])
    expect(code, stderr).toBe(0)
    const report = JSON.parse(stdout) as FanoutReport
    expectSound(report)
    expect(report.offlinePush).toBe('n/a')
    expect(report.gochat.offline).toBe(40)
  }, 120_000)

  // The way past one process's descriptors and one address's ports, small: 2,000 sockets over 2 client processes
  // and 3 source addresses, each past the per-address cap (256), which gochat exempts for all of 127/8.
  it.skipIf(process.platform !== 'linux')(
    'spreads its sockets over client processes and loopback source addresses, and loses none',
    async () => {
      const port = Number(new URL(up.url).port)
      const child = spawn(
        process.execPath,
        [
          fileURLToPath(new URL('../../bin/run.js', import.meta.url)),
          ...['bench', 'fanout', '--group-size', '2001', '--online', '1', '--messages', '3', '--rate', '5'],
          ...['--sockets-per-process', '1200', '--sockets-per-address', '800', '--workers', '1'],
          ...['--gateway', up.url, '--admin-secret', TEST_ADMIN_SECRET, '--no-progress', '--json'],
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      )
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (d) => (stdout += d))
      child.stderr.on('data', (d) => (stderr += d))
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
      // while the messages go out, every receiving socket is in the kernel's table, from 127.0.0.2..4
      let seen = new Map<string, number>()
      try {
        while (!stderr.includes('sending 3 messages') && child.exitCode === null)
          await new Promise((r) => setTimeout(r, 100))
        seen = establishedTo(port, readFileSync('/proc/net/tcp', 'utf8'))
        expect(await exited, stderr).toBe(0)
      } finally {
        child.kill('SIGKILL')
      }
      expect(seen.get('127.0.0.2')).toBe(667)
      expect(seen.get('127.0.0.3')).toBe(667)
      expect(seen.get('127.0.0.4')).toBe(666)
      const run = (JSON.parse(stdout) as FanoutReport).gochat
      expect(run.workers).toBe(2)
      expect(run.completeness).toMatchObject({ expected: 6000, received: 6000, missing: 0, connectFailures: 0 })
    },
    300_000,
  )
})

const available = await infraAvailable('kafka', 'mysql', 'redis')

describe.skipIf(!available)('gochat bench fanout against a cluster on real infrastructure', () => {
  const run = `bench${Date.now().toString(36)}`
  let cluster: Cluster
  beforeAll(async () => {
    cluster = new Cluster({
      gateways: 2,
      tasks: 1,
      kafka: KAFKA,
      mysql: `${MYSQL}/gochat_${run}`,
      redis: REDIS,
      topicPrefix: run,
      env: { GOCHAT_LOG_LEVEL: 'warn', GOCHAT_ADMIN_SECRET: TEST_ADMIN_SECRET },
    })
    await cluster.start()
  }, 120_000)
  afterAll(async () => {
    await cluster?.stop()
    await dropDatabase(`${MYSQL}/gochat_${run}`)
    await deleteTopicsWithPrefix(run)
  }, 60_000)

  it("delivers over two gateways and finds the offline members' pushes on Kafka", async () => {
    const { code, stdout, stderr } = await gochat(
      [
        ...SMALL,
        '--gateway',
        cluster.gatewayUrls.join(','),
        '--admin-secret',
        cluster.adminSecret,
        '--kafka',
        KAFKA,
        '--topic-prefix',
        run,
      ],
      180_000,
    )
    const report = JSON.parse(stdout) as FanoutReport
    expect(code, `${stderr}\n${JSON.stringify(report.failures)}`).toBe(0)
    expectSound(report)
    expect(report.gochat.urls).toHaveLength(2)
    expect(report.offlinePush).toMatchObject({ expected: 40 * 6, notifications: 40 * 6, complete: true })
  }, 200_000)
})
