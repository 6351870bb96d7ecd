// The back roles' /health and /metrics server: its answers are not sniffed nor cached, odd targets get a 404,
// /health/live is 200 while /health/ready and /health follow the role's readiness.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Server } from 'node:http'
import type { HealthReport } from '../src/core/role.js'
import { rawGet } from '../test/helpers/raw-http.js'
import { startMonitorServer } from './monitor-server.js'

let server: Server
let port = 0
let ready: HealthReport = { status: 'ok', checks: {} }
beforeAll(async () => ({ server, port } = await startMonitorServer(0, async () => ready)))
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((r) => server.close(r))
})

describe('monitor server', () => {
  it('sends nosniff and no-store on every answer', async () => {
    for (const target of ['/health', '/health/live', '/health/ready', '/metrics', '/nothing', '//%']) {
      const a = await rawGet(port, target)
      expect(a.status, target).toBe(target.startsWith('/health') || target === '/metrics' ? 200 : 404)
      expect(a.text).toMatch(/\r\nx-content-type-options: nosniff\r\n/i)
      expect(a.text).toMatch(/\r\ncache-control: no-store\r\n/i)
    }
  })

  it('answers 503 with the report on /health/ready and /health while a check fails; /health/live 200', async () => {
    ready = {
      status: 'unavailable',
      checks: { repo: { ok: false, error: 'no answer within 2000 ms' }, bus: { ok: true } },
    }
    try {
      for (const path of ['/health', '/health/ready']) {
        const res = await fetch(`http://127.0.0.1:${port}${path}`)
        expect(res.status, path).toBe(503)
        expect(await res.json()).toEqual(ready)
      }
      const live = await fetch(`http://127.0.0.1:${port}/health/live`)
      expect(live.status).toBe(200)
      expect(await live.json()).toEqual({ status: 'ok', checks: {} })
    } finally {
      ready = { status: 'ok', checks: {} }
    }
  })
})
