// Issue 23 on a real gateway over loopback sockets (in-process logic and repo, embedded bus and cache): silent
// sockets are closed after http_first_byte_timeout_ms, one address holds at most max_connections_per_ip
// connections (the rest get 429 at once), upgrades in progress per address are capped, and sign-in answers
// meanwhile. Several loopback addresses (127.0.0.2, …) stand for several clients.
import { connect, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { configKeys, type GochatConfig } from '../../src/config/index.js'
import type { RunningRole } from '../../src/core/role.js'
import { MemoryBus } from '../../src/drivers/memory/bus.js'
import { MemoryCache } from '../../src/drivers/memory/cache.js'
import { MemoryStore } from '../../src/drivers/memory/store.js'
import { createLogger } from '../../src/observability/log.js'
import { waitUntil } from '../../test/helpers/until.js'
import { startLogic } from '../logic/index.js'
import { startRepo } from '../repo/index.js'
import { exemptions } from './connection-guard.js'
import { startGateway } from './index.js'
import { testBlobs } from '../../test/helpers/blobs.js'

const defaults = Object.fromEntries(Object.entries(configKeys).map(([k, v]) => [k, v.default])) as GochatConfig
const log = createLogger({ test: 'connection-guard' })
const bus = new MemoryBus({ defaultPartitions: 2 })
const cache = new MemoryCache()
const cfg: GochatConfig = { ...defaults, gateway_port: 0, gateway_host: '127.0.0.1', partitions: 2 }
const roles: RunningRole[] = []
let quick = 0 // first-byte timeout 300 ms, loopback exempt (the default)
let capped = 0 // first-byte timeout long, cap 5 per address, loopback not exempt
let stalled = 0 // 2 upgrades in progress per address, upgrade timeout 1.5 s, on a cache whose getMany can hang
let stall = false
/** the embedded cache, but getMany (the token revocation lookup) hangs while `stall` is set */
const stallable = new Proxy(cache, {
  get(target, prop, receiver) {
    if (prop === 'getMany')
      return (keys: string[]) => (stall ? new Promise<never>(() => undefined) : target.getMany(keys))
    const v = Reflect.get(target, prop, receiver)
    return typeof v === 'function' ? v.bind(target) : v
  },
})

const opened: Socket[] = []
/** a TCP connection from `from` that sends nothing; resolves once connected */
function silent(port: number, from: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect({ port, host: '127.0.0.1', localAddress: from })
    opened.push(s)
    s.on('error', () => undefined)
    s.once('connect', () => resolve(s))
    s.once('close', () => reject(new Error('closed before connecting')))
  })
}
const closed = (s: Socket) => s.destroyed || s.readyState === 'closed'

/** a GET over a new connection from `from`; the status, or null when the connection ended without one */
function get(port: number, from: string, path = '/health/live'): Promise<number | null> {
  return new Promise((resolve) => {
    const s = connect({ port, host: '127.0.0.1', localAddress: from })
    let text = ''
    s.on('data', (d) => (text += d))
    s.on('error', () => undefined)
    s.on('close', () => {
      const m = /^HTTP\/1\.1 (\d{3})/.exec(text)
      resolve(m ? Number(m[1]) : null)
    })
    s.on('connect', () => s.write(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`))
  })
}

/** a WebSocket upgrade from `from`: the status of the answer (101, 429, …), or null when closed without one */
function upgrade(port: number, from: string, token: string): Promise<number | null> {
  return new Promise((resolve) => {
    const s = connect({ port, host: '127.0.0.1', localAddress: from })
    opened.push(s)
    let text = ''
    s.on('data', (d) => {
      text += d
      const m = /^HTTP\/1\.1 (\d{3})/.exec(text)
      if (m) {
        resolve(Number(m[1]))
        s.destroy()
      }
    })
    s.on('error', () => undefined)
    s.on('close', () => resolve(null))
    s.on('connect', () =>
      s.write(
        `GET /v1/ws?token=${token} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
      ),
    )
  })
}

beforeAll(async () => {
  const repo = await startRepo({ cfg, bus, log, store: new MemoryStore(), cache })
  const logic = await startLogic({ cfg, bus, log, repo: repo.api, cache, blobs: testBlobs() })
  const ctx = { bus, log, logic: logic.logic, messages: logic.messages, cache }
  const a = await startGateway({ ...ctx, cfg: { ...cfg, instance_id: 'gw-cg1', http_first_byte_timeout_ms: 300 } })
  const b = await startGateway({
    ...ctx,
    cfg: {
      ...cfg,
      instance_id: 'gw-cg2',
      http_first_byte_timeout_ms: 120_000,
      max_connections_per_ip: 5,
      max_connections_per_ip_exempt: [],
    },
  })
  const c = await startGateway({
    ...ctx,
    cache: stallable,
    cfg: {
      ...cfg,
      instance_id: 'gw-cg3',
      ws_max_upgrades_per_ip: 2,
      ws_upgrade_timeout_ms: 1500,
      max_connections_per_ip_exempt: [],
    },
  })
  stalled = c.port
  roles.push(a.role, b.role, c.role, logic.role, repo.role)
  quick = a.port
  capped = b.port
})

afterAll(async () => {
  for (const s of opened) s.destroy()
  for (const r of roles) await r.stop()
  await bus.close()
  await cache.close()
})

describe('connections that say nothing', () => {
  it('are closed after http_first_byte_timeout_ms; one that sent its request is served', async () => {
    const socks = await Promise.all(Array.from({ length: 50 }, (_, i) => silent(quick, `127.0.0.${2 + (i % 4)}`)))
    expect(await get(quick, '127.0.0.1')).toBe(200)
    await waitUntil(
      () => socks.every(closed),
      15_000,
      20,
      () => `${socks.filter((s) => !closed(s)).length} still open`,
    )
  })

  it('sign-in answers while many silent sockets are open', async () => {
    const socks = await Promise.all(Array.from({ length: 200 }, (_, i) => silent(quick, `127.0.1.${1 + (i % 8)}`)))
    const t0 = Date.now()
    const res = await fetch(`http://127.0.0.1:${quick}/v1/auth/guest`, {
      method: 'POST',
      body: JSON.stringify({ displayName: 'Visitor' }),
    })
    expect(res.status).toBe(201)
    expect(Date.now() - t0).toBeLessThan(10_000)
    await waitUntil(() => socks.every(closed), 15_000, 20)
  })
})

describe('max_connections_per_ip', () => {
  it('refuses the connection beyond the cap with 429 at once; other addresses and a freed slot are served', async () => {
    const five = await Promise.all(Array.from({ length: 5 }, () => silent(capped, '127.0.2.1')))
    const text = await new Promise<string>((resolve) => {
      const s = connect({ port: capped, host: '127.0.0.1', localAddress: '127.0.2.1' })
      let t = ''
      s.on('data', (d) => (t += d))
      s.on('error', () => undefined)
      s.on('close', () => resolve(t))
    })
    expect(text).toMatch(/^HTTP\/1\.1 429 /)
    expect(text).toMatch(/\r\nRetry-After: 5\r\n/)
    expect(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4))).toMatchObject({ error: { code: 'rate_limited' } })
    expect(await get(capped, '127.0.2.2')).toBe(200)
    five[0]!.destroy()
    let status: number | null = null
    for (let i = 0; i < 100 && status !== 200; i++) {
      status = await get(capped, '127.0.2.1')
      if (status !== 200) await new Promise((r) => setTimeout(r, 100))
    }
    expect(status).toBe(200)
    expect(five.slice(1).every((s) => !closed(s))).toBe(true)
  })
})

describe('WebSocket upgrades', () => {
  it('one address has at most ws_max_upgrades_per_ip in progress; a hanging one is answered 503 after ws_upgrade_timeout_ms', async () => {
    const guest = await fetch(`http://127.0.0.1:${quick}/v1/auth/guest`, { method: 'POST', body: '{}' })
    const { token } = (await guest.json()) as { token: string }
    stall = true // the token's revocation lookup in the cache hangs
    const t0 = Date.now()
    const pending = [upgrade(stalled, '127.0.3.1', token), upgrade(stalled, '127.0.3.1', token)]
    await new Promise((r) => setTimeout(r, 200))
    expect(await upgrade(stalled, '127.0.3.1', token)).toBe(429)
    expect(await Promise.all(pending)).toEqual([503, 503])
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1400)
    stall = false
    expect(await upgrade(stalled, '127.0.3.1', token)).toBe(101)
  })
})

describe('exemptions', () => {
  it('match addresses, blocks and IPv4-mapped addresses; an empty list none', () => {
    const ex = exemptions(['127.0.0.0/8', '::1', '10.0.0.7', 'fd00::/8'])
    expect(ex('127.4.5.6')).toBe(true)
    expect(ex('::ffff:127.0.0.1')).toBe(true)
    expect(ex('::1')).toBe(true)
    expect(ex('10.0.0.7')).toBe(true)
    expect(ex('10.0.0.8')).toBe(false)
    expect(ex('fd12::1')).toBe(true)
    expect(ex('2001:db8::1')).toBe(false)
    expect(ex(undefined)).toBe(false)
    expect(exemptions([])('127.0.0.1')).toBe(false)
  })
})
