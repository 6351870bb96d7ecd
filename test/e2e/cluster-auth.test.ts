// Logout and the login lockout across processes on real Kafka, MariaDB and Redis (issue 11, findings 6 and 7):
// both live in Redis, so a logout at one gateway holds at the other, and a lock made through one gateway holds
// through the other. Every process signs with the one secret the cluster made.
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { RestClient } from '../../src/client/rest.js'
import { SocketClient } from '../../src/client/socket.js'
import { useCluster } from '../helpers/cluster-run.js'
import { infraAvailable } from '../helpers/infra.js'

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
})
