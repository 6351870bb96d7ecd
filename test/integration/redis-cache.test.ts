// The cache contract against Redis, under a key prefix of its own, whose keys are deleted after.
import { describe } from 'vitest'
import { RedisCache } from '../../src/drivers/redis/cache.js'
import { cacheContract } from '../contract/cache.contract.js'
import { infraAvailable, REDIS } from '../helpers/infra.js'
import { deleteKeys, testKeyPrefix } from '../helpers/redis.js'

describe.skipIf(!(await infraAvailable('redis')))('redis cache', () => {
  cacheContract('redis', async () => {
    const keyPrefix = testKeyPrefix('cache')
    const cache = new RedisCache(REDIS, { keyPrefix })
    await cache.ping()
    return {
      cache,
      cleanup: async () => {
        await cache.close()
        await deleteKeys(keyPrefix)
      },
    }
  })
})
