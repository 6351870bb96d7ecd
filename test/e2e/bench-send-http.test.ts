// `gochat bench send` (text, and --kind image: upload and image message together) and `gochat bench http`, tiny,
// against `gochat up` (embedded): the JSON they print is complete and consistent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { HttpRun } from '../../bench/http-load.js'
import type { SendRun } from '../../bench/one-to-one.js'
import { BENCH_LIMITS, startUp, TEST_ADMIN_SECRET } from '../helpers/up.js'
import { runGochat } from '../helpers/cli.js'

const gochat = (args: string[]) => runGochat(args, { env: { GOCHAT_ADMIN_SECRET: TEST_ADMIN_SECRET } })

describe('gochat bench send and http against gochat up', () => {
  let up: Awaited<ReturnType<typeof startUp>>
  // bench http's scenarios drive one address's logins and one user's history: raised limits
  beforeAll(async () => {
    up = await startUp([], BENCH_LIMITS)
  })
  afterAll(async () => {
    await up?.stop()
  })

  it('bench send: every pair gets every message', async () => {
    const { code, stdout, stderr } = await gochat([
      'bench',
      'send',
      '--gateway',
      up.url,
      '--admin-secret',
      TEST_ADMIN_SECRET,
      '--pairs',
      '20',
      '--messages',
      '3',
      '--rate',
      '20',
      '--no-progress',
      '--json',
    ])
    expect(code, stderr).toBe(0)
    const r = JSON.parse(stdout) as SendRun & { ok: boolean }
    expect(r.ok).toBe(true)
    expect(r.completeness).toMatchObject({ expected: 60, received: 60, missing: 0, duplicates: 0 })
    expect(r.send).toMatchObject({ sent: 60, failed: 0 })
    expect(r.latencyMs.p50).toBeLessThanOrEqual(r.latencyMs.p99)
    expect(r.latencyMs.p99).toBeLessThanOrEqual(r.latencyMs.max)
    expect(r.messagesPerSec).toBeGreaterThan(0)
  }, 60_000)

  it('bench send --kind image: every pair uploads and gets every image message', async () => {
    const { code, stdout, stderr } = await gochat([
      'bench',
      'send',
      '--gateway',
      up.url,
      '--admin-secret',
      TEST_ADMIN_SECRET,
      '--kind',
      'image',
      '--payload-bytes',
      '20000',
      '--pairs',
      '4',
      '--messages',
      '3',
      '--rate',
      '4',
      '--no-progress',
      '--json',
    ])
    expect(code, stderr).toBe(0)
    const r = JSON.parse(stdout) as SendRun & { ok: boolean }
    expect(r).toMatchObject({ ok: true, kind: 'image', payloadBytes: 20000 })
    expect(r.completeness).toMatchObject({ expected: 12, received: 12, missing: 0, duplicates: 0 })
    expect(r.send).toMatchObject({ sent: 12, failed: 0 })
    expect(r.latencyMs.p50).toBeGreaterThan(0)
    // every message was an upload, completed with its thumbnail (warm-up included: 4 + 12)
    const metrics = await (await fetch(`${up.url}/metrics`)).text()
    const made = Number(/gochat_logic_thumbnails_total\{result="made"\} (\d+)/.exec(metrics)?.[1] ?? 0)
    expect(made).toBe(16)
  }, 60_000)

  it('bench http: login and history answer 2xx under load', async () => {
    const { code, stdout, stderr } = await gochat([
      'bench',
      'http',
      '--gateway',
      up.url,
      '--duration',
      '1',
      '--connections',
      '2',
      '--history-messages',
      '5',
      '--json',
    ])
    expect(code, stderr).toBe(0)
    const r = JSON.parse(stdout) as HttpRun & { ok: boolean }
    expect(r.ok).toBe(true)
    expect(r.scenarios.map((s) => s.name)).toEqual(['login', 'history'])
    for (const s of r.scenarios) {
      expect(s.ok).toBeGreaterThan(0)
      expect(s.non2xx + s.errors + s.timeouts).toBe(0)
    }
  }, 60_000)
})
