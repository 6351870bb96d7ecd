// Issue 23, findings 1 and 2 over real HTTP against `gochat up`: the people search no longer lists everyone
// (a stranger's prefix search finds nobody under the default people_search=exact, an exact username finds its
// one user, people who share a conversation or chose to be discoverable are found by prefix, and login usernames
// stay hidden), searching is limited per user and per address (429 with Retry-After), and usernames are unique
// once normalized while invisible characters are refused or stripped.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiError, RestClient } from '../../src/client/rest.js'
import { startUp } from '../helpers/up.js'

const PER_USER = 8
const PER_IP = 40

describe('people search and names against gochat up', () => {
  let up: Awaited<ReturnType<typeof startUp>>
  // the letters a population shares: what an enumeration walks through
  const tag = `q${randomUUID().replace(/-/g, '').slice(0, 6)}`
  const population: Array<{ userId: string; username: string }> = []
  let searches = 0

  beforeAll(async () => {
    up = await startUp([], {
      GOCHAT_PEOPLE_SEARCH_PER_USER: String(PER_USER),
      GOCHAT_PEOPLE_SEARCH_PER_IP: String(PER_IP),
      GOCHAT_PEOPLE_SEARCH_WINDOW_SECONDS: '600',
    })
    for (let i = 0; i < 12; i++) {
      const username = `${tag}u${i}`
      const { userId } = await new RestClient(up.url).register(username, 'secret-pass', `${tag} Person ${i}`)
      population.push({ userId, username })
    }
  }, 120_000)
  afterAll(async () => {
    await up?.stop()
  })

  const guest = async (name = 'Visitor') => {
    const rest = new RestClient(up.url)
    return { rest, ...(await rest.guest(name)) }
  }
  const search = async (rest: RestClient, q: string, after = '') => {
    searches++
    return rest.call<{ users: Array<{ userId: string; username?: string; displayName: string }>; next?: string }>(
      'GET',
      `/v1/users?q=${encodeURIComponent(q)}&limit=50${after ? `&after=${after}` : ''}`,
    )
  }

  it("finds nobody by a stranger's prefix, one user by their exact username (any case), with no other usernames", async () => {
    const visitor = await guest()
    // the walk of the finding: every page of every prefix of the population's names
    for (const q of [tag.slice(0, 2), tag, `${tag}u`, `${tag} Person`])
      expect((await search(visitor.rest, q)).users, q).toEqual([])
    const target = population[3]!
    expect((await search(visitor.rest, target.username)).users).toEqual([
      { userId: target.userId, username: target.username, displayName: `${tag} Person 3` },
    ])
    expect((await search(visitor.rest, target.username.toUpperCase())).users).toEqual([
      { userId: target.userId, username: target.username, displayName: `${tag} Person 3` },
    ])
  })

  it('finds contacts and the discoverable by prefix, without their usernames', async () => {
    const visitor = await guest()
    const [friend, shown] = [population[5]!, population[7]!]
    await visitor.rest.direct(friend.userId)
    const me = new RestClient(up.url)
    await me.login(shown.username, 'secret-pass')
    expect(await me.call('PATCH', '/v1/me', { discoverable: true })).toMatchObject({
      userId: shown.userId,
      discoverable: true,
    })
    const found = await search(visitor.rest, tag)
    expect(found.users.map((u) => u.userId).sort()).toEqual([friend.userId, shown.userId].sort())
    expect(found.users.every((u) => u.username === undefined)).toBe(true)
    // and back: no longer discoverable, no longer found
    await me.call('PATCH', '/v1/me', { discoverable: false })
    expect((await search(visitor.rest, tag)).users.map((u) => u.userId)).toEqual([friend.userId])
    await expect(me.call('PATCH', '/v1/me', { discoverable: 'yes' })).rejects.toMatchObject({ status: 400 })
  })

  it('limits searches per user, then per address across fresh guests: 429 with Retry-After', async () => {
    const limited = async (token: string) => {
      searches++
      return fetch(`${up.url}/v1/users?q=${tag}`, { headers: { authorization: `Bearer ${token}` } })
    }
    const one = await guest()
    for (let i = 0; i < PER_USER; i++) expect((await limited(one.token)).status, `search ${i + 1}`).toBe(200)
    const refused = await limited(one.token)
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(600)
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('rate_limited')
    // new guests from the same address draw on one budget of PER_IP searches in the window
    const statuses: number[] = []
    while (searches < PER_IP) {
      const g = await guest()
      for (let i = 0; i < PER_USER && searches < PER_IP; i++) statuses.push((await limited(g.token)).status)
    }
    // every search so far was counted against the address (refused ones included): the next is over
    expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([])
    const fresh = await guest()
    const over = await limited(fresh.token)
    expect(over.status).toBe(429)
    expect(((await over.json()) as { error: { message: string } }).error.message).toMatch(/address/)
    // lookups by id are not searches
    expect(
      (
        await fetch(`${up.url}/v1/users?ids=${population[0]!.userId}`, {
          headers: { authorization: `Bearer ${fresh.token}` },
        })
      ).status,
    ).toBe(200)
  })

  it('holds usernames unique by case and logs in by any case; refuses or strips invisible characters', async () => {
    const name = `${tag}Alice`
    const alice = await new RestClient(up.url).register(name, 'secret-pass')
    const taken = await new RestClient(up.url).register(name.toLowerCase(), 'other-pass').catch((e: unknown) => e)
    expect(taken).toMatchObject({ status: 409, code: 'username_taken' })
    expect((await new RestClient(up.url).login(name.toUpperCase(), 'secret-pass')).userId).toBe(alice.userId)
    const code = (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: unknown) => (e instanceof ApiError ? `${e.status} ${e.code}` : String(e)),
      )
    expect(await code(new RestClient(up.url).register(`${tag}b\u200Bob`, 'secret-pass'))).toBe('400 invalid_name')
    expect(await code(new RestClient(up.url).guest('\u200B\u200C'))).toBe('400 invalid_name')
    expect(await code(new RestClient(up.url).guest('\u202E'))).toBe('400 invalid_name')
    const g = new RestClient(up.url)
    await g.guest('evil\u202Etxt.exe')
    expect(await g.call('GET', '/v1/me')).toMatchObject({ displayName: 'eviltxt.exe' })
    expect(await code(g.call('PATCH', '/v1/me', { displayName: '\u2066\u2069' }))).toBe('400 invalid_name')
    expect(await g.call('GET', '/v1/me')).toMatchObject({ displayName: 'eviltxt.exe' })
  })
})
