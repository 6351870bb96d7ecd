// The cache a role runs on: Redis when redis_url is set, else the in-memory cache. Redis connects in the
// background; `await cache.ping()` tells whether it answers.
import type { GochatConfig } from '../config/index.js'
import type { Cache } from '../ports/cache.js'
import { MemoryCache } from './memory/cache.js'
import { RedisCache } from './redis/cache.js'

export function createCache(cfg: Pick<GochatConfig, 'redis_url' | 'redis_key_prefix'>): Cache {
  return cfg.redis_url
    ? new RedisCache(cfg.redis_url, { keyPrefix: cfg.redis_key_prefix || undefined })
    : new MemoryCache()
}
