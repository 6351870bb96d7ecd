// Issue 11, findings 4, 6 and 7 over real HTTP and WebSockets against `gochat up`: forged long-lived tokens,
// a login lockout that holds against the right password, logout, and tokens of users that do not exist.
import { randomUUID } from 'node:crypto'
import { SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RestClient } from '../../src/client/rest.js'
import { SocketClient } from '../../src/client/socket.js'
import { TEST_JWT_SECRET } from '../helpers/secret.js'
import { startUp } from '../helpers/up.js'

const key = new TextEncoder().encode(TEST_JWT_SECRET)
/** a token signed with the system's own secret, as whoever holds it could make */
const forge = (sub: string, lifeSeconds: number) => {
  const iat = Math.floor(Date.now() / 1000)
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setJti(randomUUID())
    .setIssuedAt(iat)
    .setExpirationTime(iat + lifeSeconds)
    .sign(key)
}

describe('auth hardening against gochat up', () => {
  let up: Awaited<ReturnType<typeof startUp>>
  const post = (path: string, body: unknown, token?: string) =>
    fetch(`${up.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    })

  beforeAll(async () => {
    up = await startUp([], { GOCHAT_LOGIN_MAX_FAILURES: '5', GOCHAT_TOKEN_TTL_SECONDS: '3600' })
  })
  afterAll(async () => {
    await up?.stop()
  })

  it('refuses a correctly signed token with a 100-year expiry, on REST and WebSocket', async () => {
    const { userId } = await new RestClient(up.url).guest('g')
    const forever = await forge(userId, 100 * 365 * 86400)
    expect((await fetch(`${up.url}/v1/me`, { headers: { authorization: `Bearer ${forever}` } })).status).toBe(401)
    await expect(SocketClient.connect(up.url, forever)).rejects.toThrow(/401/)
    // the same user with an ordinary lifetime is fine
    expect(
      (await fetch(`${up.url}/v1/me`, { headers: { authorization: `Bearer ${await forge(userId, 3600)}` } })).status,
    ).toBe(200)
  })

  it('locks a username after login_max_failures wrong passwords: the right one is refused with 429 and retryAfter', async () => {
    const username = `lock${randomUUID().slice(0, 8)}`
    await new RestClient(up.url).register(username, 'right-password')
    for (let i = 0; i < 5; i++)
      expect((await post('/v1/auth/login', { username, password: `wrong-${i}` })).status).toBe(401)
    const res = await post('/v1/auth/login', { username, password: 'right-password' })
    expect(res.status).toBe(429)
    const body = (await res.json()) as { error: { code: string; retryAfter: number } }
    expect(body.error.code).toBe('rate_limited')
    expect(body.error.retryAfter).toBeGreaterThan(800)
    expect(Number(res.headers.get('retry-after'))).toBe(body.error.retryAfter)
    // other accounts are not affected
    const other = `ok${randomUUID().slice(0, 8)}`
    await new RestClient(up.url).register(other, 'right-password')
    expect((await post('/v1/auth/login', { username: other, password: 'right-password' })).status).toBe(200)
  })

  it('logout: 204, then the token is refused and its socket closed; twice is 401', async () => {
    const { token } = await new RestClient(up.url).guest('leaving')
    const ws = await SocketClient.connect(up.url, token)
    expect((await ws.ping()).op).toBe('pong')
    expect((await post('/v1/auth/logout', {}, token)).status).toBe(204)
    expect((await fetch(`${up.url}/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401)
    const end = Date.now() + 5000
    while (!ws.closed && Date.now() < end) await new Promise((r) => setTimeout(r, 20))
    expect(ws.closed).toEqual({ code: 1008, reason: 'token revoked' })
    expect((await post('/v1/auth/logout', {}, token)).status).toBe(401)
    expect((await post('/v1/auth/logout', {})).status).toBe(401)
  })

  it('a token of a user that does not exist creates no conversation and sends nothing', async () => {
    const { userId: real } = await new RestClient(up.url).guest('real')
    const ghost = await forge(`u_ghost${randomUUID().slice(0, 8)}`, 3600)
    expect((await post('/v1/conversations/direct', { peerUserId: real }, ghost)).status).toBe(404)
    expect((await post('/v1/groups', { name: 'g', memberIds: [real] }, ghost)).status).toBe(404)
    expect((await post('/v1/groups', { name: 'g', memberIds: [] }, ghost)).status).toBe(404)
    const realToken = (await new RestClient(up.url).guest('peer')).token
    const { conversationId } = (await (
      await post('/v1/conversations/direct', { peerUserId: real }, realToken)
    ).json()) as { conversationId: string }
    expect(
      (await post(`/v1/conversations/${conversationId}/messages`, { content: 'boo', idempotencyKey: 'k' }, ghost))
        .status,
    ).toBe(403)
    const ws = await SocketClient.connect(up.url, ghost)
    expect(await ws.send(conversationId, 'boo', 'k2')).toMatchObject({ op: 'error', code: 'not_member' })
    await ws.close()
  })
})
