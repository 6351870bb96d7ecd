// POST /v1/auth/refresh's logic: a new token of the same session (same jti), the old one left to expire, a logout with
// any token of the session ending it, a revoked or expired token refused, and a guest never extended past
// guest_ttl_days (+ one token life) after its creation, before the guest sweep may delete it.
import { beforeAll, describe, expect, it } from 'vitest'
import { decodeJwt } from 'jose'
import { configKeys, type GochatConfig } from '../../src/config/index.js'
import { topics } from '../../src/contracts/topics.js'
import { MemoryBus } from '../../src/drivers/memory/bus.js'
import { MemoryCache } from '../../src/drivers/memory/cache.js'
import { MemoryStore } from '../../src/drivers/memory/store.js'
import { createLogger } from '../../src/observability/log.js'
import { createTokens } from '../../src/auth/tokens.js'
import { cacheRevocation, revocationExpiry, userRevocationId } from '../../src/auth/revocation.js'
import type { LogicApi } from '../../src/rpc/api.js'
import { startRepo } from '../repo/index.js'
import { createAuth } from './auth.js'
import { createLoginThrottle } from './login-throttle.js'
import { HashSlots } from './passwords.js'

const defaults = Object.fromEntries(Object.entries(configKeys).map(([k, v]) => [k, v.default])) as GochatConfig
const TTL = 3600
const DAY = 86_400
let now = Math.floor(Date.now() / 1000)
const tokens = createTokens({ secret: defaults.jwt_secret, ttlSeconds: TTL, nowSeconds: () => now })
let auth: Pick<LogicApi, 'Register' | 'Guest' | 'Refresh' | 'Logout' | 'VerifyToken'>
const store = new MemoryStore()
const cache = new MemoryCache()

beforeAll(async () => {
  const { api } = await startRepo({
    cfg: defaults,
    bus: new MemoryBus({ defaultPartitions: 1 }),
    log: createLogger(),
    store,
    cache,
  })
  auth = createAuth({ repo: api, topics: topics(defaults) }, tokens, {
    throttle: createLoginThrottle({ cache, maxFailures: 10, lockoutSeconds: 60 }),
    hashing: new HashSlots(2, 100),
    cache,
    guestTtlDays: 1,
  })
})

const claims = (token: string) => decodeJwt(token) as { jti: string; exp: number; sub: string }

describe('a user-wide revocation (gochat users erase)', () => {
  it("refuses every token of the user, refreshed or not, and no one else's", async () => {
    const a = await auth.Register({ username: `w${now}`, password: 'secret-pass' })
    const b = await auth.Register({ username: `v${now}`, password: 'secret-pass' })
    const second = await auth.Refresh({ token: a.token })
    const revocation = { jti: userRevocationId(a.user_id), expiresAt: revocationExpiry(now + TTL) }
    await store.revokeToken(revocation)
    await cacheRevocation(cache, revocation, now * 1000)
    for (const token of [a.token, second.token]) {
      await expect(auth.VerifyToken({ token })).rejects.toMatchObject({ code: 'invalid_token' })
      await expect(auth.Refresh({ token })).rejects.toMatchObject({ code: 'invalid_token' })
    }
    expect((await auth.VerifyToken({ token: b.token })).user_id).toBe(b.user_id)
  })
})

describe('Refresh', () => {
  it('a new token of the same session; the old one still works; a logout with the old one ends both', async () => {
    const { user_id, token } = await auth.Register({ username: `r${now}`, password: 'secret-pass' })
    now += 600
    const fresh = await auth.Refresh({ token })
    expect(fresh.user_id).toBe(user_id)
    expect(claims(fresh.token)).toMatchObject({ sub: user_id, jti: claims(token).jti, exp: now + TTL })
    expect((await auth.VerifyToken({ token })).user_id).toBe(user_id)
    await auth.Logout({ token })
    await expect(auth.VerifyToken({ token: fresh.token })).rejects.toMatchObject({ code: 'invalid_token' })
    await expect(auth.Refresh({ token: fresh.token })).rejects.toMatchObject({ code: 'invalid_token' })
  })

  it('an expired or malformed token is refused', async () => {
    const { token } = await auth.Guest({ display_name: 'late' })
    await expect(auth.Refresh({ token: 'nope' })).rejects.toMatchObject({ code: 'invalid_token' })
    now += TTL + 120
    await expect(auth.Refresh({ token })).rejects.toMatchObject({ code: 'invalid_token' })
  })

  it('a guest refreshes up to guest_ttl_days + one token life after its creation, then is told to register', async () => {
    now = Math.floor(Date.now() / 1000)
    const { token } = await auth.Guest({ display_name: 'g' })
    const end = claims(token).exp - TTL + DAY + TTL // created + guest_ttl_days + one token life (±1 s of iat)
    // refreshed every 50 minutes, as a client would: full lives until the end comes near, then a shorter last one
    let last = token
    const exps: number[] = []
    for (let i = 0; i < 40 && claims(last).exp < end - 1; i++) {
      now += 3000
      last = (await auth.Refresh({ token: last })).token
      exps.push(claims(last).exp)
    }
    expect(exps[0]).toBe(claims(token).exp - TTL + 3000 + TTL)
    expect(Math.abs(exps.at(-1)! - end)).toBeLessThanOrEqual(1)
    expect(exps.at(-1)).toBeLessThan(now + TTL)
    now += 60
    await expect(auth.Refresh({ token: last })).rejects.toMatchObject({
      code: 'invalid_token',
      message: expect.stringContaining('register'),
    })
  })
})
