// A key prefix per test file on the test Redis (GOCHAT_TEST_REDIS), and the removal of its keys afterwards.
import { Redis } from 'ioredis'
import { REDIS } from './infra.js'

export function testKeyPrefix(tag: string): string {
  return `gochat-test:${tag}:${Date.now()}:${process.pid}:`
}

export async function deleteKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS)
  try {
    let cursor = '0'
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000)
      if (keys.length) await redis.del(...keys)
      cursor = next
    } while (cursor !== '0')
  } finally {
    redis.disconnect()
  }
}
