// The fault suite: `gochat chaos` rounds (src/bench/chaos) against a supervised multi-process cluster on real
// Kafka, MariaDB and Redis, with bounded loads. Per fault: 0 acked messages missing from history, 0 seq
// duplicates or gaps, and the client-visible bound the fault allows (recovery time, refused sends, misses).
import { afterAll, describe, expect, it } from 'vitest'
import { useCluster } from '../helpers/cluster-run.js'
import { infraAvailable } from '../helpers/infra.js'
import { ADMIN_SECRET } from '../helpers/population.js'
import { defaultRound, runRound, type RoundResult } from '../../src/bench/chaos/run.js'
import { SocketClient } from '../../src/client/socket.js'
import { RestClient } from '../../src/client/rest.js'
import { until } from '../helpers/until.js'

const available = await infraAvailable('kafka', 'mysql', 'redis')
const round = { ...defaultRound, pairs: 6, groupSize: 10, rate: 30, warmupMs: 3000, afterMs: 10_000, drainMs: 4000 }

describe.skipIf(!available)('faults: chaos rounds on a supervised cluster (2 gateways, 2 tasks, 2 repos, 2 logics)', () => {
  const c = useCluster('faults', { gateways: 2, tasks: 2, repos: 2, logics: 2, restart: true, env: { GOCHAT_ADMIN_SECRET: ADMIN_SECRET } })
  const results: RoundResult[] = []
  afterAll(() => { console.log(JSON.stringify(results)) })

  const run = async (fault: string) => {
    const r = await runRound(c.cluster, fault, round, `${results.length}${Date.now().toString(36).slice(-5)}`)
    results.push(r)
    console.log(fault, JSON.stringify(r))
    expect(r.ackedMissing).toBe(0)
    expect(r.seqDuplicates).toBe(0)
    expect(r.seqGaps).toBe(0)
    return r
  }

  it('the supervisor restarts a killed child on the same port, and it serves', async () => {
    const gw = c.cluster.procs.get('gw-2')!
    const [pid, url] = [gw.child!.pid, c.cluster.gatewayUrls[1]!]
    await c.cluster.kill('gw-2', 'SIGKILL')
    await until(() => fetch(`${url}/health`).then((r) => r.ok && gw.child!.pid !== pid, () => false), (ok) => ok, 60_000, 250)
    const s = await new RestClient(url).guest('back')
    const socket = await SocketClient.connect(url, s.token)
    expect((await socket.ping()).op).toBe('pong')
    await socket.close()
  }, 90_000)

  it('kill:task — deliveries of its partitions resume within seconds (dead members evicted)', async () => {
    const r = await run('kill:task')
    // measured ~1-2 s with eviction (~10-12 s before); generous for a loaded machine
    expect(r.recoveryMs).toBeLessThan(8000)
  }, 120_000)

  it('kill:logic — with two logics, 0 sends refused', async () => {
    const r = await run('kill:logic')
    expect(r.refused).toBe(0)
    expect(r.sendErrors).toBe(0)
  }, 120_000)

  it('redis:flush — gateways re-register at once and tell their clients to resync: nothing missed silently', async () => {
    const r = await run('redis:flush')
    expect(r.resyncs).toBeGreaterThan(0)
    expect(r.missedSilently).toBe(0)
    expect(r.recoveryMs).toBeLessThan(5000)
  }, 120_000)
})
