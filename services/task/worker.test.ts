// taskHandler processes records concurrently but publishes what they produced in record order, and sends only
// the records that failed to the retrier.
import { describe, expect, it } from 'vitest'
import type { Bus, BusRecord, OutgoingRecord } from '../../src/ports/bus.js'
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
})
