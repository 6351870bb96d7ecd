import { describe, expect, it, vi } from 'vitest'
import { Partitioners } from 'kafkajs'
import { busContract } from '../../../test/contract/bus.contract.js'
import { waitUntil } from '../../../test/helpers/until.js'
import type { BusRecord } from '../../ports/bus.js'
import { createBus } from '../bus-from-config.js'
import { MemoryBus, partitionForKey } from './bus.js'

busContract('memory', async () => new MemoryBus({ defaultPartitions: 3, retryBackoffMs: 50 }), {
  settleMs: 100,
  minRetryPauseMs: 45,
})

const until = (cond: () => boolean) => waitUntil(cond, 2_500, 5)

describe('memory bus', () => {
  it("picks the same partition for a key as kafkajs's DefaultPartitioner", () => {
    const kafkajs = Partitioners.DefaultPartitioner()
    const keys = [
      '',
      'a',
      'ab',
      'abc',
      'abcd',
      'conversation-42',
      'ü€😀',
      ...Array.from({ length: 2000 }, (_, i) => `${i}:${Math.random().toString(36)}`.repeat(1 + (i % 5))),
    ]
    for (const partitions of [1, 3, 7, 64]) {
      const partitionMetadata = Array.from({ length: partitions }, (_, partitionId) => ({
        partitionId,
        leader: 0,
        partitionErrorCode: 0,
        replicas: [0],
        isr: [0],
      }))
      for (const key of keys) {
        expect(partitionForKey(key, partitions)).toBe(
          kafkajs({ topic: 't', partitionMetadata, message: { key, value: null } }),
        )
      }
    }
  })

  it('never runs a handler inside publish()', async () => {
    const bus = new MemoryBus({ defaultPartitions: 1 })
    let publishing = false
    const seen: boolean[] = []
    await bus.subscribe({ groupId: 'g', topics: ['t'], eachBatch: async () => void seen.push(publishing) })
    for (let i = 0; i < 3; i++) {
      publishing = true
      const done = bus.publish('t', [{ value: 'x' }])
      publishing = false
      await done
    }
    await until(() => seen.length > 0)
    expect(seen.every((s) => !s)).toBe(true)
    await bus.close()
  })

  it('delivers a burst in few large batches', async () => {
    const bus = new MemoryBus({ defaultPartitions: 1 })
    const sizes: number[] = []
    await bus.subscribe({ groupId: 'g', topics: ['t'], eachBatch: async (rs) => void sizes.push(rs.length) })
    await bus.publish(
      't',
      Array.from({ length: 1200 }, (_, i) => ({ value: String(i) })),
    )
    await until(() => sizes.reduce((a, b) => a + b, 0) === 1200)
    expect(sizes).toEqual([500, 500, 200])
    await bus.close()
  })

  it("moves a leaving member's partitions to the others, from the committed offsets", async () => {
    const bus = new MemoryBus({ defaultPartitions: 4 })
    const a: BusRecord[] = []
    const b: BusRecord[] = []
    const subA = await bus.subscribe({ groupId: 'g', topics: ['t'], eachBatch: async (rs) => void a.push(...rs) })
    await bus.subscribe({ groupId: 'g', topics: ['t'], eachBatch: async (rs) => void b.push(...rs) })
    await bus.publish(
      't',
      Array.from({ length: 40 }, (_, i) => ({ key: `k${i}`, value: String(i) })),
    )
    await until(() => a.length + b.length === 40)
    expect(a.length && b.length).toBeGreaterThan(0)
    await subA.stop()
    const aAtStop = a.length
    await bus.publish(
      't',
      Array.from({ length: 40 }, (_, i) => ({ key: `k${i}`, value: String(40 + i) })),
    )
    await until(() => a.length + b.length === 80)
    expect(a).toHaveLength(aAtStop)
    expect(b.filter((r) => Number(r.value.toString()) >= 40)).toHaveLength(40)
    await bus.close()
  })

  it('keeps roughly the newest records under a retention cap', async () => {
    const bus = new MemoryBus({ defaultPartitions: 1, retention: 10 })
    await bus.publish(
      't',
      Array.from({ length: 100 }, (_, i) => ({ value: String(i) })),
    )
    const got: BusRecord[] = []
    await bus.subscribe({
      groupId: 'g',
      topics: ['t'],
      fromBeginning: true,
      eachBatch: async (rs) => void got.push(...rs),
    })
    await until(() => got.length > 0)
    expect(got.length).toBeLessThanOrEqual(12)
    expect(got.at(-1)!.offset).toBe('99')
    expect(Number(got[0]!.offset)).toBe(100 - got.length)
    await bus.close()
  })

  it('spares what a live group has not read yet, up to 8× the retention cap', async () => {
    const bus = new MemoryBus({ defaultPartitions: 1, retention: 10 })
    let release!: () => void
    const held = new Promise<void>((r) => (release = r))
    const got: string[] = []
    await bus.subscribe({
      groupId: 'slow',
      topics: ['t'],
      eachBatch: async (rs) => {
        await held // the group's handler is busy while the burst comes in
        got.push(...rs.map((r) => r.offset))
      },
    })
    await bus.publish('t', [{ value: 'first' }])
    await new Promise((r) => setImmediate(r))
    // 90 more while the first batch is in hand: 9× the cap, within 8× plus its chunk slack
    for (let i = 0; i < 90; i++) await bus.publish('t', [{ value: String(i) }])
    release()
    await until(() => got.length === 91)
    expect(got).toEqual(Array.from({ length: 91 }, (_, i) => String(i)))
    // far past 8×: a stuck group loses the oldest, as Kafka's would
    let release2!: () => void
    const held2 = new Promise<void>((r) => (release2 = r))
    const stuck: string[] = []
    await bus.subscribe({
      groupId: 'stuck',
      topics: ['t'],
      eachBatch: async (rs) => {
        await held2
        stuck.push(...rs.map((r) => r.offset))
      },
    })
    await bus.publish('t', [{ value: 'x' }])
    await new Promise((r) => setImmediate(r))
    for (let i = 0; i < 300; i++) await bus.publish('t', [{ value: String(i) }])
    release2()
    await until(() => stuck.at(-1) === '391')
    expect(stuck.length).toBeLessThan(200)
    await bus.close()
  })

  it('drops records past the age limit from the head; offsets go on, a group behind the head resumes at it', async () => {
    let clock = 1_000_000
    const now = vi.spyOn(Date, 'now').mockImplementation(() => clock)
    try {
      const bus = new MemoryBus({ defaultPartitions: 1, retentionMs: 1000 })
      const got: string[] = []
      const sub = await bus.subscribe({
        groupId: 'g',
        topics: ['t'],
        fromBeginning: true,
        eachBatch: async (rs) => void got.push(...rs.map((r) => r.offset)),
      })
      await bus.publish(
        't',
        Array.from({ length: 5 }, (_, i) => ({ value: String(i) })),
      )
      await until(() => got.length === 5)
      await sub.stop()
      await bus.publish(
        't',
        Array.from({ length: 5 }, (_, i) => ({ value: String(5 + i) })),
      )
      clock += 1050 // past the limit, within the 10% slack: nothing dropped yet
      await bus.publish('t', [{ value: '10' }])
      clock += 100
      await bus.publish('t', [{ value: '11' }])
      // group g committed offset 5; offsets 5..9 are gone, so it resumes at 10
      await bus.subscribe({
        groupId: 'g',
        topics: ['t'],
        eachBatch: async (rs) => void got.push(...rs.map((r) => r.offset)),
      })
      await until(() => got.length === 7)
      expect(got).toEqual(['0', '1', '2', '3', '4', '10', '11'])
      // a topic's own retention.ms applies when it is shorter
      await bus.ensureTopics([
        { name: 'short', partitions: 1, replicationFactor: 1, configs: { 'retention.ms': '100' } },
      ])
      await bus.publish('short', [{ value: 'old' }])
      clock += 200
      await bus.publish('short', [{ value: 'new' }])
      const short: string[] = []
      await bus.subscribe({
        groupId: 'h',
        topics: ['short'],
        fromBeginning: true,
        eachBatch: async (rs) => void short.push(...rs.map((r) => `${r.offset}:${r.value}`)),
      })
      await until(() => short.length === 1)
      expect(short).toEqual(['1:new'])
      await bus.close()
    } finally {
      now.mockRestore()
    }
  })
})

describe('createBus', () => {
  it('gives every role a handle on one shared embedded bus; closing a handle ends only its subscriptions', async () => {
    const cfg = { kafka_brokers: [], partitions: 3 }
    const gateway = createBus(cfg, 'gateway')
    const task = createBus(cfg, 'task')
    expect(gateway.kind).toBe('memory')
    const got: string[] = []
    await task.subscribe({
      groupId: 'shared-g',
      topics: ['shared-t'],
      eachBatch: async (rs) => void got.push(...rs.map((r) => r.value.toString())),
    })
    await gateway.subscribe({ groupId: 'shared-other', topics: ['shared-t'], eachBatch: async () => undefined })
    await gateway.close()
    await gateway.publish('shared-t', [{ value: 'hello' }])
    await until(() => got.length === 1)
    expect(got).toEqual(['hello'])
    await task.close()
  })
})
