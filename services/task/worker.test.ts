// taskHandler processes records concurrently but publishes what they produced in record order, and sends only
// the records that failed to the retrier; output Kafka refuses for now (BusUnavailable) fails the batch whole, so
// that it waits in place, and sends nothing to the retrier (whose topic is on the same Kafka).
import { describe, expect, it } from 'vitest'
import { BusUnavailable, type Bus, type BusRecord, type OutgoingRecord } from '../../src/ports/bus.js'
import type { Retrier } from '../../src/messaging/retry.js'
import { taskHandler } from './worker.js'
import { OutgoingRecords } from './route.js'

const record = (i: number): BusRecord => ({
  topic: 't',
  partition: 0,
  offset: String(i),
  key: 'k',
  value: Buffer.from(String(i)),
  headers: {},
  timestamp: 0,
})

function recordingBus() {
  const published: Array<{ topic: string; records: OutgoingRecord[] }> = []
  const bus = {
    kind: 'memory',
    publish: async (topic: string, records: OutgoingRecord[]) => {
      published.push({ topic, records })
    },
  } as unknown as Bus
  return { bus, published }
}

describe('taskHandler', () => {
  it('overlaps slow records yet publishes their output in record order', async () => {
    const { bus, published } = recordingBus()
    const failed: string[] = []
    const retrier: Retrier = {
      taskType: 'dispatch',
      fail: async (rec) => {
        failed.push(rec.offset)
      },
    }
    let inFlight = 0
    let maxInFlight = 0
    const handle = taskHandler<number>(bus, retrier, async (n) => {
      inFlight++
      maxInFlight = Math.max(maxInFlight, inFlight)
      await new Promise((r) => setTimeout(r, (20 - n) * 2)) // later records finish first
      inFlight--
      if (n === 7) throw new Error('repo down')
      const out = new OutgoingRecords()
      out.add('down', { key: 'c', value: `m${n}` })
      return out
    })
    await handle(Array.from({ length: 20 }, (_, i) => ({ record: record(i), value: i })))
    expect(maxInFlight).toBeGreaterThan(1)
    expect(failed).toEqual(['7'])
    expect(published).toHaveLength(1)
    expect(published[0]!.records.map((r) => r.value)).toEqual(
      Array.from({ length: 20 }, (_, i) => `m${i}`).filter((m) => m !== 'm7'),
    )
  })

  const produced = (n: number) => {
    const out = new OutgoingRecords()
    out.add('down', { key: 'c', value: `m${n}` })
    return out
  }
  const failing = (err: (topic: string, records: OutgoingRecord[]) => unknown) => {
    const calls: string[] = []
    const bus = {
      kind: 'kafka',
      publish: async (topic: string, records: OutgoingRecord[]) => {
        calls.push(records.map((r) => String(r.value)).join(','))
        const e = err(topic, records)
        if (e) throw e
      },
    } as unknown as Bus
    const failed: string[] = []
    const retrier: Retrier = {
      taskType: 'dispatch',
      fail: async (rec) => void failed.push(rec.offset),
    }
    return { bus, calls, failed, retrier }
  }

  it('fails the batch whole when Kafka refuses its output for now, and gives no record to the retrier', async () => {
    const refused = new BusUnavailable(new Error('Connection error: connect ECONNREFUSED'))
    const { bus, calls, failed, retrier } = failing(() => refused)
    const handle = taskHandler<number>(bus, retrier, async (n) => produced(n))
    await expect(handle([0, 1, 2].map((i) => ({ record: record(i), value: i })))).rejects.toBe(refused)
    expect(failed).toEqual([])
    // one combined publish, not one a record (each would wait out kafkajs's retries)
    expect(calls).toEqual(['m0,m1,m2'])
  })

  it('still sends only the record whose own output was refused to the retrier', async () => {
    const { bus, calls, failed, retrier } = failing((_t, records) =>
      records.some((r) => r.value === 'm1') ? new Error('MESSAGE_TOO_LARGE') : undefined,
    )
    const handle = taskHandler<number>(bus, retrier, async (n) => produced(n))
    await handle([0, 1, 2].map((i) => ({ record: record(i), value: i })))
    expect(failed).toEqual(['1'])
    expect(calls).toEqual(['m0,m1,m2', 'm0', 'm1', 'm2'])
  })

  it('fails the batch whole when the retrier cannot reach Kafka either', async () => {
    const refused = new BusUnavailable(new Error('NOT_ENOUGH_REPLICAS'))
    const { bus } = failing(() => undefined)
    const retrier: Retrier = {
      taskType: 'dispatch',
      fail: async () => {
        throw refused
      },
    }
    const handle = taskHandler<number>(bus, retrier, async (n) => {
      if (n === 1) throw new Error('repo down')
      return produced(n)
    })
    await expect(handle([0, 1, 2].map((i) => ({ record: record(i), value: i })))).rejects.toBe(refused)
  })
})
