// The connect path's revocation check before and after durable revocation (issue 23), in the same run, on a
// redis-server this probe starts (own port, removed after). Connect bursts go through the gateway's batcher (one
// cache call per event-loop turn, as services/gateway/token-cache.ts does), in alternating rounds:
//   before — MGET of the burst's token keys (the check until now)
//   after  — MGET of the "loaded" marker and the burst's token keys, as shipped (src/auth/revocation.ts)
//   users  — "after" with two ids per connect, the token's and its user's (revocationIds: `gochat users erase`
//            revokes every token of a user at once), as shipped since the erase
//   store  — the marker missing (Redis just lost its keys): the MGET, then the store for that turn (a MemoryStore
//            here, standing in for repo's CheckRevoked; over gRPC and MySQL it costs a round trip more)
//
//   npx tsx bench/probes/revocation-check.ts [burst=200] [rounds=30]
//
// Prints checks per second for each shape, the cache calls per burst, and the ratios to "before".
import { revocationCheck, revocationIds, reloadRevocations, revokedKey } from '../../src/auth/revocation.js'
import { Batcher } from '../../src/core/batcher.js'
import { MemoryStore } from '../../src/drivers/memory/store.js'
import { RedisCache } from '../../src/drivers/redis/cache.js'
import { startRedisServer } from '../../test/helpers/redis-server.js'

const BURST = Number(process.argv[2] ?? 200)
const ROUNDS = Number(process.argv[3] ?? 30)
const BURSTS_PER_ROUND = 20

const server = await startRedisServer()
const cache = new RedisCache(server.url, { keyPrefix: 'probe:' })
try {
  const store = new MemoryStore()
  const now = Date.now()
  const jtis = Array.from({ length: BURST * BURSTS_PER_ROUND }, (_, i) => `jti-${i}`)
  for (const jti of jtis.filter((_, i) => i % 10 === 0)) await store.revokeToken({ jti, expiresAt: now + 3_600_000 })
  await reloadRevocations(cache, (after, n) => store.listRevocations(Date.now(), after, n))
  const fromStore = (ids: string[]) => store.revokedTokenIds(ids, Date.now())
  const shapes = {
    before: async (ids: string[]) => {
      const values = await cache.getMany(ids.map(revokedKey))
      return new Set(ids.filter((_, i) => values[i] !== null))
    },
    after: revocationCheck(cache, fromStore),
  }
  const calls = { n: 0 }
  const getMany = cache.getMany.bind(cache)
  cache.getMany = (keys) => (calls.n++, getMany(keys))
  // what one connect asks: its token id, or (users) its token's and its user's ids, one user per ten connects
  const idsOf = {
    one: (jti: string, _i: number) => [jti],
    users: (jti: string, i: number) => revocationIds({ jti, userId: `u${Math.floor(i / 10)}` }),
  }
  const run = async (check: (ids: string[]) => Promise<Set<string>>, ids = idsOf.one) => {
    const batcher = new Batcher<string, boolean>(
      async (ids) => {
        const gone = await check(ids)
        return ids.map((id) => ({ value: gone.has(id) }))
      },
      { maxBatch: 1_000, maxInFlight: 4 },
    )
    calls.n = 0
    const t0 = performance.now()
    let refused = 0
    for (let b = 0; b < BURSTS_PER_ROUND; b++) {
      const burst = jtis.slice(b * BURST, (b + 1) * BURST)
      const answers = await Promise.all(
        burst.map(async (j, i) =>
          (await Promise.all(ids(j, b * BURST + i).map((id) => batcher.add(id)))).some(Boolean),
        ),
      )
      refused += answers.filter(Boolean).length
    }
    if (refused !== jtis.length / 10) throw new Error(`refused ${refused}, expected ${jtis.length / 10}`)
    return { ms: performance.now() - t0, callsPerBurst: calls.n / BURSTS_PER_ROUND }
  }
  const total: Record<string, { ms: number; calls: number }> = {
    before: { ms: 0, calls: 0 },
    after: { ms: 0, calls: 0 },
    users: { ms: 0, calls: 0 },
    store: { ms: 0, calls: 0 },
  }
  for (let r = 0; r < 2; r++) await Promise.all([run(shapes.before), run(shapes.after)]) // warm-up
  for (let r = 0; r < ROUNDS; r++) {
    for (const name of r % 2 ? (['after', 'before'] as const) : (['before', 'after'] as const)) {
      const m = await run(shapes[name])
      total[name]!.ms += m.ms
      total[name]!.calls = m.callsPerBurst
    }
    const u = await run(shapes.after, idsOf.users)
    total.users!.ms += u.ms
    total.users!.calls = u.callsPerBurst
    await cache.del('revoked:{rv}:loaded') // the marker gone: this round's "store" shape
    const m = await run(shapes.after)
    total.store!.ms += m.ms
    total.store!.calls = m.callsPerBurst
    await cache.set('revoked:{rv}:loaded', '1', 3_600_000)
  }
  const rate = (ms: number) => (ROUNDS * jtis.length) / (ms / 1000)
  for (const [name, t] of Object.entries(total))
    console.log(
      `${name.padEnd(7)} ${Math.round(rate(t.ms)).toLocaleString('en').padStart(10)} checks/s, ${t.calls} cache call(s) per burst of ${BURST}`,
    )
  console.log(
    `after / before: ${(total.before!.ms / total.after!.ms).toFixed(2)}×; users / after: ${(total.after!.ms / total.users!.ms).toFixed(2)}×; store fallback / before: ${(total.before!.ms / total.store!.ms).toFixed(2)}×`,
  )
} finally {
  await cache.close()
  await server.stop()
}
