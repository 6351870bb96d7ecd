// Issue 11, finding 6: a failed-login lockout per username (in the cache port) and bounded scrypt concurrency.
import { beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../src/core/errors.js'
import { MemoryCache } from '../../src/drivers/memory/cache.js'
import type { RepoApi } from '../../src/rpc/api.js'
import { createAuth } from './auth.js'
import type { LogicDeps } from './deps.js'
import { createLoginThrottle } from './login-throttle.js'
import { hashPassword, HashSlots } from './passwords.js'
import { createTokens } from '../../src/auth/tokens.js'

const tokens = createTokens({ secret: 'test-secret-of-sufficient-length-0123', ttlSeconds: 60 })

describe('failed-login lockout', () => {
  let hash = ''
  beforeAll(async () => {
    hash = await hashPassword('right-password')
  })

  function setup(maxFailures = 3) {
    let now = 1_700_000_000_000
    const cache = new MemoryCache()
    const users = new Map([['alice', { user_id: 'u_alice', username: 'alice', password_hash: hash, guest: false }]])
    const repo = {
      GetUser: async ({ username }: { username: string }) => {
        const u = users.get(username.toLowerCase())
        if (!u) throw new AppError('not_found', 'no such user')
        return u
      },
    } as unknown as RepoApi
    const throttle = createLoginThrottle({ cache, maxFailures, lockoutSeconds: 900, nowMs: () => now })
    const auth = createAuth({ repo } as LogicDeps, tokens, { throttle, hashing: new HashSlots(2, 100), cache })
    return { auth, cache, now: () => now, advance: (ms: number) => (now += ms) }
  }

  it('refuses even the right password with rate_limited and a retry-after once a username failed N times, until the lock ends', async () => {
    const { auth, advance } = setup(3)
    for (let i = 0; i < 3; i++)
      await expect(auth.Login({ username: 'alice', password: `wrong-${i}` })).rejects.toMatchObject({
        code: 'invalid_credentials',
      })
    const locked = await auth.Login({ username: 'alice', password: 'right-password' }).catch((e: AppError) => e)
    expect(locked).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 900 })
    expect((locked as AppError).toJSON().error).toMatchObject({ code: 'rate_limited', retryAfter: 900 })
    // another spelling of the same name is the same lock
    await expect(auth.Login({ username: 'ALICE', password: 'right-password' })).rejects.toMatchObject({
      code: 'rate_limited',
    })
    advance(600_000)
    await expect(auth.Login({ username: 'alice', password: 'right-password' })).rejects.toMatchObject({
      code: 'rate_limited',
      retryAfterSeconds: 300,
    })
    advance(300_001)
    expect((await auth.Login({ username: 'alice', password: 'right-password' })).user_id).toBe('u_alice')
  })

  it('a successful login resets the count; unknown usernames lock alike', async () => {
    const { auth } = setup(3)
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 2; i++)
        await expect(auth.Login({ username: 'alice', password: 'wrong' })).rejects.toMatchObject({
          code: 'invalid_credentials',
        })
      expect((await auth.Login({ username: 'alice', password: 'right-password' })).user_id).toBe('u_alice')
    }
    for (let i = 0; i < 3; i++)
      await expect(auth.Login({ username: 'nobody', password: 'wrong' })).rejects.toMatchObject({
        code: 'invalid_credentials',
      })
    await expect(auth.Login({ username: 'nobody', password: 'wrong' })).rejects.toMatchObject({ code: 'rate_limited' })
  })

  it('the lock lives in the cache, so another logic instance on the same cache refuses too', async () => {
    const { auth, cache, now } = setup(2)
    for (let i = 0; i < 2; i++)
      await expect(auth.Login({ username: 'alice', password: 'wrong' })).rejects.toMatchObject({
        code: 'invalid_credentials',
      })
    const other = createAuth({ repo: {} as RepoApi } as LogicDeps, tokens, {
      throttle: createLoginThrottle({ cache, maxFailures: 2, lockoutSeconds: 900, nowMs: now }),
      hashing: new HashSlots(1, 1),
      cache,
    })
    await expect(other.Login({ username: 'alice', password: 'right-password' })).rejects.toMatchObject({
      code: 'rate_limited',
    })
  })
})

describe('HashSlots', () => {
  const gate = () => {
    let open!: () => void
    const p = new Promise<void>((r) => (open = r))
    return { p, open }
  }

  it('runs at most `concurrency` at once, queues up to maxQueue in order, refuses the rest with unavailable at once', async () => {
    const slots = new HashSlots(2, 3)
    let active = 0
    let peak = 0
    const order: number[] = []
    const gates = Array.from({ length: 5 }, gate)
    const runs = gates.map((g, i) =>
      slots.run(async () => {
        active++
        peak = Math.max(peak, active)
        order.push(i)
        await g.p
        active--
        return i
      }),
    )
    await new Promise((r) => setImmediate(r))
    expect(slots.queued).toBe(3)
    await expect(slots.run(async () => 99)).rejects.toMatchObject({ code: 'unavailable', retryAfterSeconds: 1 })
    for (const g of gates) g.open()
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4])
    expect(peak).toBe(2)
    expect(order).toEqual([0, 1, 2, 3, 4])
    expect(slots.queued).toBe(0)
  })

  it('frees the slot when the work fails', async () => {
    const slots = new HashSlots(1, 0)
    await expect(
      slots.run(async () => {
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect(await slots.run(async () => 'next')).toBe('next')
  })
})
