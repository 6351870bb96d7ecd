// The consumer runner every consumer group uses. It decodes each record, hands the decoded ones to the role, and
// bounds what a failure can cost, so that one bad record never blocks its partition and an outage never turns good
// records into dead letters:
// - a record that does not decode is dead-lettered (after the rest of its batch was handled);
// - a failing batch is tried again whole, `batchRetries` times with backoff (a transient failure: repo down);
// - then, or at once when the failure is permanent (bad input), its records are tried one at a time: a record
//   refused as bad input is dead-lettered with the reason and the partition goes on;
// - a record that keeps failing transiently is retried for `recordWindowMs`, then dead-lettered, but only once the
//   consumer handled another record since it began failing (else it is an outage, and the partition waits). With
//   nothing else handled, the next record of the batch is tried to find out;
// - a batch whose output the bus refused for now (BusUnavailable: Kafka down or coming back) is no record's fault:
//   it is tried again whole, its partition paused between tries (at most OUTAGE_PAUSE_MS, so it goes on within a
//   second of Kafka serving again), for as long as the outage lasts. Only when it still fails after
//   `recordWindowMs` while other batches got through is it treated as any other failure.
// The first failure of each stuck batch is logged (warn, with its cause), and its recovery (info).
// Dead letters carry the reason and the original record, so `gochat dlq replay` sends them back.
import { BusUnavailable, type Bus, type BusRecord, type Subscription } from '../ports/bus.js'
import type { Logger } from '../observability/log.js'
import {
  defaultConsumerRetry,
  isPermanent,
  pauseAfter,
  reasonOf,
  RetryLater,
  type ConsumerRetryPolicy,
} from './failure.js'

export interface Decoded<T> {
  record: BusRecord
  value: T
}

export interface RunConsumerOptions<T> {
  bus: Bus
  groupId: string
  topics: string[]
  fromBeginning?: boolean
  /** throws on bad input; the message becomes the dead-letter reason */
  decode: (rec: BusRecord) => T
  /** the decoded records of one batch (or one record), in offset order; must be idempotent (records may come again) */
  handle: (items: Array<Decoded<T>>) => Promise<void>
  deadLetter: (rec: BusRecord, reason: string) => Promise<void>
  log: Logger
  /** see ConsumeOptions.onResumed */
  onResumed?: () => void
  retry?: ConsumerRetryPolicy
  now?: () => number
}

type Entry<T> = Decoded<T> | { record: BusRecord; reason: string }

/** the longest pause between tries of a batch the bus refused (kafkajs's own retries wait at most 1 s too) */
export const OUTAGE_PAUSE_MS = 1000

/** a partition whose batch failed: where the bus delivers from again, and what this runner learned about it */
interface Stuck {
  first: string
  batchFailures: number
  /** when the batch first failed, and the success count then */
  since: number
  successesBefore: number
  /** records are being tried one at a time */
  single: boolean
  /** offsets handled or dead-lettered one at a time: skipped when the batch comes again */
  done: Set<string>
  /** the record that keeps failing transiently: since when, how often, and the success count then */
  head?: { offset: string; since: number; failures: number; successesBefore: number }
}

export function runConsumer<T>(opts: RunConsumerOptions<T>): Promise<Subscription> {
  const { bus, groupId, topics, fromBeginning, decode, handle, deadLetter, log } = opts
  const policy = opts.retry ?? defaultConsumerRetry
  const now = opts.now ?? Date.now
  const stuck = new Map<string, Stuck>()
  let successes = 0

  const decodeAll = (records: BusRecord[]): Array<Entry<T>> =>
    records.map((record) => {
      try {
        return { record, value: decode(record) }
      } catch (err) {
        return { record, reason: `undecodable record: ${err instanceof Error ? err.message : String(err)}` }
      }
    })

  async function dead(record: BusRecord, reason: string): Promise<void> {
    log.warn('record sent to dead letters', {
      groupId,
      topic: record.topic,
      partition: record.partition,
      offset: record.offset,
      reason,
    })
    await deadLetter(record, reason)
  }

  /** handles one record; the error when it failed */
  async function tryOne(item: Decoded<T>): Promise<{ err: unknown } | undefined> {
    try {
      await handle([item])
      successes++
      return undefined
    } catch (err) {
      return { err }
    }
  }

  /** tries the first record after `from` not yet done: its success shows that the failure ahead of it is that record's own */
  async function probe(entries: Array<Entry<T>>, from: number, st: Stuck): Promise<void> {
    for (const e of entries.slice(from)) {
      if (st.done.has(e.record.offset) || !('value' in e)) continue
      if (!(await tryOne(e))) st.done.add(e.record.offset)
      return
    }
  }

  async function oneByOne(entries: Array<Entry<T>>, st: Stuck): Promise<void> {
    for (const [i, e] of entries.entries()) {
      const { offset } = e.record
      if (st.done.has(offset)) continue
      if (!('value' in e)) {
        await dead(e.record, e.reason)
        st.done.add(offset)
        continue
      }
      const failed = await tryOne(e)
      if (!failed) {
        st.done.add(offset)
        continue
      }
      if (isPermanent(failed.err)) {
        await dead(e.record, `refused: ${reasonOf(failed.err)}`)
        st.done.add(offset)
        continue
      }
      const head =
        st.head?.offset === offset
          ? st.head
          : (st.head = { offset, since: now(), failures: 0, successesBefore: successes })
      head.failures++
      if (now() - head.since >= policy.recordWindowMs) {
        if (successes === head.successesBefore) await probe(entries, i + 1, st)
        if (successes > head.successesBefore) {
          const seconds = Math.round((now() - head.since) / 1000)
          await dead(
            e.record,
            `gave up after ${head.failures} tries over ${seconds} s while other records succeeded: ${reasonOf(failed.err)}`,
          )
          st.done.add(offset)
          continue
        }
      }
      throw new RetryLater(failed.err, pauseAfter(policy, head.failures))
    }
  }

  function recovered(st: Stuck): void {
    log.info('a batch that failed went through', {
      groupId,
      offset: st.first,
      failures: st.batchFailures,
      waitedMs: now() - st.since,
    })
  }

  return bus.subscribe({
    groupId,
    topics,
    fromBeginning,
    onResumed: opts.onResumed,
    eachBatch: async (records) => {
      const first = records[0]!
      const key = `${first.topic}/${first.partition}`
      let st = stuck.get(key)
      if (st && st.first !== first.offset) st = undefined
      const entries = decodeAll(records)
      if (!st?.single) {
        const items = entries.filter((e): e is Decoded<T> => 'value' in e)
        try {
          if (items.length > 0) {
            await handle(items)
            successes++
          }
        } catch (err) {
          if (!st) {
            const fresh: Stuck = {
              first: first.offset,
              batchFailures: 0,
              since: now(),
              successesBefore: successes,
              single: false,
              done: new Set(),
            }
            stuck.set(key, (st = fresh))
            log.warn(
              err instanceof BusUnavailable
                ? 'the bus refused what a batch produced; the partition waits in place until it takes it'
                : 'batch failed; the partition waits and tries it again',
              { groupId, topic: first.topic, partition: first.partition, offset: first.offset, err: reasonOf(err) },
            )
          }
          st.batchFailures++
          const waited = now() - st.since
          if (err instanceof BusUnavailable && (waited < policy.recordWindowMs || successes === st.successesBefore))
            throw new RetryLater(err, Math.min(OUTAGE_PAUSE_MS, pauseAfter(policy, st.batchFailures)))
          if (!isPermanent(err) && st.batchFailures <= policy.batchRetries)
            throw new RetryLater(err, pauseAfter(policy, st.batchFailures))
          log.warn('batch keeps failing; its records are tried one at a time', {
            groupId,
            topic: first.topic,
            partition: first.partition,
            offset: first.offset,
            failures: st.batchFailures,
            err: reasonOf(err),
          })
          st.single = true
        }
        // Dead letters go out after handle() succeeded: a batch that comes again does not dead-letter them twice.
        if (!st?.single) {
          for (const e of entries) if (!('value' in e)) await dead(e.record, e.reason)
          if (st) recovered(st)
          stuck.delete(key)
          return
        }
      }
      await oneByOne(entries, st)
      recovered(st)
      stuck.delete(key)
    },
  })
}
