// The session's renewal with fake timers and a scripted fetch: every session kind refreshes before expiry, a
// refused refresh falls back to the kept password, a guest the server will not extend is signed out at its expiry.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { SessionKeeper } from './session.js'
import type { Session } from './types.js'

/** an unsigned JWT-shaped token expiring at `expMs` (the client only reads exp) */
const token = (expMs: number, n = 0) =>
  `h.${btoa(JSON.stringify({ exp: Math.floor(expMs / 1000), n })).replace(/=+$/, '')}.s`

type Answer = { status: number; body: unknown }
function server(answer: (path: string, auth: string | undefined) => Answer) {
  const calls: string[] = []
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const path = new URL(url).pathname
    calls.push(path)
    const a = answer(path, (init.headers as Record<string, string>).authorization)
    return new Response(JSON.stringify(a.body), { status: a.status })
  })
  return calls
}

function keeper(keepCredentials = true) {
  const sessions: Array<Session | null> = []
  const failures: string[] = []
  const k = new SessionKeeper({
    baseUrl: () => 'http://gw',
    keepCredentials,
    changed: (s) => sessions.push(s),
    failed: (e) => failures.push(e.code),
  })
  return { k, sessions, failures }
}

/** until the answer in flight was read (real setImmediate) */
async function settled(done: () => boolean) {
  while (!done()) await new Promise((r) => setImmediate(r))
}

const HOUR = 3_600_000

describe('SessionKeeper renewal', () => {
  // setImmediate stays real: fetch's Response body is read with it
  beforeEach(() => vi.useFakeTimers({ now: 1_700_000_000_000, toFake: ['setTimeout', 'clearTimeout', 'Date'] }))
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('a guest refreshes its token a tenth of its life before expiry, again and again', async () => {
    let n = 0
    const calls = server(() => ({ status: 200, body: { userId: 'u_g', token: token(Date.now() + 10 * HOUR, ++n) } }))
    const { k, sessions } = keeper()
    k.use({ userId: 'u_g', token: token(Date.now() + 10 * HOUR) })
    await vi.advanceTimersByTimeAsync(9 * HOUR - 1000)
    expect(calls).toEqual([])
    await vi.advanceTimersByTimeAsync(1000)
    expect(calls).toEqual(['/v1/auth/refresh'])
    expect(k.token).toBe(token(Date.now() + 10 * HOUR, 1))
    await vi.advanceTimersByTimeAsync(9 * HOUR)
    expect(calls).toEqual(['/v1/auth/refresh', '/v1/auth/refresh'])
    expect(sessions.every((s) => s?.userId === 'u_g')).toBe(true)
  })

  it('a refused refresh: a password session signs in again, without the password it is signed out', async () => {
    const calls = server((path) =>
      path === '/v1/auth/refresh'
        ? { status: 401, body: { error: { code: 'invalid_token', message: 'no' } } }
        : { status: 200, body: { userId: 'u_p', token: token(Date.now() + 10 * HOUR, 7) } },
    )
    const { k } = keeper()
    await k.login({ username: 'alice', password: 'secret-pass' })
    await vi.advanceTimersByTimeAsync(9 * HOUR)
    expect(calls).toEqual(['/v1/auth/login', '/v1/auth/refresh', '/v1/auth/login'])
    expect(k.session?.userId).toBe('u_p')
  })

  it('a guest the server will not extend keeps its token to its expiry, then hears session null', async () => {
    const calls = server(() => ({ status: 401, body: { error: { code: 'invalid_token', message: 'register' } } }))
    const { k, sessions } = keeper()
    k.use({ userId: 'u_g', token: token(Date.now() + 10 * HOUR) })
    await vi.advanceTimersByTimeAsync(9 * HOUR)
    expect(calls).toEqual(['/v1/auth/refresh'])
    expect(k.token).toBeDefined()
    await vi.advanceTimersByTimeAsync(HOUR - 1000)
    expect(k.token).toBeDefined()
    await vi.advanceTimersByTimeAsync(1000)
    expect(k.token).toBeUndefined()
    expect(sessions.at(-1)).toBeNull()
    expect(calls).toEqual(['/v1/auth/refresh']) // never a retry loop
  })

  it('an unreachable server: tried again later (Retry-After at least), the session kept', async () => {
    let down = true
    const calls = server(() =>
      down
        ? { status: 503, body: { error: { code: 'unavailable', message: 'busy' } } }
        : { status: 200, body: { userId: 'u_g', token: token(Date.now() + 10 * HOUR, 2) } },
    )
    const { k, failures } = keeper()
    k.use({ userId: 'u_g', token: token(Date.now() + 10 * HOUR) })
    await vi.advanceTimersByTimeAsync(9 * HOUR)
    await settled(() => failures.length === 1)
    expect(calls).toHaveLength(1)
    expect(failures).toEqual(['unavailable'])
    down = false
    await vi.advanceTimersByTimeAsync(29_999)
    expect(calls).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(calls).toHaveLength(2)
    await settled(() => k.token === token(Date.now() + 10 * HOUR, 2))
  })
})
