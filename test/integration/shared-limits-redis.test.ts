// Issue 23: the per-address limits are one limit over every gateway that shares the cache. Three real gateways
// (real sockets over loopback) on the test Redis, under a key prefix of their own: what one address holds at one
// gateway counts at the others within a couple of sync ticks (max_connections_per_ip), a freed slot is free at
// all again, and sign-ins spread over the gateways share one auth_rate_per_ip budget.
import { connect, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { configKeys, type GochatConfig } from '../../src/config/index.js'
import type { RunningRole } from '../../src/core/role.js'
import { MemoryBus } from '../../src/drivers/memory/bus.js'
import { MemoryCache } from '../../src/drivers/memory/cache.js'
import { MemoryStore } from '../../src/drivers/memory/store.js'
import { RedisCache } from '../../src/drivers/redis/cache.js'
import { createLogger } from '../../src/observability/log.js'
import { startGateway } from '../../services/gateway/index.js'
import { startLogic } from '../../services/logic/index.js'
import { startRepo } from '../../services/repo/index.js'
import { infraAvailable, REDIS } from '../helpers/infra.js'
import { deleteKeys, testKeyPrefix } from '../helpers/redis.js'
import { until } from '../helpers/until.js'
import { testBlobs } from '../helpers/blobs.js'

const defaults = Object.fromEntries(Object.entries(configKeys).map(([k, v]) => [k, v.default])) as GochatConfig
const log = createLogger({ test: 'connection-cap-redis' })
const CAP = 8

/** the status a new connection from `from` gets for a GET (null: closed without one) */
function status(port: number, from: string): Promise<number | null> {
  return new Promise((resolve) => {
    const s = connect({ port, host: '127.0.0.1', localAddress: from })
    let text = ''
    s.on('data', (d) => (text += d))
    s.on('error', () => undefined)
    s.on('close', () => {
      const m = /^HTTP\/1\.1 (\d{3})/.exec(text)
      resolve(m ? Number(m[1]) : null)
    })
    s.on('connect', () => s.write('GET /health/live HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'))
  })
}

describe.skipIf(!(await infraAvailable('redis')))('per-address limits over gateways on one Redis', () => {
  const keyPrefix = testKeyPrefix('conncap')
  const bus = new MemoryBus({ defaultPartitions: 2 })
  const caches: Array<MemoryCache | RedisCache> = []
  const roles: RunningRole[] = []
  const held: Socket[] = []
  const ports: number[] = []

  /** a connection from `from` that sends nothing (the first-byte timeout is long here) */
  const hold = (port: number, from: string) =>
    new Promise<Socket>((resolve, reject) => {
      const s = connect({ port, host: '127.0.0.1', localAddress: from })
      held.push(s)
      s.on('error', () => undefined)
      s.once('connect', () => resolve(s))
      s.once('close', () => reject(new Error('closed')))
    })

  beforeAll(async () => {
    const cfg: GochatConfig = {
      ...defaults,
      gateway_port: 0,
      gateway_host: '127.0.0.1',
      partitions: 2,
      max_connections_per_ip: CAP,
      max_connections_per_ip_exempt: [],
      http_first_byte_timeout_ms: 120_000,
      auth_rate_per_ip: 1,
      auth_burst_per_ip: 3,
    }
    const local = new MemoryCache()
    caches.push(local)
    const repo = await startRepo({ cfg, bus, log, store: new MemoryStore(), cache: local })
    const logic = await startLogic({ cfg, bus, log, repo: repo.api, cache: local, blobs: testBlobs() })
    roles.push(logic.role, repo.role)
    for (const id of ['gw-cap1', 'gw-cap2', 'gw-cap3']) {
      const cache = new RedisCache(REDIS, { keyPrefix })
      await cache.ping()
      caches.push(cache)
      const gw = await startGateway({
        cfg: { ...cfg, instance_id: id },
        bus,
        log,
        cache,
        logic: logic.logic,
        messages: logic.messages,
      })
      roles.unshift(gw.role)
      ports.push(gw.port)
    }
  })

  afterAll(async () => {
    for (const s of held) s.destroy()
    for (const r of roles) await r.stop()
    await bus.close()
    for (const c of caches) await c.close()
    await deleteKeys(keyPrefix)
  })

  it('max_connections_per_ip: what an address holds at one gateway counts at the others; a freed slot is free again', async () => {
    const [a, b] = ports as [number, number]
    const atA = await Promise.all(Array.from({ length: CAP }, () => hold(a, '127.0.5.1')))
    expect(await status(a, '127.0.5.1')).toBe(429) // at once, on A's own count
    // B learns A's count from Redis within a sync tick or two
    expect(
      await until(
        () => status(b, '127.0.5.1'),
        (s) => s === 429,
        10_000,
        200,
      ),
    ).toBe(429)
    expect(await status(b, '127.0.5.2')).toBe(200) // another address is not affected

    // half at each gateway: still one cap
    for (const s of atA.slice(0, CAP / 2)) s.destroy()
    expect(
      await until(
        () => status(b, '127.0.5.1'),
        (s) => s === 200,
        10_000,
        200,
      ),
    ).toBe(200)
    await Promise.all(Array.from({ length: CAP / 2 }, () => hold(b, '127.0.5.1')))
    for (const port of [a, b])
      expect(
        await until(
          () => status(port, '127.0.5.1'),
          (s) => s === 429,
          10_000,
          200,
        ),
        `port ${port}`,
      ).toBe(429)
  })

  it('auth_rate_per_ip: sign-ins spread over three gateways share one budget (2 × burst a window)', async () => {
    // burst 3 at each gateway would let 9 through at once; the shared window (3 s) holds 3 + 1·3 = 6
    const windowMs = 3000
    await new Promise((r) => setTimeout(r, windowMs - (Date.now() % windowMs) + 50)) // not across a window's end
    const statuses: number[] = []
    for (const port of ports)
      for (let i = 0; i < 3; i++)
        statuses.push((await fetch(`http://127.0.0.1:${port}/v1/auth/guest`, { method: 'POST', body: '{}' })).status)
    expect(statuses.filter((s) => s === 201)).toHaveLength(6)
    expect(statuses.slice(6)).toEqual([429, 429, 429])
  })
})
