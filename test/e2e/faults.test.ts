// The fault suite: `gochat chaos` rounds (bench/chaos) against a supervised multi-process cluster on real
// Kafka, MariaDB and Redis, with bounded loads. Per fault: 0 acked messages missing from history, 0 seq
// duplicates or gaps, and the client-visible bound the fault allows (recovery time, refused sends, misses).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useCluster } from '../helpers/cluster-run.js'
import { infraAvailable } from '../helpers/infra.js'
import { ADMIN_SECRET } from '../helpers/population.js'
import { defaultRound, runRound, type RoundResult } from '../../bench/chaos/run.js'
import { SocketClient } from '../../src/client/socket.js'
import { RestClient } from '../../src/client/rest.js'
import { until } from '../helpers/until.js'
import { Cluster } from '../../runtime/cluster.js'
import { RedisServer } from '../../bench/chaos/redis-server.js'
import { MariadbServer } from '../../bench/chaos/mariadb-server.js'
import type { OwnServers } from '../../bench/chaos/faults.js'
import { KAFKA } from '../helpers/infra.js'
import { deleteTopicsWithPrefix } from '../helpers/cleanup.js'

const available = await infraAvailable('kafka', 'mysql', 'redis')
const round = { ...defaultRound, pairs: 6, groupSize: 10, rate: 30, warmupMs: 3000, afterMs: 10_000, drainMs: 4000 }

async function checkedRound(
  cluster: Cluster,
  fault: string,
  results: RoundResult[],
  own: OwnServers = {},
  opts = round,
): Promise<RoundResult> {
  const r = await runRound(cluster, fault, opts, `${results.length}${Date.now().toString(36).slice(-5)}`, own)
  results.push(r)
  console.log(fault, JSON.stringify(r))
  expect(r.ackedMissing).toBe(0)
  expect(r.seqDuplicates).toBe(0)
  expect(r.seqGaps).toBe(0)
  // edits and reactions are in the workload: acked ones are in history (above), and their targets show them
  expect(r.operations).toBeGreaterThan(0)
  expect(r.opsMismatched).toBe(0)
  // every library client (gochat/client) ended with every message once, in order
  expect({ missing: r.appMissing, duplicates: r.appDuplicates, outOfOrder: r.appOutOfOrder }).toEqual({
    missing: 0,
    duplicates: 0,
    outOfOrder: 0,
  })
  return r
}

describe.skipIf(!available)(
  'faults: chaos rounds on a supervised cluster (2 gateways, 2 tasks, 2 repos, 2 logics)',
  () => {
    const c = useCluster('faults', {
      gateways: 2,
      tasks: 2,
      repos: 2,
      logics: 2,
      restart: true,
      env: { GOCHAT_ADMIN_SECRET: ADMIN_SECRET },
    })
    const results: RoundResult[] = []
    afterAll(() => {
      console.log(JSON.stringify(results))
    })

    const run = (fault: string) => checkedRound(c.cluster, fault, results)

    it('the supervisor restarts a killed child on the same port, and it serves', async () => {
      const gw = c.cluster.procs.get('gw-2')!
      const [pid, url] = [gw.child!.pid, c.cluster.gatewayUrls[1]!]
      await c.cluster.kill('gw-2', 'SIGKILL')
      await until(
        () =>
          fetch(`${url}/health`).then(
            (r) => r.ok && gw.child!.pid !== pid,
            () => false,
          ),
        (ok) => ok,
        60_000,
        250,
      )
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

    it('kill:repo — the other repo serves and relays; nothing lost, no seq gap', async () => {
      // seqs are allocated in the message's transaction: one cut by the kill rolls back and spends none
      const r = await run('kill:repo')
      expect(r.sendErrors).toBe(0)
    }, 120_000)

    it('kill:gateway — its clients reconnect to the other and sync; nothing missed silently', async () => {
      const r = await run('kill:gateway')
      expect(r.sendErrors).toBe(0)
      expect(r.missedSilently).toBe(0)
    }, 120_000)

    it('redis:flush — gateways re-register at once and tell their clients to resync: nothing missed silently', async () => {
      const r = await run('redis:flush')
      expect(r.resyncs).toBeGreaterThan(0)
      expect(r.missedSilently).toBe(0)
      expect(r.recoveryMs).toBeLessThan(5000)
    }, 120_000)
  },
)

// a Redis and a MariaDB of this file's own (never the shared ones), each killed and started again mid-traffic;
// a lighter load (one repo, one task: every send waits out the outage on the same processes)
const light = { ...round, pairs: 4, groupSize: 6, rate: 15 }
describe.skipIf(!available)('faults: redis:restart and mysql:restart on servers of their own', () => {
  const prefix = `faultsr${Date.now().toString(36)}`
  const own: OwnServers = {}
  let cluster: Cluster | undefined
  const results: RoundResult[] = []
  beforeAll(async () => {
    ;[own.redis, own.mysql] = await Promise.all([RedisServer.start(), MariadbServer.start()])
    cluster = new Cluster({
      gateways: 2,
      tasks: 1,
      kafka: KAFKA,
      mysql: `${own.mysql.url}/gochat_${prefix}`,
      redis: own.redis.url,
      topicPrefix: prefix,
      restart: true,
      env: { GOCHAT_ADMIN_SECRET: ADMIN_SECRET },
    })
    await cluster.start()
  }, 120_000)
  afterAll(async () => {
    await cluster?.stop()
    await own.redis?.down()
    await own.mysql?.stop()
    await deleteTopicsWithPrefix(prefix)
  }, 60_000)

  it('redis:restart — no acked loss, clients told to resync, nothing missed silently', async () => {
    const r = await checkedRound(cluster!, 'redis:restart', results, own, light)
    expect(r.resyncs).toBeGreaterThan(0)
    expect(r.missedSilently).toBe(0)
  }, 120_000)

  it('mysql:restart — sends refused with unavailable while it is down (never internal); no acked loss, no seq gap', async () => {
    const r = await checkedRound(cluster!, 'mysql:restart', results, own, light)
    expect(r.refused).toBeGreaterThan(0)
    expect(r.errors.internal ?? 0).toBe(0)
    expect(r.acked).toBeGreaterThan(r.sendErrors)
    expect(r.missedSilently).toBe(0)
    // down for 2 s, then mariadbd's start and crash recovery; generous for a loaded machine
    expect(r.recoveryMs).toBeLessThan(15_000)
  }, 120_000)
})
