// How every task consumer processes a batch: each record on its own (a failure sends just that record to the
// retry topic), up to CONCURRENCY records at a time (their repo and Redis round trips overlap), then everything
// they produced in one publish per topic, in record order, so that per-key order holds downstream. If that
// combined publish fails because of one record's output (too large, say), each record's output is published alone
// so that only the records whose output failed are retried. If Kafka refused it for now (BusUnavailable: brokers
// down or coming back), no record is at fault and none goes to the retrier: the retry topic is on the same Kafka,
// and its few quick attempts would dead-letter deliveries during an outage. The batch fails whole instead, and
// runConsumer makes its partition wait in place (paused: backpressure) until the same records go through.
import { BusUnavailable, type Bus, type BusRecord } from '../../src/ports/bus.js'
import type { Retrier } from '../../src/messaging/retry.js'
import { consumeSpan, stampRecords, tracingEnabled } from '../../src/observability/tracing.js'
import { OutgoingRecords } from './route.js'

export async function flush(bus: Bus, out: OutgoingRecords): Promise<void> {
  await Promise.all([...out.byTopic].map(([topic, records]) => bus.publish(topic, records)))
}

/**
 * With tracing on, each record is processed in a span `task.<type>` that continues the record's trace, and what it
 * produced carries that span's traceparent (the combined publish below happens outside of it).
 */
function traced<T>(taskType: string, process: (value: T, record: BusRecord) => Promise<OutgoingRecords | void>) {
  return (value: T, record: BusRecord) =>
    consumeSpan('task', `task.${taskType}`, record, async () => {
      const out = await process(value, record)
      if (out) for (const records of out.byTopic.values()) stampRecords(records)
      return out
    })
}

/** records of one batch processed at once: enough to overlap round trips, few enough to bound memory */
export const CONCURRENCY = 16

/** Runs `work` on every item, at most `limit` at a time, started in item order. */
export async function eachBounded<T>(items: readonly T[], limit: number, work: (item: T, i: number) => Promise<void>) {
  let next = 0
  const lane = async () => {
    for (let i = next++; i < items.length; i = next++) await work(items[i]!, i)
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane))
}

export function taskHandler<T>(
  bus: Bus,
  retrier: Retrier,
  process: (value: T, record: BusRecord) => Promise<OutgoingRecords | void>,
) {
  const processTraced = traced(retrier.taskType, process)
  return async (items: Array<{ record: BusRecord; value: T }>): Promise<void> => {
    const run = tracingEnabled() ? processTraced : process
    const outs: Array<OutgoingRecords | void> = new Array(items.length)
    await eachBounded(items, CONCURRENCY, async ({ record, value }, i) => {
      try {
        outs[i] = await run(value, record)
      } catch (err) {
        await retrier.fail(record, err)
      }
    })
    const done = items.flatMap(({ record }, i) => (outs[i] ? [{ record, out: outs[i] as OutgoingRecords }] : []))
    try {
      await flush(
        bus,
        done.reduce((all, d) => all.merge(d.out), new OutgoingRecords()),
      )
    } catch (err) {
      if (err instanceof BusUnavailable) throw err
      for (const { record, out } of done) {
        try {
          await flush(bus, out)
        } catch (err) {
          if (err instanceof BusUnavailable) throw err
          await retrier.fail(record, err)
        }
      }
    }
  }
}
