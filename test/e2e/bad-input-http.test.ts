// The bad-input corpus, HTTP side: request lines, targets, methods, headers and bodies no client library would
// send, WebSocket upgrade oddities and slow clients, against `gochat up` (a real child process). Whatever comes in,
// the answer is a 4xx (or the connection is closed), never a 5xx, and the process is alive at the end and answers
// /health. (WebSocket frames and Kafka records have corpora of their own.)
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rawRequest, type RawAnswer } from '../helpers/raw-http.js'
import { startUp } from '../helpers/up.js'

const HEADERS_TIMEOUT_MS = 2000
const REQUEST_TIMEOUT_MS = 3000

let up: Awaited<ReturnType<typeof startUp>>
let port = 0
beforeAll(async () => {
  // GOCHAT_ADMIN_SECRET empty: up makes one for the run and prints it
  up = await startUp([], {
    GOCHAT_ADMIN_SECRET: '',
    GOCHAT_HTTP_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
    GOCHAT_HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
  })
  port = Number(new URL(up.url).port)
})
afterAll(async () => {
  await up?.stop()
})

const send = (req: string | Buffer) => rawRequest(port, req, 10_000)
const get = (target: string, headers = '') =>
  send(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n${headers}\r\n`)
const post = (target: string, body: string | Buffer, headers = '') =>
  send(
    Buffer.concat([
      Buffer.from(
        `POST ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${headers}\r\n`,
      ),
      Buffer.from(body),
    ]),
  )
const bodyOf = (a: RawAnswer) => a.text.slice(a.text.indexOf('\r\n\r\n') + 4)

function expectRefused(a: RawAnswer, what: string) {
  if (a.status === null) return // closed without an answer: acceptable for garbage
  expect(a.status, `${what}: ${a.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400)
  expect(a.status, `${what}: ${a.text.slice(0, 200)}`).toBeLessThan(500)
}

const UPGRADE =
  'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n'

describe('bad input over HTTP against gochat up', () => {
  it('request targets', async () => {
    const targets = [
      '//%',
      '//',
      '///',
      '//[',
      '//:99999',
      '//evil.example/',
      '/%',
      '/%00',
      '/%zz',
      '/..%2f..%2fetc/passwd',
      '/../../etc/passwd',
      '/.env',
      '/index.html%00.js',
      '/v1/',
      '/v1/%',
      '/v1/conversations/%E0%A4%A/messages',
      '/v1/groups/%2F/members',
      '/?x=%',
      '/v1/me?%=%',
      `/${'a'.repeat(9000)}`,
      `/v1/conversations/${'%41'.repeat(3000)}/messages`,
    ]
    for (const t of targets) expectRefused(await get(t), t)
    expectRefused(await send('OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'), 'OPTIONS *')
    expectRefused(
      await send('GET http://evil.example/v1/me HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
      'absolute form',
    )
  })

  it('methods and request lines', async () => {
    for (const m of ['FOO', 'get', 'OPTIONS', 'TRACE', 'PROPFIND', 'DELETE', 'PUT'])
      expectRefused(await send(`${m} /v1/me HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`), m)
    for (const line of [
      'CONNECT 127.0.0.1:22 HTTP/1.1',
      'GET / HTTP/2.0',
      'GET / HTTP/9.9',
      'GET /',
      'GET  / HTTP/1.1',
      '\u0000\u0001\u0002',
      'GET /\u0007 HTTP/1.1',
    ]) {
      expectRefused(await send(`${line}\r\nHost: x\r\nConnection: close\r\n\r\n`), JSON.stringify(line))
    }
    expectRefused(
      await send(Buffer.from([0x16, 0x03, 0x01, 0x00, 0xa5, 0x01, 0x00, 0x00, 0xa1, 0x03, 0x03])),
      'a TLS hello',
    )
  })

  it('headers', async () => {
    const cases = [
      `X-Big: ${'x'.repeat(20_000)}\r\n`,
      Array.from({ length: 500 }, (_, i) => `X-H${i}: v\r\n`).join(''),
      'Authorization: Bearer\r\n',
      'Authorization: Bearer %%%\r\n',
      `Authorization: Bearer ${'e'.repeat(5000)}\r\n`,
      'Authorization: Basic Zm9vOmJhcg==\r\n',
      'Authorization: Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1MSJ9.\r\n',
      'Content-Length: -1\r\n',
      'Content-Length: abc\r\n',
      'Content-Length: 1\r\nContent-Length: 2\r\n',
      'Transfer-Encoding: chunked\r\nContent-Length: 3\r\n',
      'Bad Header: x\r\n',
      'X-Nul: a\u0000b\r\n',
      'X-Folded: a\r\n b\r\n',
      'Host: \r\n',
    ]
    for (const h of cases) expectRefused(await get('/v1/me', h), h.slice(0, 40))
    expectRefused(
      await send(
        'POST /v1/auth/guest HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n',
      ),
      'bad chunk',
    )
    expectRefused(await send('GET /v1/me HTTP/1.1\r\nConnection: close\r\n\r\n'), 'no Host')
  })

  it('bodies', async () => {
    const bodies: Array<string | Buffer> = [
      '{',
      '[]',
      'null',
      '"x"',
      '1e999999',
      '{"displayName":1e400}',
      '{"displayName":{"a":[1,2]}}',
      '['.repeat(100_000),
      '{"__proto__":{"x":1}}',
      Buffer.from([0xff, 0xfe, 0x00, 0x7b]),
      '{"displayName":"\uD800"}',
      'x'.repeat(70_000),
      `{"displayName":"${'y'.repeat(70_000)}"}`,
    ]
    for (const b of bodies) {
      const a = await post('/v1/auth/login', b)
      expectRefused(a, String(b).slice(0, 30))
      if (a.status)
        expect(JSON.parse(bodyOf(a))).toEqual({ error: { code: expect.any(String), message: expect.any(String) } })
    }
    // a body far over the limit: answered 413 or cut, not read to its end
    expectRefused(await post('/v1/auth/login', Buffer.alloc(2 * 1024 * 1024, 0x61)), '2 MiB body')
  })

  it('WebSocket upgrade oddities', async () => {
    const up = (target: string, headers = UPGRADE, method = 'GET') =>
      send(`${method} ${target} HTTP/1.1\r\nHost: x\r\n${headers}\r\n`)
    for (const t of [
      '//',
      '//%',
      '//[',
      '//:99999',
      '/v1/ws/..',
      '/v1/ws?token=%',
      '/v1/ws?token=',
      '/v1/ws?token=garbage',
      '/v1/ws?token=a&token=b',
      '/',
    ])
      expectRefused(await up(t), `upgrade ${t}`)
    expectRefused(
      await up('/v1/ws?token=x', 'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n'),
      'no key',
    )
    expectRefused(
      await up(
        '/v1/ws?token=x',
        'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 8\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n',
      ),
      'version 8',
    )
    expectRefused(await up('/v1/ws?token=x', 'Upgrade: h2c\r\nConnection: Upgrade\r\n'), 'h2c')
    expectRefused(await up('/v1/ws?token=x', UPGRADE, 'POST'), 'POST upgrade')
    // a real token, broken handshakes
    const guest = JSON.parse(bodyOf(await post('/v1/auth/guest', '{}'))) as { token: string }
    expectRefused(
      await up(
        `/v1/ws?token=${guest.token}`,
        'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: short\r\n',
      ),
      'bad key',
    )
    const ok = await up(`/v1/ws?token=${guest.token}`)
    expect(ok.status).toBe(101)
  })

  it('the admin path: the secret of the run only, never the token-signing key', async () => {
    expect(up.output()).toMatch(/GOCHAT_ADMIN_SECRET=\S+ gochat bench send/)
    const bulk = (secret: string) => post('/v1/admin/users/bulk', '{"count":2}', `x-gochat-admin-secret: ${secret}\r\n`)
    expect((await bulk('gochat-dev-secret-change-me')).status).toBe(403)
    expect((await bulk('')).status).toBe(403)
    const a = await bulk(up.adminSecret)
    expect(a.status).toBe(201)
    expect((JSON.parse(bodyOf(a)) as { users: unknown[] }).users).toHaveLength(2)
    expect(
      (await post('/v1/admin/users/bulk', '{"count":10001}', `x-gochat-admin-secret: ${up.adminSecret}\r\n`)).status,
    ).toBe(400)
  })

  it('drops a slow-header client within the headers timeout', async () => {
    const closedAfter = await new Promise<number>((resolve) => {
      const s = connect(port, '127.0.0.1')
      const start = Date.now()
      s.on('connect', () => s.write('GET /health HTTP/1.1\r\nHost: x\r\n')) // and never the blank line
      s.on('data', () => undefined) // reads the 408, and so sees the close
      s.on('error', () => undefined)
      s.on('close', () => resolve(Date.now() - start))
    })
    console.log(`slow-header client dropped after ${closedAfter} ms (headers timeout ${HEADERS_TIMEOUT_MS} ms)`)
    expect(closedAfter).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 100)
    expect(closedAfter).toBeLessThan(HEADERS_TIMEOUT_MS + 3000)
  })

  it('drops a slow-body client within the request timeout, with 408', async () => {
    const { ms, text } = await new Promise<{ ms: number; text: string }>((resolve) => {
      const s = connect(port, '127.0.0.1')
      const start = Date.now()
      let text = ''
      let timer: NodeJS.Timeout | undefined
      s.on('connect', () => {
        s.write(
          'POST /v1/auth/guest HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{',
        )
        timer = setInterval(() => s.write(' '), 500) // a byte every half second: never done in time
      })
      s.on('data', (d) => (text += d))
      s.on('error', () => undefined)
      s.on('close', () => {
        clearInterval(timer)
        resolve({ ms: Date.now() - start, text })
      })
    })
    console.log(`slow-body client dropped after ${ms} ms (request timeout ${REQUEST_TIMEOUT_MS} ms)`)
    expect(ms).toBeLessThan(REQUEST_TIMEOUT_MS + 3000)
    if (text) expect(text).toMatch(/^HTTP\/1\.1 408/)
  })

  it('answers a flood of guest sign-ins from one address with 429 and Retry-After', async () => {
    const answers = await Promise.all(Array.from({ length: 90 }, () => post('/v1/auth/guest', '{}')))
    const limited = answers.filter((a) => a.status === 429)
    expect(limited.length).toBeGreaterThan(0)
    expect(answers.every((a) => a.status === 201 || a.status === 429)).toBe(true)
    expect(limited[0]!.text).toMatch(/\r\nretry-after: \d+\r\n/i)
    expect(JSON.parse(bodyOf(limited[0]!))).toEqual({
      error: {
        code: 'rate_limited',
        message: expect.any(String),
        retryAfter: Number(/retry-after: (\d+)/i.exec(limited[0]!.text)![1]),
      },
    })
  })

  it('is still up after all of it, and /health answers', async () => {
    expect(up.child.exitCode).toBeNull()
    const health = await fetch(`${up.url}/health`)
    expect(health.status).toBe(200)
    expect(up.output()).not.toMatch(/Invalid URL|unhandled promise rejection|uncaught exception/)
  })
})
