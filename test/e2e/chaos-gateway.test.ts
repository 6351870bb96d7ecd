// `gochat chaos --gateway`: a checked workload against a cluster the run did not start (`gochat up` here), and the
// faults that need process control refused up front.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RoundResult } from '../../bench/chaos/run.js'
import { startUp, TEST_ADMIN_SECRET } from '../helpers/up.js'
import { runGochat } from '../helpers/cli.js'

describe('gochat chaos --gateway', () => {
  let up: Awaited<ReturnType<typeof startUp>>
  beforeAll(async () => {
    up = await startUp()
  })
  afterAll(async () => {
    await up?.stop()
  })
  // against the running `gochat up`; the admin secret comes from --admin-secret only
  const chaos = (...args: string[]) =>
    runGochat(['chaos', '--gateway', up.url, '--admin-secret', TEST_ADMIN_SECRET, ...args], {
      env: { GOCHAT_ADMIN_SECRET: undefined },
    })

  it('runs the checked workload against gochat up: messages acked, none of them missing', async () => {
    const { code, stdout, stderr } = await chaos(
      '--faults',
      'none',
      '--pairs',
      '2',
      '--group-size',
      '3',
      '--rate',
      '10',
      '--after',
      '1',
      '--json',
    )
    expect(code, stderr).toBe(0)
    const r = JSON.parse(stdout) as { results: RoundResult[]; ok: boolean }
    expect(r.ok).toBe(true)
    expect(r.results.map((x) => x.fault)).toEqual(['none'])
    expect(r.results[0]!.acked).toBeGreaterThan(0)
    expect(r.results[0]!.ackedMissing).toBe(0)
    // the clients are gochat/client: each ends with every message of its conversations, once, in order
    expect(r.results[0]).toMatchObject({ appMissing: 0, appDuplicates: 0, appOutOfOrder: 0 })
    // one send in five is an edit, one a reaction: each shows on its message
    expect(r.results[0]!.operations).toBeGreaterThan(0)
    expect(r.results[0]!.opsMismatched).toBe(0)
  }, 60_000)

  it('refuses a fault that needs process control, saying why and what to run instead (exit 2)', async () => {
    const { code, stdout, stderr } = await chaos('--faults', 'none,kill:task')
    expect(code).toBe(2)
    expect(stderr).toMatch(/kill:task cannot run against --gateway/)
    expect(stderr).toMatch(/gochat chaos` without --gateway/)
    // refused before anything ran: no round's output
    expect(stdout).toBe('')
  }, 30_000)
})
