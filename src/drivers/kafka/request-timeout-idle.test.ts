import { describe, expect, it, vi } from 'vitest'
import { checkRequestTimeoutsOnlyInFlight, KafkaRequestQueueForTimeouts } from './request-timeout-idle.js'

const silent = { debug() {}, info() {}, warn() {}, error() {} }

// kafkajs's own queue, driven as a connection drives it: the timeout check is scheduled at connect, then requests
// are pushed and answered by correlation id
function connectedQueue(requestTimeout: number) {
  checkRequestTimeoutsOnlyInFlight()
  const Queue = KafkaRequestQueueForTimeouts as unknown as new (
    o: object,
  ) => {
    scheduleRequestTimeoutCheck(): void
    push(r: object): void
    fulfillRequest(r: { correlationId: number; payload: null; size: number }): void
    requestTimeoutIntervalId?: NodeJS.Timeout | null
    inflight: Map<number, unknown>
    destroy(): void
  }
  const q = new Queue({
    maxInFlightRequests: null,
    requestTimeout,
    enforceRequestTimeout: true,
    clientId: 't',
    broker: 'b',
    logger: silent,
  })
  q.scheduleRequestTimeoutCheck()
  const failed: number[] = []
  const push = (correlationId: number) =>
    q.push({
      entry: {
        correlationId,
        apiName: 'Fetch',
        apiKey: 1,
        apiVersion: 11,
        resolve: () => {},
        reject: () => failed.push(correlationId),
      },
      expectResponse: true,
      sendRequest: () => {},
    })
  return { q, push, failed }
}

describe('kafkajs request timeouts checked only while requests are in flight', () => {
  it('arms no timer on a connection with nothing in flight, and disarms once the last answer came', async () => {
    const { q, push } = connectedQueue(30_000)
    // unpatched: a 100 ms interval from the connect on, for the connection's life
    expect(q.requestTimeoutIntervalId ?? null).toBeNull()
    push(1)
    expect(q.requestTimeoutIntervalId).toBeTruthy()
    q.fulfillRequest({ correlationId: 1, payload: null, size: 0 })
    // the next check (within a second) finds nothing in flight
    await vi.waitFor(() => expect(q.requestTimeoutIntervalId ?? null).toBeNull(), { timeout: 10_000 })
    q.destroy()
  })

  it('still fails a request that outlives its timeout, and checks again for the next one', async () => {
    const { q, push, failed } = connectedQueue(50)
    push(1)
    await vi.waitFor(() => expect(failed).toEqual([1]), { timeout: 10_000 })
    expect(q.inflight.size).toBe(0)
    push(2)
    await vi.waitFor(() => expect(failed).toEqual([1, 2]), { timeout: 10_000 })
    q.destroy()
    expect(q.requestTimeoutIntervalId ?? null).toBeNull()
  })

  it('arms nothing after the connection was destroyed', () => {
    const { q, push } = connectedQueue(30_000)
    q.destroy()
    push(1)
    expect(q.requestTimeoutIntervalId ?? null).toBeNull()
    q.inflight.clear()
  })
})
