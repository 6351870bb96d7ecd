// Redis ceiling: pipelined ops/s (INCR on a few throwaway keys, `depth` commands a pipeline, `lanes` pipelines
// in flight), keys deleted after.
import { Redis } from 'ioredis'

export interface RedisLimits {
  depth: number
  lanes: number
  opsPerSec: number
}

export async function redisLimits(
  url: string,
  opts: { depth: number; lanes: number; ms: number },
): Promise<RedisLimits> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 })
  await redis.connect()
  const prefix = `gochat_limits:${process.pid}:${Date.now()}:`
  let ops = 0
  try {
    const start = performance.now()
    const until = start + opts.ms
    await Promise.all(
      Array.from({ length: opts.lanes }, async (_, lane) => {
        while (performance.now() < until) {
          const p = redis.pipeline()
          for (let i = 0; i < opts.depth; i++) p.incr(`${prefix}${lane}:${i % 16}`)
          await p.exec()
          ops += opts.depth
        }
      }),
    )
    return { depth: opts.depth, lanes: opts.lanes, opsPerSec: Math.round(ops / ((performance.now() - start) / 1000)) }
  } finally {
    const keys = await redis.keys(`${prefix}*`).catch(() => [] as string[])
    if (keys.length) await redis.del(...keys).catch(() => {})
    redis.disconnect()
  }
}
