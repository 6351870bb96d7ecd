// What the task role's handler tests call: a repo in process on memory drivers (no relay), the presence of its
// cache, and its API with each call seen and, on demand, refused as if repo were unreachable.
import type { GochatConfig } from '../../src/config/index.js'
import { MemoryBus } from '../../src/drivers/memory/bus.js'
import { MemoryCache } from '../../src/drivers/memory/cache.js'
import { MemoryStore } from '../../src/drivers/memory/store.js'
import type { Logger } from '../../src/observability/log.js'
import { Presence } from '../../src/presence/presence.js'
import type { RepoApi } from '../../src/rpc/api.js'
import { startRepo } from '../../services/repo/index.js'

export async function memoryRepo(cfg: GochatConfig, log: Logger) {
  const cache = new MemoryCache()
  const repo = await startRepo({
    cfg,
    bus: new MemoryBus({ defaultPartitions: 3 }),
    log,
    store: new MemoryStore(),
    cache,
    relay: { start: false },
  })
  return { repo, presence: new Presence(cache, { ttlMs: 60_000 }) }
}

/** the real API; `seen` is told each method called, and a method `fails` names is refused `<name>: unavailable` */
export function watchedApi(api: RepoApi, fails: (name: string) => boolean, seen: (name: string) => void = () => {}) {
  return new Proxy(api, {
    get: (target, name: string) => {
      const method = (target as unknown as Record<string, (req: unknown) => Promise<unknown>>)[name]!
      return async (req: unknown) => {
        seen(name)
        if (fails(name)) throw new Error(`${name}: unavailable`)
        return method.call(target, req)
      }
    },
  }) as RepoApi
}
