// kafkajs 2.2.4 keeps a 1 ms timer loop running on every broker connection, idle or not: after each response,
// RequestQueue.scheduleCheckPendingRequests() arms setTimeout(check, throttledUntil - now), and with no throttle
// (throttledUntil = -1) that delay is negative, i.e. 1 ms, and the check arms it again — about a thousand event-loop
// wake-ups a second per connection with nothing to send (kafkajs#1556, #1604, #1704; the fix of #1667 is not
// released). Measured here: an idle logic process woke 1,300 times a second and used 3–4% of a core.
// The check only has work when requests are queued (a queued request arms it in push(), and a response frees a
// slot by calling checkPendingRequests() itself) or when the broker throttles us: otherwise no timer is armed.
import { createRequire } from 'node:module'

interface RequestQueueLike {
  pending: unknown[]
  throttledUntil: number
  throttleCheckTimeoutId: NodeJS.Timeout | null
  scheduleCheckPendingRequests(): void
}

const require = createRequire(import.meta.url)
const RequestQueue = require('kafkajs/src/network/requestQueue/index.js') as { prototype: RequestQueueLike }

const original = RequestQueue.prototype.scheduleCheckPendingRequests
let installed = false

/** Patches kafkajs's RequestQueue once per process; idempotent. */
export function stopIdleRequestQueueTimers(): void {
  if (installed) return
  installed = true
  RequestQueue.prototype.scheduleCheckPendingRequests = function (this: RequestQueueLike) {
    if (this.pending.length === 0 && this.throttledUntil <= Date.now()) return
    original.call(this)
  }
}

/** For tests: kafkajs's RequestQueue class, as patched. */
export const KafkaRequestQueue = RequestQueue
