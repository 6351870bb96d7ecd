import { afterAll, beforeAll, expect } from 'vitest'
import { configKeys, type GochatConfig } from '../../src/config/index.js'
import { AppError } from '../../src/core/errors.js'
import { MemoryBus } from '../../src/drivers/memory/bus.js'
import { MemoryCache } from '../../src/drivers/memory/cache.js'
import { MemoryStore } from '../../src/drivers/memory/store.js'
import { createLogger } from '../../src/observability/log.js'
import type { Cache } from '../../src/ports/cache.js'
import type { RepoApi } from '../../src/rpc/api.js'
import { startRepo, type StartedRepo } from '../../services/repo/index.js'

export const cfg = Object.fromEntries(Object.entries(configKeys).map(([k, v]) => [k, v.default])) as GochatConfig
export const log = createLogger()

export async function rejectsWith(p: Promise<unknown>, code: string): Promise<void> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(err, `expected an AppError ${code}`).toBeInstanceOf(AppError)
  expect((err as AppError).code).toBe(code)
}

/** a cache whose every call can be made to fail */
export function flakyCache(inner: Cache): Cache & { failing: boolean } {
  const state = { failing: false }
  return new Proxy(inner as Cache & { failing: boolean }, {
    get(target, prop) {
      if (prop === 'failing') return state.failing
      const value = Reflect.get(target, prop, target)
      if (typeof value !== 'function') return value
      return (...args: unknown[]) =>
        state.failing ? Promise.reject(new Error('cache down')) : value.apply(target, args)
    },
    set(target, prop, value) {
      if (prop !== 'failing') return Reflect.set(target, prop, value, target)
      state.failing = value
      return true
    },
  })
}

export let store: MemoryStore
export let cache: ReturnType<typeof flakyCache>
export let bus: MemoryBus
export let repo: StartedRepo
export let api: RepoApi
/** the outbox rows not yet published (the relay is stopped, so the lease is free) */
export async function pending(topic: string) {
  const lease = (await store.acquireOutboxLease())!
  try {
    return (await lease.pending(100_000)).filter((r) => r.topic === topic)
  } finally {
    await lease.release()
  }
}
export const event = (topic: string, key: string) => ({
  topic,
  key,
  value: Buffer.from(`{"k":"${key}"}`),
  headers: { 'gochat-event-type': 'test' },
})

/** starts the repo under test (its relay stopped) before the tests of the calling describe, stops it after */
export function setUpRepo(): void {
  beforeAll(async () => {
    store = new MemoryStore()
    cache = flakyCache(new MemoryCache())
    bus = new MemoryBus({ defaultPartitions: 3 })
    // the relay stays stopped: these tests look at the outbox rows themselves
    repo = await startRepo({
      cfg,
      bus,
      log,
      store,
      cache,
      relay: { start: false },
    })
    api = repo.api
  })
  afterAll(async () => {
    await repo.role.stop()
  })
}

export async function group(creator: string, members: string[] = []) {
  return (await api.CreateGroup({ name: 'G', creator_id: creator, member_ids: members })).conversation_id
}
