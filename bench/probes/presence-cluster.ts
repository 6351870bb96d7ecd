// Presence lookups on a Redis Cluster against one Redis server, measured in the same run (issue 16): the fanout's
// lookup of a 500-user shard, on a redis-server and a three-master Redis Cluster this probe starts (own ports,
// removed after). Three shapes:
//   one server      — one script call per shard (the baseline)
//   cluster, tagged — as shipped: presence keys carry one of 16 hash tags, one script call per tag
//   cluster, per key — what untagged keys would cost: one call per user
//
//   npx tsx bench/probes/presence-cluster.ts [users=5000] [rounds=20]
//
// Prints users looked up per second for each shape and the ratios to the baseline.
import { RedisCache } from '../../src/drivers/redis/cache.js'
import { Presence } from '../../src/presence/presence.js'
import { startRedisCluster, startRedisServer } from '../../test/helpers/redis-server.js'

const USERS = Number(process.argv[2] ?? 5000)
const ROUNDS = Number(process.argv[3] ?? 20)
const SHARD = 500

async function measure(cache: RedisCache, perKey: boolean): Promise<number> {
  const presence = new Presence(cache, { ttlMs: 600_000 })
  const users = Array.from({ length: USERS }, (_, i) => `u_probe_${i}`)
  await presence.refresh(
    'gw-1',
    users.filter((_, i) => i % 2 === 0).map((userId) => ({ userId, connectionId: 'c1' })),
  )
  const shards = Array.from({ length: USERS / SHARD }, (_, s) => users.slice(s * SHARD, (s + 1) * SHARD))
  const lookup = (shard: string[]) =>
    perKey ? Promise.all(shard.map((u) => presence.lookup([u]))) : presence.lookup(shard)
  for (const shard of shards.slice(0, 2)) await lookup(shard) // warm-up: scripts loaded, slots known
  const t0 = performance.now()
  for (let r = 0; r < ROUNDS; r++) for (const shard of shards) await lookup(shard)
  return (ROUNDS * USERS) / ((performance.now() - t0) / 1000)
}

const single = await startRedisServer()
const cluster = await startRedisCluster(3)
try {
  const shapes: Array<[string, string, boolean]> = [
    ['one server (baseline)', single.url, false],
    ['cluster, tagged (shipped)', cluster.url, false],
    ['cluster, per key', cluster.url, true],
  ]
  const rates: number[] = []
  for (const [name, url, perKey] of shapes) {
    const cache = new RedisCache(url, { keyPrefix: 'probe:' })
    try {
      rates.push(await measure(cache, perKey))
    } finally {
      await cache.close()
    }
    console.log(`${name.padEnd(28)} ${Math.round(rates.at(-1)!).toLocaleString('en')} users/s`)
  }
  console.log(
    `cluster tagged / one server: ${(rates[1]! / rates[0]!).toFixed(2)}×; cluster tagged / per key: ${(rates[1]! / rates[2]!).toFixed(2)}×`,
  )
} finally {
  await cluster.stop()
  await single.stop()
}
