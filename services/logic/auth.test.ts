import { describe, expect, it } from 'vitest'
import { SignJWT } from 'jose'
import { hashPassword, verifyPassword } from './passwords.js'
import { createTokens } from '../../src/auth/tokens.js'

describe('passwords', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse')
    expect(await verifyPassword('correct horse', hash)).toBe(true)
    expect(await verifyPassword('correct horsf', hash)).toBe(false)
    expect(await verifyPassword('', hash)).toBe(false)
  })

  it('salts each hash, so equal passwords hash differently', async () => {
    const [a, b] = await Promise.all([hashPassword('same'), hashPassword('same')])
    expect(a).not.toBe(b)
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/)
    expect(await verifyPassword('same', b)).toBe(true)
  })

  it('never matches an empty or malformed stored hash', async () => {
    for (const stored of ['', 'scrypt$', 'bcrypt$1$2$3$4$5', 'scrypt$x$8$1$c2FsdA==$a2V5', 'scrypt$16384$8$1$$']) {
      expect(await verifyPassword('anything', stored)).toBe(false)
    }
  })
})

describe('tokens', () => {
  const secret = 'test-secret-of-sufficient-length'

  it('issues a token whose subject is the user id', async () => {
    const tokens = createTokens({ secret, ttlSeconds: 60 })
    expect(await tokens.verify(await tokens.issue('user-1'))).toMatchObject({
      userId: 'user-1',
      jti: expect.any(String),
    })
  })

  it('refuses an expired token', async () => {
    let now = 1_700_000_000
    const tokens = createTokens({ secret, ttlSeconds: 60, nowSeconds: () => now })
    const token = await tokens.issue('user-1')
    now += 59
    expect((await tokens.verify(token)).userId).toBe('user-1')
    now += 2
    await expect(tokens.verify(token)).rejects.toMatchObject({ code: 'invalid_token' })
  })

  it('refuses tampered, foreign and malformed tokens', async () => {
    const tokens = createTokens({ secret, ttlSeconds: 60 })
    const token = await tokens.issue('user-1')
    const [header, payload, sig] = token.split('.') as [string, string, string]
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), sub: 'admin' }),
    ).toString('base64url')
    const flipped = sig.slice(0, -2) + (sig.at(-2) === 'A' ? 'B' : 'A') + sig.at(-1)
    const other = await createTokens({ secret: 'another-secret-of-sufficient-len', ttlSeconds: 60 }).issue('user-1')
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`
    for (const bad of [
      `${header}.${forged}.${sig}`,
      `${header}.${payload}.${flipped}`,
      other,
      unsigned,
      'not-a-token',
      '',
    ]) {
      await expect(tokens.verify(bad)).rejects.toMatchObject({ code: 'invalid_token' })
    }
  })

  it('gives every token its own jti', async () => {
    const tokens = createTokens({ secret, ttlSeconds: 60 })
    const [a, b] = await Promise.all([tokens.issue('user-1'), tokens.issue('user-1')])
    expect((await tokens.verify(a)).jti).not.toBe((await tokens.verify(b)).jti)
  })

  it('refuses a correctly signed token that lives longer than token_ttl_seconds, or is dated ahead', async () => {
    const key = new TextEncoder().encode(secret)
    const now = 1_700_000_000
    const tokens = createTokens({ secret, ttlSeconds: 3600, nowSeconds: () => now })
    const sign = (iat: number, exp: number) =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('user-1')
        .setJti('j')
        .setIssuedAt(iat)
        .setExpirationTime(exp)
        .sign(key)
    await expect(tokens.verify(await sign(now, now + 100 * 365 * 86400))).rejects.toMatchObject({
      code: 'invalid_token',
    })
    await expect(tokens.verify(await sign(now - 10, now + 3600 + 61))).rejects.toMatchObject({ code: 'invalid_token' })
    await expect(tokens.verify(await sign(now + 3000, now + 3600))).rejects.toMatchObject({ code: 'invalid_token' })
    // within the lifetime and the clock skew
    expect((await tokens.verify(await sign(now + 30, now + 30 + 3600))).userId).toBe('user-1')
  })

  it('refuses a token signed with another algorithm than HS256', async () => {
    const key = new TextEncoder().encode(secret)
    const tokens = createTokens({ secret, ttlSeconds: 60 })
    const hs512 = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS512' })
      .setSubject('user-1')
      .setJti('j')
      .setIssuedAt()
      .setExpirationTime('1m')
      .sign(key)
    await expect(tokens.verify(hs512)).rejects.toMatchObject({ code: 'invalid_token' })
  })

  it('refuses a correctly signed token without a subject, expiry, iat or jti', async () => {
    const key = new TextEncoder().encode(secret)
    const noSub = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1h').sign(key)
    const noExp = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('user-1').sign(key)
    const noIat = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('user-1')
      .setJti('j')
      .setExpirationTime('1m')
      .sign(key)
    const noJti = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('user-1')
      .setIssuedAt()
      .setExpirationTime('1m')
      .sign(key)
    const tokens = createTokens({ secret, ttlSeconds: 3600 })
    for (const bad of [noSub, noExp, noIat, noJti])
      await expect(tokens.verify(bad)).rejects.toMatchObject({ code: 'invalid_token' })
  })
})
