// The HTTP edge under requests no client library would send: odd request targets (`//%`, `//[`, `//:99999`),
// arbitrary methods, headers and bodies, also through the WebSocket upgrade. None may answer 5xx or throw out of
// the handler (an unhandled rejection used to stop the process).
import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../src/core/errors.js'
import type { Logger } from '../../src/observability/log.js'
import type { LogicApi, MessageApi } from '../../src/rpc/api.js'
import { rawGet, rawRequest } from '../../test/helpers/raw-http.js'
import { createHttpServer } from './http-server.js'
import { KeyedLimiter } from './rate-limit.js'
import { requestTarget } from './request-target.js'
import { restRoutes } from './routes.js'
import { attachWebSockets } from './ws-server.js'

// every API call is refused as a caller error: the router, parsing and auth are what is under test
const logged: Array<{ level: string; msg: string }> = []
const at = (level: string) => (msg: string) => void logged.push({ level, msg })
const log: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), child: () => log }

const refusing = new Proxy(
  {},
  {
    get: () => async () => {
      throw new AppError('not_found', 'nothing here')
    },
  },
)
let clock = 0
// a second server with small limits on an injected clock
const limited = createHttpServer({
  routes: restRoutes(refusing as LogicApi, refusing as MessageApi),
  verifier: {
    verify: async (t: string) => {
      if (t.startsWith('good')) return t
      throw new AppError('invalid_token', 'bad token')
    },
  },
  maxBodyBytes: 1024,
  health: async () => ({ status: 'ok' as const, checks: {} }),
  log,
  limits: {
    authPerIp: new KeyedLimiter(1, 3),
    adminPerIp: new KeyedLimiter(1 / 60, 2),
    restPerUser: new KeyedLimiter(2),
    now: () => clock,
  },
})
let limitedPort = 0

const server = createHttpServer({
  routes: restRoutes(refusing as LogicApi, refusing as MessageApi),
  verifier: {
    verify: async (t: string) => {
      if (t === 'good') return 'u1'
      throw new AppError('invalid_token', 'bad token')
    },
  },
  maxBodyBytes: 1024,
  health: async () => ({ status: 'ok' as const, checks: {} }),
  log,
})
attachWebSockets(server, {
  verifier: { verify: async () => 'u1' },
  maxFrameBytes: 1024,
  onConnection: (ws) => ws.close(),
  log,
})
let port = 0
const unhandled: unknown[] = []
const onUnhandled = (err: unknown) => unhandled.push(err)

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled)
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  port = (server.address() as AddressInfo).port
  limited.listen(0, '127.0.0.1')
  await once(limited, 'listening')
  limitedPort = (limited.address() as AddressInfo).port
})
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled)
  for (const s of [server, limited]) {
    s.closeAllConnections()
    await new Promise((r) => s.close(r))
  }
})

describe('requestTarget', () => {
  it('reads every target as a path on this server, and gives up (undefined) rather than throw', () => {
    for (const t of ['//', '///', '//[', '//:99999', '//evil.example/x', '*', 'http://x/y'])
      expect(requestTarget(t)?.host ?? 'gateway').toBe('gateway')
    expect(requestTarget('//a%20b')!.pathname).toBe('//a%20b')
    // a % that starts no escape, in the path or the query: malformed, whatever route it is on
    for (const t of ['//%', '/%', '/%zz', '/?x=%', '/v1/me?%=%', '/v1/x%A/y'])
      expect(requestTarget(t), t).toBeUndefined()
    expect(requestTarget('/v1/me?x=1')!.searchParams.get('x')).toBe('1')
  })
})

describe('the HTTP server under odd requests', () => {
  it('answers the targets that used to crash it with a 4xx', async () => {
    for (const target of ['//%', '//', '///', '//[', '//:99999', '/%', '/v1/%zz', '/v1/groups/%/members']) {
      const a = await rawGet(port, target)
      expect(a.status, target).toBeGreaterThanOrEqual(400)
      expect(a.status, target).toBeLessThan(500)
    }
    expect((await rawGet(port, '/health')).status).toBe(200)
  })

  it('refuses the same targets as WebSocket upgrades with a 4xx', async () => {
    const upgrade =
      'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n'
    for (const target of ['//', '//%', '//[', '//:99999', '/v1/ws?token=%', '/v1/ws']) {
      const a = await rawRequest(port, `GET ${target} HTTP/1.1\r\nHost: x\r\n${upgrade}\r\n`)
      expect(a.status === 101 || (a.status! >= 400 && a.status! < 500), `${target}: ${a.text}`).toBe(true)
    }
  })

  it('sends nosniff and no-store on every answer: API, errors, health, refused upgrades', async () => {
    for (const a of [
      await rawGet(port, '/health'),
      await rawGet(port, '/v1/me'),
      await rawGet(port, '//%'),
      await rawGet(port, '/nothing'),
      await rawRequest(
        port,
        'POST /v1/auth/guest HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}',
      ),
      await rawGet(
        port,
        '/v1/ws',
        'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n',
      ),
    ]) {
      expect(a.text).toMatch(/\r\nx-content-type-options: nosniff\r\n/i)
      expect(a.text).toMatch(/\r\ncache-control: no-store\r\n/i)
    }
  })

  it('logs a client that closes mid-body at debug, not error', async () => {
    logged.length = 0
    await rawRequest(port, 'POST /v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{"username":')
    await new Promise((r) => setTimeout(r, 100))
    expect(logged.filter((l) => l.level === 'error')).toEqual([])
    expect(logged).toContainEqual({ level: 'debug', msg: 'client went away mid-request' })
  })

  it('never answers 5xx nor throws, whatever the method, path, headers and body (generated)', async () => {
    const pathChar = fc.constantFrom(
      ...'/%[]:@?#&=.~-_!$\'()*+,;aZ09 \\"<>^`{|}'.split(''),
      '%00',
      '%2F',
      '%C0',
      '%zz',
      'é',
      '\u0000',
    )
    const path = fc.oneof(
      fc.array(pathChar, { maxLength: 24 }).map((cs) => cs.join('')),
      fc
        .constantFrom(
          '/v1/',
          '/v1/me',
          '/v1/auth/login',
          '/v1/conversations/',
          '/v1/groups/x/members/',
          '/v1/conversations/a/messages',
        )
        .chain((p) => fc.array(pathChar, { maxLength: 8 }).map((cs) => p + cs.join(''))),
    )
    const method = fc.oneof(
      fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'CONNECT', 'get'),
      fc.stringMatching(/^[A-Z!#$%&'*+.^_`|~-]{1,10}$/),
    )
    const header = fc.tuple(fc.stringMatching(/^[A-Za-z0-9-]{1,20}$/), fc.string({ maxLength: 40 }))
    const headers = fc.array(
      fc.oneof(
        header,
        fc.constant<[string, string]>(['Authorization', 'Bearer good']),
        fc.constant<[string, string]>(['Content-Length', '5']),
      ),
      { maxLength: 4 },
    )
    const body = fc.oneof(
      fc.constant(''),
      fc.json(),
      fc.string({ maxLength: 200 }),
      fc.constant('{"content":"x","idempotencyKey":1}'),
    )
    await fc.assert(
      fc.asyncProperty(method, path, headers, body, async (m, p, hs, b) => {
        const head = hs.map(([k, v]) => `${k}: ${v.replace(/[\r\n]/g, ' ')}`).join('\r\n')
        const req = `${m} ${p.startsWith('/') ? p : '/' + p} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n${head ? head + '\r\n' : ''}\r\n${b}`
        const a = await rawRequest(port, Buffer.from(req, 'utf8'))
        if (a.status !== null) expect(a.status, req).toBeLessThan(500)
      }),
      { numRuns: 300 },
    )
    expect((await rawGet(port, '/health')).status).toBe(200)
    expect(unhandled).toEqual([])
  }, 60_000)
})

describe('limits', () => {
  const post = (path: string, headers = '') =>
    rawRequest(
      limitedPort,
      `POST ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n${headers}Content-Length: 2\r\n\r\n{}`,
    )
  const me = (token: string) => rawGet(limitedPort, '/v1/me', `Authorization: Bearer ${token}\r\n`)

  it('limits the auth routes per client IP: a burst, then 429 with Retry-After and the usual error body', async () => {
    clock = 0
    const statuses = [
      (await post('/v1/auth/login')).status,
      (await post('/v1/auth/guest')).status,
      (await post('/v1/auth/register')).status,
    ]
    expect(statuses).toEqual([404, 404, 404]) // through to the (refusing) logic
    const refused = await post('/v1/auth/guest')
    expect(refused.status).toBe(429)
    expect(refused.text).toMatch(/\r\nretry-after: 1\r\n/i)
    expect(JSON.parse(refused.text.slice(refused.text.indexOf('\r\n\r\n') + 4))).toEqual({
      error: { code: 'rate_limited', message: expect.any(String), retryAfter: 1 },
    })
    expect((await me('good-a')).status).toBe(404) // authenticated routes do not count against the IP
    clock += 1000
    expect((await post('/v1/auth/login')).status).toBe(404)
    expect((await post('/v1/auth/login')).status).toBe(429)
  })

  it('limits authenticated requests per user, each user on their own', async () => {
    clock = 10_000
    expect([(await me('good-u1')).status, (await me('good-u1')).status]).toEqual([404, 404])
    const refused = await me('good-u1')
    expect(refused.status).toBe(429)
    expect(refused.text).toMatch(/\r\nretry-after: 1\r\n/i)
    expect((await me('good-u2')).status).toBe(404)
    clock += 500
    expect((await me('good-u1')).status).toBe(404)
  })

  it('limits the admin path per client IP on its own budget', async () => {
    clock = 20_000
    const admin = () => post('/v1/admin/users/bulk', 'x-gochat-admin-secret: guess\r\n')
    expect([(await admin()).status, (await admin()).status]).toEqual([400, 400]) // no count: refused before logic
    const refused = await admin()
    expect(refused.status).toBe(429)
    expect(refused.text).toMatch(/\r\nretry-after: 60\r\n/i)
  })
})
