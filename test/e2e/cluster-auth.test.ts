// Logout and the login lockout across processes on real Kafka, MariaDB and Redis (issue 11, findings 6 and 7):
// both live in Redis, so a logout at one gateway holds at the other, and a lock made through one gateway holds
// through the other. Every process signs with the one secret the cluster made. A logout also holds when Redis
// loses its keys (issue 23, finding 1): revocations are kept in MariaDB and copied back into Redis.
import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import { describe, expect, it } from 'vitest'
import { RestClient } from '../../src/client/rest.js'
import { SocketClient } from '../../src/client/socket.js'
import { useCluster } from '../helpers/cluster-run.js'
import { infraAvailable, REDIS } from '../helpers/infra.js'
import { deleteKeys } from '../helpers/redis.js'
import { until } from '../helpers/until.js'

describe.skipIf(!(await infraAvailable('kafka', 'mysql', 'redis')))('auth across a cluster', () => {
  const c = useCluster('auth', { env: { GOCHAT_HEARTBEAT_INTERVAL_MS: '500', GOCHAT_LOGIN_MAX_FAILURES: '3' } })
  const post = (url: string, path: string, body: unknown, token?: string) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    })

  it('a logout at one gateway refuses the token and closes its sockets at the other', async () => {
    const [gw1, gw2] = c.cluster.gatewayUrls as [string, string]
    const { token } = await new RestClient(gw1).guest('leaving')
    expect((await fetch(`${gw2}/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200)
    const there = await SocketClient.connect(gw2, token)
    expect((await there.ping()).op).toBe('pong')
    expect((await post(gw1, '/v1/auth/logout', {}, token)).status).toBe(204)
    const end = Date.now() + 5000
    while (!there.closed && Date.now() < end) await new Promise((r) => setTimeout(r, 50))
    expect(there.closed).toEqual({ code: 1008, reason: 'token revoked' })
    await new Promise((r) => setTimeout(r, 1100)) // gw-2's cached verification is rechecked within a second
    expect((await fetch(`${gw2}/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401)
    await expect(SocketClient.connect(gw2, token)).rejects.toThrow(/401/)
  })

  it('failed logins through one gateway lock the username through the other', async () => {
    const [gw1, gw2] = c.cluster.gatewayUrls as [string, string]
    const username = `lock${randomUUID().slice(0, 8)}`
    await new RestClient(gw1).register(username, 'right-password')
    for (let i = 0; i < 3; i++)
      expect((await post(gw1, '/v1/auth/login', { username, password: 'wrong' })).status).toBe(401)
    const res = await post(gw2, '/v1/auth/login', { username: username.toUpperCase(), password: 'right-password' })
    expect(res.status).toBe(429)
    expect(((await res.json()) as { error: { retryAfter: number } }).error.retryAfter).toBeGreaterThan(0)
  })

  // last: it deletes every key of the cluster's prefix (and only those: the Redis is shared)
  it("a logout holds after Redis loses the cluster's keys: refused from MariaDB, then from Redis again", async () => {
    const [gw1, gw2] = c.cluster.gatewayUrls as [string, string]
    const me = (url: string, token: string) =>
      fetch(`${url}/v1/me`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status)
    const { token: revoked } = await new RestClient(gw1).guest('flushed')
    const { token: kept } = await new RestClient(gw1).guest('staying')
    expect(await me(gw2, revoked)).toBe(200) // remembered by gw-2's token cache
    expect((await post(gw1, '/v1/auth/logout', {}, revoked)).status).toBe(204)
    const refused = await until(
      () => me(gw2, revoked),
      (s) => s === 401,
      5000,
    )
    expect(refused).toBe(401)

    await deleteKeys(c.redisKeyPrefix) // what FLUSHALL or an empty restart would do to this cluster
    const redis = new Redis(REDIS)
    try {
      expect(await redis.exists(`${c.redisKeyPrefix}revoked:{rv}:loaded`)).toBe(0)
      for (const gw of [gw1, gw2]) expect(await me(gw, revoked)).toBe(401)
      await expect(SocketClient.connect(gw2, revoked)).rejects.toThrow(/401/)
      expect(await me(gw2, kept)).toBe(200)
      // repo copied the revocations back into Redis: the marker and the revoked token's key are there again
      const loaded = () => redis.exists(`${c.redisKeyPrefix}revoked:{rv}:loaded`)
      expect(await until(loaded, (n) => n === 1, 10_000)).toBe(1)
      const { jti } = JSON.parse(Buffer.from(revoked.split('.')[1]!, 'base64url').toString()) as { jti: string }
      expect(await redis.exists(`${c.redisKeyPrefix}revoked:{rv}:${jti}`)).toBe(1)
      for (const gw of [gw1, gw2]) expect(await me(gw, revoked)).toBe(401)
    } finally {
      redis.disconnect()
    }
  })
})
