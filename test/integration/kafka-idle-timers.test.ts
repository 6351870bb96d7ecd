// An idle kafkajs connection keeps no timer (src/drivers/kafka/request-timeout-idle.ts), on the shared broker: once
// its requests are answered, a connected admin client has no request-timeout interval left, and it still answers
// the next request. Unpatched, each of its broker connections keeps a 100 ms interval for its life.
import { afterEach, describe, expect, it } from 'vitest'
import { createKafka } from '../../src/drivers/kafka/client.js'
import { KAFKA, infraAvailable } from '../helpers/infra.js'

// the intervals that kafkajs's request queues (or the patch) armed and did not clear yet
const live = new Set<unknown>()
const realSetInterval = globalThis.setInterval
const realClearInterval = globalThis.clearInterval
function trackRequestQueueIntervals() {
  globalThis.setInterval = ((...args: Parameters<typeof setInterval>) => {
    const timer = realSetInterval(...args)
    if (/requestQueue|request-timeout-idle/.test(new Error().stack ?? '')) live.add(timer)
    return timer
  }) as typeof setInterval
  globalThis.clearInterval = ((timer?: Parameters<typeof clearInterval>[0]) => {
    live.delete(timer)
    realClearInterval(timer)
  }) as typeof clearInterval
}
afterEach(() => {
  globalThis.setInterval = realSetInterval
  globalThis.clearInterval = realClearInterval
})

describe.skipIf(!(await infraAvailable('kafka')))('an idle Kafka connection', () => {
  it('keeps no timer once its requests are answered, and still serves the next one', async () => {
    trackRequestQueueIntervals()
    const admin = createKafka([KAFKA], `kidle-timers-${process.pid}`).admin()
    try {
      await admin.connect()
      await admin.describeCluster()
      await admin.listTopics() // a second connection: to the broker by its node id, not the seed address
      // the check of a connection with nothing in flight ends within a second
      await expect.poll(() => live.size, { timeout: 15_000, interval: 100 }).toBe(0)
      expect((await admin.describeCluster()).brokers.length).toBeGreaterThan(0)
      await expect.poll(() => live.size, { timeout: 15_000, interval: 100 }).toBe(0)
    } finally {
      await admin.disconnect()
    }
  }, 60_000)
})
