// The gateway's token cache honours logout (issue 11, finding 7): a revoked token is refused within
// REVOCATION_CHECK_MS of its revocation, however recently logic verified it; connections of it are closed.
import { describe, expect, it, vi } from 'vitest'
import { SignJWT } from 'jose'
import { cacheRevocation, reloadRevocations, revokedKey } from '../../src/auth/revocation.js'
import { AppError } from '../../src/core/errors.js'
import { MemoryCache } from '../../src/drivers/memory/cache.js'
import { createTokens } from '../../src/auth/tokens.js'
import { closeRevoked, Connection, REVOKED_CLOSE } from './connections.js'
import { cachedVerifier, REVOCATION_CHECK_MS, TOKEN_CACHE_MS } from './token-cache.js'

/** a revocation as repo's RevokeToken leaves it in the cache */
const revoke = (cache: MemoryCache, jti: string, expSeconds: number, now = Date.now()) =>
  cacheRevocation(cache, { jti, expiresAt: expSeconds * 1000 }, now)
/** the cache's copy of the (here empty) store is complete */
const loaded = async (cache: MemoryCache) => expect(await reloadRevocations(cache, async () => [])).toBe(0)
/** logic's CheckRevoked, asked only while the cache's copy is incomplete */
const noStoreCheck = vi.fn(async () => {
  throw new Error('the store was asked while the cache had a complete copy')
})

const key = new TextEncoder().encode('test-secret-of-sufficient-length-0123')
const token = (jti: string) =>
  new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('u_1')
    .setJti(jti)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(key)

async function setup() {
  let now = Date.now()
  const cache = new MemoryCache()
  await loaded(cache)
  const revokedJtis = new Set<string>()
  const VerifyToken = vi.fn(async ({ token: t = '' }: { token?: string }) => {
    const { jti } = JSON.parse(Buffer.from(t.split('.')[1]!, 'base64url').toString()) as { jti: string }
    if (revokedJtis.has(jti)) throw new AppError('invalid_token', 'revoked')
    return { user_id: 'u_1' }
  })
  const verifier = cachedVerifier({ VerifyToken, CheckRevoked: noStoreCheck }, { cache, nowMs: () => now })
  const logout = async (jti: string) => {
    revokedJtis.add(jti)
    await revoke(cache, jti, Math.floor(now / 1000) + 3600, now)
  }
  return { verifier, VerifyToken, logout, advance: (ms: number) => (now += ms) }
}

describe('cachedVerifier and logout', () => {
  it('refuses a remembered token once it is revoked, after at most REVOCATION_CHECK_MS', async () => {
    const { verifier, VerifyToken, logout, advance } = await setup()
    const [a, b] = [await token('a'), await token('b')]
    expect(await verifier.verify(a)).toBe('u_1')
    expect(await verifier.verify(b)).toBe('u_1')
    expect(VerifyToken).toHaveBeenCalledTimes(2)
    await logout('a')
    advance(REVOCATION_CHECK_MS + 1)
    await expect(verifier.verify(a)).rejects.toMatchObject({ code: 'invalid_token' })
    await expect(verifier.verify(a)).rejects.toMatchObject({ code: 'invalid_token' }) // asks logic, which refuses
    expect(await verifier.verify(b)).toBe('u_1')
    expect(VerifyToken).toHaveBeenCalledTimes(3)
  })

  it('rechecks at most once per REVOCATION_CHECK_MS, and asks logic again after TOKEN_CACHE_MS', async () => {
    const { verifier, VerifyToken, advance } = await setup()
    const a = await token('a')
    for (let i = 0; i < 50; i++) {
      expect(await verifier.verify(a)).toBe('u_1')
      advance(100)
    }
    expect(VerifyToken).toHaveBeenCalledTimes(1)
    advance(TOKEN_CACHE_MS)
    await verifier.verify(a)
    expect(VerifyToken).toHaveBeenCalledTimes(2)
  })

  it('forget drops a token at once (the gateway that served the logout)', async () => {
    const { verifier, VerifyToken, logout } = await setup()
    const a = await token('a')
    await verifier.verify(a)
    await logout('a')
    verifier.forget(a)
    await expect(verifier.verify(a)).rejects.toMatchObject({ code: 'invalid_token' })
    expect(VerifyToken).toHaveBeenCalledTimes(2)
  })
})

describe('cachedVerifier with the shared secret (no logic round trip)', () => {
  const secret = new TextDecoder().decode(key)
  const setupLocal = async () => {
    const cache = new MemoryCache()
    await loaded(cache)
    const VerifyToken = vi.fn(async () => ({ user_id: 'never' }))
    const tokens = createTokens({ secret, ttlSeconds: 3600 })
    const verifier = cachedVerifier({ VerifyToken, CheckRevoked: noStoreCheck }, { cache, tokens })
    return { cache, VerifyToken, tokens, verifier }
  }

  it('verifies a token locally and never asks logic', async () => {
    const { verifier, VerifyToken, tokens } = await setupLocal()
    expect(await verifier.verify(await tokens.issue('u_7'))).toBe('u_7')
    expect(VerifyToken).not.toHaveBeenCalled()
  })

  it('checks the revocations of one turn in one cache call, each token with its own answer', async () => {
    const cache = new MemoryCache()
    await loaded(cache)
    const tokens = createTokens({ secret, ttlSeconds: 3600 })
    let now = Date.now()
    const verifier = cachedVerifier(
      { VerifyToken: vi.fn(), CheckRevoked: noStoreCheck },
      { cache, tokens, nowMs: () => now },
    )
    const issued = await Promise.all(['u_1', 'u_2', 'u_3', 'u_4'].map((u) => tokens.issue(u)))
    for (const t of issued) await verifier.verify(t) // remembered: a recheck is only the revocation lookup
    const jtiOf = (t: string) =>
      (JSON.parse(Buffer.from(t.split('.')[1]!, 'base64url').toString()) as { jti: string }).jti
    await revoke(cache, jtiOf(issued[2]!), Math.floor(now / 1000) + 3600, now)
    now += REVOCATION_CHECK_MS + 1
    const getMany = vi.spyOn(cache, 'getMany')
    const answers = await Promise.allSettled(issued.map((t) => verifier.verify(t)))
    expect(getMany).toHaveBeenCalledTimes(1)
    expect(getMany.mock.calls[0]![0]).toHaveLength(9) // the four tokens, their users and the marker of a complete copy
    expect(answers.map((a) => (a.status === 'fulfilled' ? a.value : 'refused'))).toEqual([
      'u_1',
      'u_2',
      'refused',
      'u_4',
    ])
  })

  it('refuses a revoked, a foreign-signed, an over-long and an unsigned token, as logic does', async () => {
    const { verifier, VerifyToken, tokens, cache } = await setupLocal()
    const t = await tokens.issue('u_7')
    const { jti } = JSON.parse(Buffer.from(t.split('.')[1]!, 'base64url').toString()) as { jti: string }
    await revoke(cache, jti, Math.floor(Date.now() / 1000) + 3600)
    await expect(verifier.verify(t)).rejects.toMatchObject({ code: 'invalid_token' })
    const foreign = await createTokens({ secret: `${secret}-other`, ttlSeconds: 3600 }).issue('u_7')
    await expect(verifier.verify(foreign)).rejects.toMatchObject({ code: 'invalid_token' })
    const longLived = await createTokens({ secret, ttlSeconds: 30 * 86400 }).issue('u_7')
    await expect(verifier.verify(longLived)).rejects.toMatchObject({ code: 'invalid_token' })
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${t.split('.')[1]}.`
    await expect(verifier.verify(unsigned)).rejects.toMatchObject({ code: 'invalid_token' })
    expect(VerifyToken).not.toHaveBeenCalled()
  })
})

describe('cachedVerifier when the cache lost the revocations', () => {
  it('asks the store (logic CheckRevoked) once a turn until the copy is complete again, then the cache alone', async () => {
    const secret = new TextDecoder().decode(key)
    const cache = new MemoryCache()
    const tokens = createTokens({ secret, ttlSeconds: 3600 })
    const [kept, gone] = await Promise.all([tokens.issue('u_1'), tokens.issue('u_2')])
    const goneJti = JSON.parse(Buffer.from(gone.split('.')[1]!, 'base64url').toString()).jti as string
    const stored = [{ jti: goneJti, expiresAt: Date.now() + 3_600_000 }] // the store's revoked_tokens
    const CheckRevoked = vi.fn(async ({ jtis = [] }: { jtis?: string[] }) => ({
      revoked_jtis: jtis.filter((j) => stored.some((r) => r.jti === j)),
    }))
    const verifier = cachedVerifier({ VerifyToken: vi.fn(), CheckRevoked }, { cache, tokens })
    // an empty cache (a flushed Redis, a restarted gochat up): the revoked token is still refused
    const answers = await Promise.allSettled([verifier.verify(kept), verifier.verify(gone)])
    expect(answers.map((a) => a.status)).toEqual(['fulfilled', 'rejected'])
    expect(CheckRevoked).toHaveBeenCalledTimes(1)
    expect(await cache.get(revokedKey(goneJti))).toBeNull()
    // repo copies the store into the cache: from then on no store round trip, and still refused
    expect(await reloadRevocations(cache, async () => stored)).toBe(1)
    await expect(verifier.verify(gone)).rejects.toMatchObject({ code: 'invalid_token' })
    expect(await verifier.revoked([goneJti, 'other'])).toEqual(new Set([goneJti]))
    expect(CheckRevoked).toHaveBeenCalledTimes(1)
  })
})

describe('closeRevoked', () => {
  it("closes every connection of a user whose tokens were all revoked (gochat users erase), and no one else's", async () => {
    const conns = [
      ['u_gone', 'a'],
      ['u_gone', 'b'],
      ['u_kept', 'c'],
    ].map(([user, jti]) => Object.assign(new Connection(user!, { close: vi.fn() } as never), { jti }))
    const closed = await closeRevoked(conns, async (ids) => new Set(ids.filter((id) => id === 'user:u_gone')))
    expect(closed).toBe(2)
    expect(conns.map((c) => (c.ws.close as ReturnType<typeof vi.fn>).mock.calls.length)).toEqual([1, 1, 0])
  })

  it('closes the connections of revoked tokens only, with 1008', async () => {
    const ws = () => ({ close: vi.fn() })
    const conns = ['a', 'b', 'a', undefined].map((jti) => {
      const c = new Connection('u_1', ws() as never)
      if (jti) c.jti = jti
      return c
    })
    const asked: string[][] = []
    const closed = await closeRevoked(conns, async (jtis) => (asked.push(jtis), new Set(['a'])))
    expect(closed).toBe(2)
    expect(asked).toEqual([['a', 'user:u_1', 'b']])
    expect(conns.map((c) => (c.ws.close as ReturnType<typeof vi.fn>).mock.calls)).toEqual([
      [[REVOKED_CLOSE.code, REVOKED_CLOSE.reason]],
      [],
      [[1008, 'token revoked']],
      [],
    ])
  })
})
