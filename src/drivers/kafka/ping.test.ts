// Readiness probes the bus with ping(): against a Kafka that does not answer (nothing listens on the address) the
// probe reports the bus unavailable within its timeout instead of waiting out kafkajs's retries.
import { createServer } from 'node:net'
import { describe, expect, it } from 'vitest'
import { readiness } from '../../core/health.js'
import { KafkaBus } from './bus.js'

/** a loopback port nothing listens on */
async function deadPort(): Promise<number> {
  const s = createServer()
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r))
  const { port } = s.address() as { port: number }
  await new Promise((r) => s.close(r))
  return port
}

describe('KafkaBus.ping', () => {
  it('fails the bus check of a readiness report when no broker answers', async () => {
    const bus = new KafkaBus([`127.0.0.1:${await deadPort()}`], 'ping-test')
    try {
      const t0 = Date.now()
      const report = await readiness({ bus: () => bus.ping() }, { timeoutMs: 1000 })()
      expect(report.status).toBe('unavailable')
      expect(report.checks.bus).toEqual({ ok: false, error: expect.any(String) })
      expect(Date.now() - t0).toBeLessThan(5000)
    } finally {
      await bus.close()
    }
  }, 30_000)
})
