// The back roles' /health and /metrics server: its answers are not sniffed nor cached, and odd targets get a 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Server } from 'node:http'
import { rawGet } from '../test/helpers/raw-http.js'
import { startMonitorServer } from './monitor-server.js'

let server: Server
let port = 0
beforeAll(
  async () => ({ server, port } = await startMonitorServer(0, async () => ({ status: 'ok' as const, checks: {} }))),
)
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((r) => server.close(r))
})

describe('monitor server', () => {
  it('sends nosniff and no-store on every answer', async () => {
    for (const target of ['/health', '/metrics', '/nothing', '//%']) {
      const a = await rawGet(port, target)
      expect(a.status, target).toBe(target === '/health' || target === '/metrics' ? 200 : 404)
      expect(a.text).toMatch(/\r\nx-content-type-options: nosniff\r\n/i)
      expect(a.text).toMatch(/\r\ncache-control: no-store\r\n/i)
    }
  })
})
