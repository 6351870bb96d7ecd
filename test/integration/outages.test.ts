// Redis and MariaDB outages on the request path, each on a server of this file's own (never the shared ones),
// SIGKILLed and started again: while it is down a request fails at once with `unavailable` (no queue that waits
// out the outage), the outage is logged once at warn with its cause and its end at info, and requests succeed
// again soon after the server is back.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { RedisCache } from '../../src/drivers/redis/cache.js'
import { MysqlStore } from '../../src/drivers/mysql/store.js'
import { log } from '../../src/observability/log.js'
import { RedisServer } from '../../bench/chaos/redis-server.js'
import { MariadbServer } from '../../bench/chaos/mariadb-server.js'
import { until } from '../helpers/until.js'

/** what a request sees: its error code, or 'ok' */
const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (err: { code?: string }) => err.code ?? String(err),
  )

/** the warn and info lines logged during fn whose message mentions `what` */
async function linesDuring(what: RegExp, fn: () => Promise<void>) {
  const warn = vi.spyOn(log, 'warn')
  const info = vi.spyOn(log, 'info')
  try {
    await fn()
    return {
      warns: warn.mock.calls.filter(([m]) => what.test(m)),
      infos: info.mock.calls.filter(([m]) => what.test(m)),
    }
  } finally {
    warn.mockRestore()
    info.mockRestore()
  }
}

describe('Redis outage: the cache answers unavailable at once, and is back after Redis', () => {
  let server: RedisServer
  let cache: RedisCache
  beforeAll(async () => {
    server = await RedisServer.start()
    cache = new RedisCache(server.url, { keyPrefix: 'outage:' })
    await cache.ping()
  })
  afterAll(async () => {
    await cache?.close()
    await server?.down()
  })

  it('fails requests with unavailable while down, logs the outage once and its end, serves again after', async () => {
    await cache.set('k', 'v', 60_000)
    const { warns, infos } = await linesDuring(/Redis/, async () => {
      await server.down()
      // several requests, each answered while Redis is still down (a queued one would wait for it)
      const codes = [await outcome(cache.get('k')), await outcome(cache.incrWindow('w', 1000))]
      codes.push(await outcome(cache.hashGetMany(['h'])))
      expect(codes).toEqual(['unavailable', 'unavailable', 'unavailable'])
      await server.up()
      const back = await until(
        () => outcome(cache.set('k', 'again', 60_000)),
        (o) => o === 'ok',
        10_000,
        50,
      )
      expect(back).toBe('ok')
    })
    expect(warns).toHaveLength(1)
    expect(String((warns[0]![1] as { err?: unknown }).err)).toMatch(/ECONNREFUSED|closed|ECONNRESET/)
    expect(infos.map(([m]) => m)).toEqual(['Redis connection is back'])
    // a Redis error of its own (a wrong type) is not an outage
    await cache.set('str', 'x', 60_000)
    expect(await outcome(cache.hashGetMany(['str']))).not.toBe('unavailable')
  }, 30_000)
})

describe('MariaDB outage: the store answers unavailable at once, and is back after MariaDB', () => {
  let server: MariadbServer
  let store: MysqlStore
  beforeAll(async () => {
    server = await MariadbServer.start()
    store = new MysqlStore(`${server.url}/gochat_outage`)
    await store.ping()
  }, 60_000)
  afterAll(async () => {
    await store?.close().catch(() => undefined)
    await server?.stop()
  })

  it('fails requests with unavailable while down, logs the outage once and its end, serves again after', async () => {
    const user = {
      userId: 'u_outage',
      username: 'outage',
      displayName: 'O',
      guest: false,
      passwordHash: '',
      createdAt: 1,
      discoverable: false,
    }
    await store.insertUsers([user], [])
    const { warns, infos } = await linesDuring(/MySQL/, async () => {
      await server.down()
      const codes = [
        await outcome(store.getUser({ userId: user.userId })),
        await outcome(store.insertUsers([{ ...user, userId: 'u_2', username: 'outage2' }], [])),
        await outcome(store.ping()),
      ]
      expect(codes).toEqual(['unavailable', 'unavailable', 'unavailable'])
      await server.up()
      const back = await until(
        () => outcome(store.getUser({ userId: user.userId })),
        (o) => o === 'ok',
        10_000,
        50,
      )
      expect(back).toBe('ok')
    })
    expect(warns).toHaveLength(1)
    expect(infos.map(([m]) => m)).toEqual(['MySQL is reachable again'])
    // what was committed before the crash is still there; the insert refused while down did not happen
    expect((await store.getUser({ userId: user.userId }))?.username).toBe('outage')
    expect(await store.getUser({ userId: 'u_2' })).toBeNull()
  }, 60_000)
})
