// Issue 23: readiness follows each role's required peer. logic and task calling repo over real gRPC (loopback)
// are ready while repo answers, report 503 naming `repo` on their monitor ports while it is down, and are ready
// again once repo is back on its address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { configKeys, type GochatConfig } from '../src/config/index.js'
import type { RunningRole } from '../src/core/role.js'
import { MemoryBus } from '../src/drivers/memory/bus.js'
import { MemoryCache } from '../src/drivers/memory/cache.js'
import { MemoryStore } from '../src/drivers/memory/store.js'
import { createLogger } from '../src/observability/log.js'
import { repoClient, repoDefinition } from '../src/rpc/client.js'
import { startGrpcServer, stopGrpcServer } from '../src/rpc/server.js'
import { until } from '../test/helpers/until.js'
import { startLogic } from '../services/logic/index.js'
import { startRepo } from '../services/repo/index.js'
import { startTask } from '../services/task/index.js'
import { startMonitorServer } from './monitor-server.js'
import type { Server } from 'node:http'
import { testBlobs } from '../test/helpers/blobs.js'

const defaults = Object.fromEntries(Object.entries(configKeys).map(([k, v]) => [k, v.default])) as GochatConfig
const log = createLogger({ test: 'readiness' })
const bus = new MemoryBus({ defaultPartitions: 2 })
const cache = new MemoryCache()
const cfg: GochatConfig = { ...defaults, partitions: 2, topic_prefix: 'rdy' }
const roles: RunningRole[] = []
const servers: Server[] = []
const urls: Record<string, string> = {}
let serveRepo: (address: string) => Promise<string>
let grpc: Awaited<ReturnType<typeof startGrpcServer>> | undefined
let closeClient = () => undefined as unknown

const ready = async (role: string) => {
  const res = await fetch(`${urls[role]}/health/ready`)
  return { status: res.status, body: (await res.json()) as { status: string; checks: Record<string, unknown> } }
}

beforeAll(async () => {
  const repo = await startRepo({ cfg, bus, log, store: new MemoryStore(), cache })
  serveRepo = async (address) => {
    grpc = await startGrpcServer(address, [{ definition: repoDefinition(), api: repo.api }])
    return grpc.address
  }
  const client = repoClient(await serveRepo('127.0.0.1:0'))
  closeClient = () => client.close()
  const logic = await startLogic({ cfg, bus, log, repo: client, cache, blobs: testBlobs() })
  const task = await startTask({ cfg, bus, log, repo: client })
  roles.push(logic.role, task.role, repo.role)
  for (const r of [logic.role, task.role]) {
    const m = await startMonitorServer(0, () => r.health())
    servers.push(m.server)
    urls[r.name] = `http://127.0.0.1:${m.port}`
  }
})

afterAll(async () => {
  for (const s of servers) await new Promise((r) => s.close(r))
  for (const r of roles) await r.stop()
  if (grpc) await stopGrpcServer(grpc.server)
  closeClient()
  await bus.close()
  await cache.close()
})

describe('logic and task readiness', () => {
  it('is 503 naming repo while repo is unreachable, 200 again once it is back', async () => {
    expect(await ready('logic')).toEqual({
      status: 200,
      body: { status: 'ok', checks: { repo: { ok: true }, cache: { ok: true }, bus: { ok: true } } },
    })
    expect(await ready('task')).toEqual({
      status: 200,
      body: { status: 'ok', checks: { consumers: { ok: true }, repo: { ok: true }, bus: { ok: true } } },
    })

    const address = grpc!.address
    await stopGrpcServer(grpc!.server)
    grpc = undefined
    for (const role of ['logic', 'task']) {
      const down = await until(
        () => ready(role),
        (h) => h.status === 503,
        15_000,
        200,
      )
      expect(down.status, role).toBe(503)
      expect(down.body.status).toBe('unavailable')
      expect(down.body.checks.repo).toEqual({ ok: false, error: expect.any(String) })
      expect(down.body.checks.bus).toEqual({ ok: true })
    }

    await serveRepo(address)
    for (const role of ['logic', 'task'])
      expect(
        (
          await until(
            () => ready(role),
            (h) => h.status === 200,
            15_000,
            200,
          )
        ).status,
        role,
      ).toBe(200)
  }, 60_000)
})
