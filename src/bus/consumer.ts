// The consumer runner every role uses: decode each record, hand the decoded ones to the role, and send the ones
// that do not decode to the dead-letter path instead, so one bad record never crashes a consumer nor blocks its
// partition. Handler errors propagate: the bus then redelivers the whole batch after a pause.
import type { Bus, BusRecord, Subscription } from '../ports/bus.js'
import type { Logger } from '../observability/log.js'

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
  /** the decoded records of one batch, in offset order; rejecting redelivers the batch */
  handle: (items: Array<Decoded<T>>) => Promise<void>
  deadLetter: (rec: BusRecord, reason: string) => Promise<void>
  log: Logger
}

export function runConsumer<T>(opts: RunConsumerOptions<T>): Promise<Subscription> {
  const { bus, groupId, topics, fromBeginning, decode, handle, deadLetter, log } = opts
  return bus.subscribe({
    groupId,
    topics,
    fromBeginning,
    eachBatch: async (records) => {
      const items: Array<Decoded<T>> = []
      const bad: Array<{ record: BusRecord; reason: string }> = []
      for (const record of records) {
        try {
          items.push({ record, value: decode(record) })
        } catch (err) {
          bad.push({ record, reason: `undecodable record: ${err instanceof Error ? err.message : String(err)}` })
        }
      }
      if (items.length > 0) await handle(items)
      // Dead letters go out after handle() succeeded: when handle() fails and the batch comes again, the bad
      // records are not dead-lettered once per attempt.
      for (const { record, reason } of bad) {
        log.warn('record sent to dead letters', { groupId, topic: record.topic, partition: record.partition, offset: record.offset, reason })
        await deadLetter(record, reason)
      }
    },
  })
}
