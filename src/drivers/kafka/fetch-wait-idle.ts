// An idle consumer long-polls: each fetch that brought nothing doubles how long the next one may wait on the
// broker, from the configured maxWaitTimeInMs up to IDLE_FETCH_WAIT_MS, and a fetch that brought records goes back to
// the configured wait. A fetch is answered as soon as records arrive, whatever its wait, so this costs no latency;
// what it saves is the idle polling: a task runs six consumer groups, each fetching every 200 ms with nothing to
// read (30 requests a second and their decoding, 2–3% of a core for an idle task). A busy consumer keeps the short
// wait, so it notices a rebalance (kafkajs heartbeats between fetches) as quickly as before; an idle one notices
// within the longer wait, and it has nothing in hand to hand over. While a partition is paused (a failed batch
// waiting to come again) the configured wait is kept: kafkajs only resumes it at the next fetch.
import { createRequire } from 'node:module'

/** the longest an idle consumer's fetch waits on the broker */
export const IDLE_FETCH_WAIT_MS = 2_000

interface BatchLike {
  isEmpty(): boolean
}

interface ConsumerGroupLike {
  maxWaitTime: number
  subscriptionState: { paused(): unknown[] }
  fetch(nodeId: number): Promise<BatchLike[]>
  /** the configured wait, remembered at the first fetch */
  gochatBaseWait?: number
}

const require = createRequire(import.meta.url)
const ConsumerGroup = require('kafkajs/src/consumer/consumerGroup.js') as { prototype: ConsumerGroupLike }

const original = ConsumerGroup.prototype.fetch
let installed = false

/** The next wait after a fetch: back to the configured one on records (or a paused partition), else doubled. */
export function nextFetchWait(current: number, base: number, gotRecords: boolean, paused: boolean): number {
  if (gotRecords || paused || base >= IDLE_FETCH_WAIT_MS) return base
  return Math.min(IDLE_FETCH_WAIT_MS, Math.max(current, 1) * 2)
}

/** Patches kafkajs's ConsumerGroup once per process; idempotent. */
export function lengthenIdleFetchWaits(): void {
  if (installed) return
  installed = true
  ConsumerGroup.prototype.fetch = async function (this: ConsumerGroupLike, nodeId: number) {
    this.gochatBaseWait ??= this.maxWaitTime
    const batches = await original.call(this, nodeId)
    this.maxWaitTime = nextFetchWait(
      this.maxWaitTime,
      this.gochatBaseWait,
      batches.some((b) => !b.isEmpty()),
      this.subscriptionState.paused().length > 0,
    )
    return batches
  }
}

/** For tests: kafkajs's ConsumerGroup class, as patched. */
export const KafkaConsumerGroup = ConsumerGroup
