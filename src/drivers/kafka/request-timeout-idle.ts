// kafkajs 2.2.4 checks every connection for timed-out requests with setInterval(check, min(requestTimeout, 100 ms)),
// armed at connect and kept for the connection's life, whether or not a request is in flight. An idle task holds 13
// broker connections (six consumers' fetch and coordinator connections, the producer, the admin): 130 wake-ups a
// second of an idle process, doing nothing. Here the check runs only while a request is in flight, and at most once
// a second: a request's timeout is at least `requestTimeout` (30 s, client.ts), so it fires at most 1 s late instead
// of 0.1 s. An idle consumer's long-poll fetch is in flight most of the time, so its connection still checks once a
// second; every other idle connection has no timer at all.
import { createRequire } from 'node:module'

/** how often a connection with requests in flight looks for timed-out ones (kafkajs: 100 ms) */
export const REQUEST_TIMEOUT_CHECK_MS = 1_000

interface SocketRequestLike {
  sentAt: number
  requestTimeout: number
  timeoutRequest(): void
}

interface RequestQueueLike {
  enforceRequestTimeout: boolean
  requestTimeout: number
  inflight: Map<number, SocketRequestLike>
  requestTimeoutIntervalId?: NodeJS.Timeout | null
  isConnected(): boolean
  scheduleRequestTimeoutCheck(): void
  sendSocketRequest(r: unknown): void
  destroy(): void
  /** set between the connect (scheduleRequestTimeoutCheck) and destroy */
  gochatCheckTimeouts?: boolean
}

const require = createRequire(import.meta.url)
const RequestQueue = require('kafkajs/src/network/requestQueue/index.js') as { prototype: RequestQueueLike }

const originalSend = RequestQueue.prototype.sendSocketRequest
const originalDestroy = RequestQueue.prototype.destroy
let installed = false

function stopChecking(q: RequestQueueLike): void {
  clearInterval(q.requestTimeoutIntervalId ?? undefined)
  q.requestTimeoutIntervalId = null
}

/** the check of kafkajs's interval, which disarms itself once nothing is in flight */
function armCheck(q: RequestQueueLike): void {
  if (!q.gochatCheckTimeouts || q.requestTimeoutIntervalId || q.inflight.size === 0) return
  q.requestTimeoutIntervalId = setInterval(
    () => {
      const now = Date.now()
      for (const request of q.inflight.values())
        if (now - request.sentAt > request.requestTimeout) request.timeoutRequest()
      if (!q.isConnected()) q.destroy()
      else if (q.inflight.size === 0) stopChecking(q)
    },
    Math.min(q.requestTimeout, REQUEST_TIMEOUT_CHECK_MS),
  )
}

/** Patches kafkajs's RequestQueue once per process; idempotent. */
export function checkRequestTimeoutsOnlyInFlight(): void {
  if (installed) return
  installed = true
  const proto = RequestQueue.prototype
  proto.scheduleRequestTimeoutCheck = function (this: RequestQueueLike) {
    if (!this.enforceRequestTimeout) return
    this.destroy()
    this.gochatCheckTimeouts = true
    armCheck(this)
  }
  proto.sendSocketRequest = function (this: RequestQueueLike, request: unknown) {
    originalSend.call(this, request)
    armCheck(this)
  }
  proto.destroy = function (this: RequestQueueLike) {
    originalDestroy.call(this)
    this.gochatCheckTimeouts = false
    stopChecking(this)
  }
}

/** For tests: kafkajs's RequestQueue class, as patched. */
export const KafkaRequestQueueForTimeouts = RequestQueue
