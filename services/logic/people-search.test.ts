// The three people_search settings over the real repo service on the in-memory store: who a prefix finds, who an
// exact username finds, and when a result carries a login username.
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { configKeys, type GochatConfig } from '../../src/config/index.js'
import { topics } from '../../src/contracts/topics.js'
import { MemoryBus } from '../../src/drivers/memory/bus.js'
import { MemoryCache } from '../../src/drivers/memory/cache.js'
import { MemoryStore } from '../../src/drivers/memory/store.js'
import { createLogger } from '../../src/observability/log.js'
import type { RepoApi } from '../../src/rpc/api.js'
import { startRepo } from '../repo/index.js'
import type { LogicDeps } from './deps.js'
import { createUsers, type PeopleSearch } from './users.js'

const defaults = Object.fromEntries(Object.entries(configKeys).map(([k, v]) => [k, v.default])) as GochatConfig
const tag = `s${randomUUID().slice(0, 6)}`
let repo: RepoApi
const id: Record<string, string> = {}

beforeAll(async () => {
  const { api } = await startRepo({
    cfg: defaults,
    bus: new MemoryBus({ defaultPartitions: 1 }),
    log: createLogger(),
    store: new MemoryStore(),
    cache: new MemoryCache(),
  })
  repo = api
  for (const n of ['me', 'friend', 'stranger', 'shown'])
    id[n] = (await repo.CreateUser({ username: `${tag}${n}`, display_name: `${tag} ${n}`, password_hash: 'x' })).user_id
  await repo.UpdateUser({ user_id: id.shown!, discoverable: true })
  await repo.EnsureDirectConversation({ user_a: id.me!, user_b: id.friend! })
})

const search = (mode: PeopleSearch, query: string) =>
  createUsers({ repo, topics: topics(defaults) } as LogicDeps, mode).SearchUsers({ user_id: id.me!, query, limit: 50 })
const names = async (mode: PeopleSearch, query: string) =>
  (await search(mode, query)).users.map((u) => u.display_name.slice(tag.length + 1)).sort()

describe('people_search', () => {
  it('contacts: the caller and their contacts only, by prefix; no stranger even by exact username', async () => {
    expect(await names('contacts', tag)).toEqual(['friend', 'me'])
    expect(await names('contacts', `${tag}stranger`)).toEqual([])
  })

  it('exact (default): plus the discoverable by prefix and anyone by exact username, in any case', async () => {
    expect(defaults.people_search).toBe('exact')
    expect(await names('exact', tag)).toEqual(['friend', 'me', 'shown'])
    expect(await names('exact', `${tag}STRANGER`)).toEqual(['stranger'])
    expect(await names('exact', `${tag}strange`)).toEqual([])
  })

  it('open: everyone by prefix', async () => {
    expect(await names('open', tag)).toEqual(['friend', 'me', 'shown', 'stranger'])
  })

  it('shows a login username only to its owner and to whoever typed it exactly', async () => {
    for (const mode of ['contacts', 'exact', 'open'] as const) {
      const byName = Object.fromEntries((await search(mode, tag)).users.map((u) => [u.user_id, u.username]))
      expect(byName[id.me!], mode).toBe(`${tag}me`)
      expect(byName[id.friend!], mode).toBe('')
    }
    expect((await search('exact', `${tag}Stranger`)).users).toEqual([
      { user_id: id.stranger, username: `${tag}stranger`, display_name: `${tag} stranger` },
    ])
  })
})
