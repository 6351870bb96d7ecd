// runConsumer's bounds on transient failures: an outage (everything fails) never dead-letters, however long it
// lasts; a record that alone keeps failing is dead-lettered after the window, once the records behind it succeed; a
// batch whose output the bus refused (BusUnavailable) is tried again whole, never split up or dead-lettered.
import { afterEach, describe, expect, it } from 'vitest'
import { MemoryBus } from '../drivers/memory/bus.js'
import { createLogger } from '../observability/log.js'
import { BusUnavailable, type Subscription } from '../ports/bus.js'
import { waitUntil } from '../../test/helpers/until.js'
import { runConsumer } from './consumer.js'

const until = (what: string, cond: () => boolean, ms = 5_000) => waitUntil(cond, ms, 10, what)

describe('runConsumer: transient failures', () => {
  const subs: Subscription[] = []
  afterEach(async () => void (await Promise.all(subs.splice(0).map((s) => s.stop()))))

  async function start(handleOne: (n: number) => void, recordWindowMs: number, batches: number[] = []) {
    const bus = new MemoryBus({ defaultPartitions: 1, retryBackoffMs: 5 })
    const handled: number[] = []
    const dead: Array<{ n: number; reason: string }> = []
    let tries = 0
    subs.push(
      await runConsumer({
        bus,
        groupId: 'g',
        topics: ['t'],
        fromBeginning: true,
        log: createLogger({ test: 'consumer' }),
        retry: { batchRetries: 2, recordWindowMs, baseMs: 5, capMs: 20 },
        decode: (r) => Number(r.value.toString()),
        handle: async (items) => {
          tries++
          batches.push(items.length)
          for (const { value } of items) handleOne(value)
          handled.push(...items.map((i) => i.value))
        },
        deadLetter: async (r, reason) => void dead.push({ n: Number(r.value.toString()), reason }),
      }),
    )
    await bus.publish(
      't',
      [1, 2, 3, 4].map((n) => ({ key: 'c', value: String(n) })),
    )
    return { handled, dead, tries: () => tries }
  }

  it('dead-letters nothing during an outage, however long, and handles everything once it ends', async () => {
    let down = true
    const run = await start(() => {
      if (down) throw new Error('connect ECONNREFUSED 127.0.0.1:3306')
    }, 0)
    await until('many tries', () => run.tries() > 30)
    expect(run.dead).toEqual([])
    down = false
    await until('all handled', () => run.handled.length === 4)
    expect(run.handled).toEqual([1, 2, 3, 4])
    expect(run.dead).toEqual([])
  })

  it('dead-letters a record that alone keeps failing, after the window, and goes on with the others', async () => {
    const started = Date.now()
    const run = await start((n) => {
      if (n === 2) throw new Error('Incorrect string value')
    }, 300)
    await until('three handled', () => run.handled.length === 3)
    expect(Date.now() - started).toBeGreaterThanOrEqual(290)
    expect(run.handled).toEqual([1, 3, 4])
    expect(run.dead).toHaveLength(1)
    expect(run.dead[0]!.n).toBe(2)
    expect(run.dead[0]!.reason).toMatch(
      /^gave up after \d+ tries over \d+ s while other records succeeded: Incorrect string value$/,
    )
  })

  it('tries a batch the bus refused again whole, never one record at a time, and goes on once the bus takes it', async () => {
    let down = true
    const batches: number[] = []
    // a window of 0 and 2 batch retries: any other failure would be split up and dead-lettered at once
    const run = await start(
      () => {
        if (down) throw new BusUnavailable(new Error('Connection error: connect ECONNREFUSED 127.0.0.1:9092'))
      },
      0,
      batches,
    )
    await until('many tries', () => run.tries() > 10)
    expect(new Set(batches)).toEqual(new Set([4]))
    expect(run.dead).toEqual([])
    down = false
    await until('all handled', () => run.handled.length === 4)
    expect(run.handled).toEqual([1, 2, 3, 4])
    expect(run.dead).toEqual([])
  })
})
