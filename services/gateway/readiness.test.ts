// Issue 23: /health said ok while logic was unreachable. A gateway calling logic over real gRPC (loopback) is
// ready while logic answers, 503 with the failing check named while logic is down, and ready again once logic is
// back on its address; /health/live stays 200 throughout and /health answers as /health/ready.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { configKeys, type GochatConfig } from '../../src/config/index.js'
import type { RunningRole } from '../../src/core/role.js'
import { MemoryBus } from '../../src/drivers/memory/bus.js'
import { MemoryCache } from '../../src/drivers/memory/cache.js'
import { MemoryStore } from '../../src/drivers/memory/store.js'
import { createLogger } from '../../src/observability/log.js'
import { logicClient, logicDefinition, messageApiClient, messageApiDefinition } from '../../src/rpc/client.js'
import { startGrpcServer, stopGrpcServer } from '../../src/rpc/server.js'
import { until } from '../../test/helpers/until.js'
import { startLogic } from '../logic/index.js'
import { startRepo } from '../repo/index.js'
import { startGateway } from './index.js'
import { testBlobs } from '../../test/helpers/blobs.js'

const defaults = Object.fromEntries(Object.entries(configKeys).map(([k, v]) => [k, v.default])) as GochatConfig
const log = createLogger({ test: 'readiness' })
const bus = new MemoryBus({ defaultPartitions: 2 })
const cache = new MemoryCache()
const cfg: GochatConfig = {
  ...defaults,
  gateway_port: 0,
  gateway_host: '127.0.0.1',
  instance_id: 'gw-rd',
  partitions: 2,
}
const roles: RunningRole[] = []
const closers: Array<() => unknown> = []
let base = ''
let serveLogic: (address: string) => Promise<string>
let grpc: Awaited<ReturnType<typeof startGrpcServer>> | undefined

const health = async (path: string) => {
  const res = await fetch(`${base}${path}`)
  return { status: res.status, body: (await res.json()) as { status: string; checks: Record<string, unknown> } }
}

beforeAll(async () => {
  const repo = await startRepo({ cfg, bus, log, store: new MemoryStore(), cache })
  const logic = await startLogic({ cfg, bus, log, repo: repo.api, cache, blobs: testBlobs() })
  serveLogic = async (address) => {
    grpc = await startGrpcServer(address, [
      { definition: logicDefinition(), api: logic.logic },
      { definition: messageApiDefinition(), api: logic.messages },
    ])
    return grpc.address
  }
  const address = await serveLogic('127.0.0.1:0')
  const l = logicClient(address)
  const m = messageApiClient(address)
  closers.push(
    () => l.close(),
    () => m.close(),
  )
  const gw = await startGateway({ cfg, bus, log, cache, logic: l, messages: m })
  roles.push(gw.role, logic.role, repo.role)
  base = `http://127.0.0.1:${gw.port}`
})

afterAll(async () => {
  for (const r of roles) await r.stop()
  if (grpc) await stopGrpcServer(grpc.server)
  for (const c of closers) c()
  await bus.close()
  await cache.close()
})

describe('gateway readiness', () => {
  it('is 503 naming logic while logic is unreachable, 200 again once it is back; live throughout', async () => {
    const ok = await health('/health/ready')
    expect(ok).toEqual({
      status: 200,
      body: {
        status: 'ok',
        checks: { accepting: { ok: true }, logic: { ok: true }, cache: { ok: true }, bus: { ok: true } },
      },
    })
    expect(await health('/health')).toEqual(ok)

    const address = grpc!.address
    await stopGrpcServer(grpc!.server)
    grpc = undefined
    const down = await until(
      () => health('/health/ready'),
      (h) => h.status === 503,
      15_000,
      200,
    )
    expect(down.status).toBe(503)
    expect(down.body.status).toBe('unavailable')
    expect(down.body.checks.logic).toEqual({ ok: false, error: expect.any(String) })
    expect(down.body.checks.cache).toEqual({ ok: true })
    expect((await health('/health')).status).toBe(503)
    expect(await health('/health/live')).toEqual({ status: 200, body: { status: 'ok', checks: {} } })

    await serveLogic(address)
    const back = await until(
      () => health('/health/ready'),
      (h) => h.status === 200,
      15_000,
      200,
    )
    expect(back.body).toEqual(ok.body)
  }, 60_000)
})
