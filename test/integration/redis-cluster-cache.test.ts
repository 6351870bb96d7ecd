// The cache contract against a three-master Redis Cluster of the test's own (redis+cluster://), and the proof that
// batched presence reads and heartbeat writes really span the masters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Redis } from 'ioredis'
import { RedisCache } from '../../src/drivers/redis/cache.js'
import { Presence } from '../../src/presence/presence.js'
import { cacheContract } from '../contract/cache.contract.js'
import { startRedisCluster } from '../helpers/redis-server.js'

const cluster = await startRedisCluster(3)
afterAll(() => cluster.stop())

describe('redis cluster cache', () => {
  cacheContract('redis cluster', async () => {
    const cache = new RedisCache(cluster.url, { keyPrefix: 'gochat-test:' })
    await cache.ping()
    return { cache, cleanup: () => cache.close() }
  })

  describe('presence across the masters', () => {
    let cache: RedisCache
    beforeAll(async () => {
      cache = new RedisCache(cluster.url, { keyPrefix: 'spread:' })
      await cache.ping()
    })
    afterAll(() => cache.close())

    it('puts presence on every master and reads it back in one batched lookup', async () => {
      const presence = new Presence(cache, { ttlMs: 60_000 })
      const users = Array.from({ length: 300 }, (_, i) => `u_spread_${i}`)
      await presence.refresh(
        'gw-1',
        users.map((userId) => ({ userId, connectionId: 'c1' })),
      )
      const found = await presence.lookup([...users, 'u_nobody'])
      expect(users.every((u) => found.get(u)?.[0] === 'gw-1')).toBe(true)
      expect(found.get('u_nobody')).toEqual([])
      for (const node of cluster.nodes) {
        const redis = new Redis(`redis://${node}`)
        const keys = await redis.keys('spread:presence:*').finally(() => redis.disconnect())
        expect(keys.length).toBeGreaterThan(0)
      }
    })
  })
})
