// The cache a role runs on: Redis when redis_url is set, else the in-memory cache. Redis connects in the
// background; `await cache.ping()` tells whether it answers.
import type { GochatConfig } from '../config/index.js'
import type { Cache } from '../ports/cache.js'
import { MemoryCache } from './memory/cache.js'
import { RedisCache } from './redis/cache.js'

export function createCache(
  cfg: Pick<GochatConfig, 'redis_url' | 'redis_key_prefix'> &
    Partial<
      Pick<GochatConfig, 'redis_username' | 'redis_password' | 'redis_tls_ca' | 'redis_tls_cert' | 'redis_tls_key'>
    >,
): Cache {
  return cfg.redis_url
    ? new RedisCache(cfg.redis_url, {
        keyPrefix: cfg.redis_key_prefix || undefined,
        username: cfg.redis_username,
        password: cfg.redis_password,
        tlsCa: cfg.redis_tls_ca,
        tlsCert: cfg.redis_tls_cert,
        tlsKey: cfg.redis_tls_key,
      })
    : new MemoryCache()
}
