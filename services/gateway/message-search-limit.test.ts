// GET /v1/search has a limit of its own (message_search_per_user in message_search_window_seconds, in the cache so
// every gateway shares it), apart from the people search's and the per-user REST limit: past it, 429 rate_limited
// with Retry-After; another user, and the people search, are not held back (in-process roles, memory drivers).
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { configKeys, type GochatConfig } from '../../src/config/index.js'
import { MemoryBus } from '../../src/drivers/memory/bus.js'
import { MemoryCache } from '../../src/drivers/memory/cache.js'
import { MemoryStore } from '../../src/drivers/memory/store.js'
import { createLogger } from '../../src/observability/log.js'
import type { RunningRole } from '../../src/core/role.js'
import { ApiError, RestClient } from '../../src/client/rest.js'
import { startRepo } from '../repo/index.js'
import { startLogic } from '../logic/index.js'
import { startGateway } from './index.js'
import { testBlobs } from '../../test/helpers/blobs.js'

const defaults = Object.fromEntries(Object.entries(configKeys).map(([k, v]) => [k, v.default])) as GochatConfig
const cfg: GochatConfig = {
  ...defaults,
  gateway_port: 0,
  instance_id: 'gw-msearch',
  partitions: 1,
  message_search_per_user: 3,
  message_search_window_seconds: 3600,
}
const bus = new MemoryBus({ defaultPartitions: 1 })
const cache = new MemoryCache()
const roles: RunningRole[] = []
let base = ''

beforeAll(async () => {
  const log = createLogger({ test: 'message-search-limit' })
  const repo = await startRepo({ cfg, bus, log, store: new MemoryStore(), cache })
  const logic = await startLogic({ cfg, bus, log, repo: repo.api, cache, blobs: testBlobs() })
  const gw = await startGateway({ cfg, bus, log, logic: logic.logic, messages: logic.messages, cache })
  roles.push(gw.role, logic.role, repo.role)
  base = `http://127.0.0.1:${gw.port}`
})

afterAll(async () => {
  for (const r of roles) await r.stop()
  await bus.close()
  await cache.close()
})

const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof ApiError ? `${e.status} ${e.code} ${e.retryAfterMs !== undefined}` : String(e)),
  )

describe('GET /v1/search: message_search_per_user', () => {
  it('allows that many searches of one user in the window, then 429 with Retry-After; others are not held back', async () => {
    const register = async () => {
      const rest = new RestClient(base)
      await rest.register(`s${randomUUID().slice(0, 8)}`, 'secret-pass')
      return rest
    }
    const [ann, bob] = [await register(), await register()]
    const search = (r: RestClient) => outcome(r.call('GET', '/v1/search?q=hello'))
    const got = []
    for (let i = 0; i < 4; i++) got.push(await search(ann))
    expect(got).toEqual(['ok', 'ok', 'ok', '429 rate_limited true'])
    expect(await search(bob)).toBe('ok')
    // the people search keeps its own budget
    expect(await outcome(ann.call('GET', '/v1/users?q=someone'))).toBe('ok')
  })
})
