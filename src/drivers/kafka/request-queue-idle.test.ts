import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { KafkaRequestQueue, stopIdleRequestQueueTimers } from './request-queue-idle.js'

const silent = { debug() {}, info() {}, warn() {}, error() {} }

// kafkajs's own queue, driven as a connection drives it: push requests, answer them by correlation id
function queue() {
  stopIdleRequestQueueTimers()
  const Queue = KafkaRequestQueue as unknown as new (
    o: object,
  ) => {
    push(r: object): void
    fulfillRequest(r: { correlationId: number; payload: null; size: number }): void
    maybeThrottle(ms: number): void
    pending: unknown[]
    throttleCheckTimeoutId: NodeJS.Timeout | null
    destroy(): void
  }
  const q = new Queue({ maxInFlightRequests: 1, requestTimeout: 30_000, clientId: 't', broker: 'b', logger: silent })
  const sent: number[] = []
  const push = (correlationId: number) =>
    q.push({
      entry: { correlationId, resolve: () => {}, reject: () => {} },
      expectResponse: true,
      sendRequest: () => sent.push(correlationId),
    })
  return { q, sent, push }
}

describe('kafkajs RequestQueue without its idle timer loop', () => {
  it('arms no timer once nothing is queued, and still sends a queued request when a slot frees', async () => {
    const { q, sent, push } = queue()
    push(1)
    push(2) // one in flight at most: the second waits
    expect(sent).toEqual([1])
    expect(q.pending).toHaveLength(1)
    q.fulfillRequest({ correlationId: 1, payload: null, size: 0 })
    expect(sent).toEqual([1, 2])
    q.fulfillRequest({ correlationId: 2, payload: null, size: 0 })
    await sleep(50) // the check armed by the push has run by now; unpatched, it re-arms itself every millisecond
    expect(q.throttleCheckTimeoutId).toBeNull()
    q.destroy()
  })

  it('still wakes up at the end of a broker throttle to send what waited', async () => {
    const { q, sent, push } = queue()
    q.maybeThrottle(30)
    push(1)
    expect(sent).toEqual([])
    expect(q.throttleCheckTimeoutId).not.toBeNull()
    await sleep(80)
    expect(sent).toEqual([1])
    q.destroy()
  })
})
