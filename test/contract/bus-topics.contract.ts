// The bus contract's cases on topics and partitions: readiness, creating topics, the partitioner and per-partition
// order (test/contract/bus.contract.ts runs them).
import { expect, it } from 'vitest'
import type { BusRecord } from '../../src/ports/bus.js'
import { partitionForKey } from '../../src/drivers/memory/bus.js'
import { sleep } from '../helpers/until.js'
import { type BusSuite, keyFor, text, waitFor } from './bus-suite.js'

export function busTopicCases(suite: BusSuite): void {
  const { run, group, topic, subscribe, settleMs, timeout } = suite

  it('ping resolves while the bus serves (readiness probes it)', async () => {
    await expect(suite.bus.ping()).resolves.toBeUndefined()
  })

  it(
    'ensureTopics creates only missing topics',
    async () => {
      const t = await topic('ensure', 2)
      const other = `contract.${run}.ensure-other`
      expect(
        await suite.bus.ensureTopics([
          { name: t, partitions: 2, replicationFactor: 1 },
          { name: other, partitions: 1, replicationFactor: 1 },
        ]),
      ).toEqual([other])
    },
    timeout,
  )

  // What every role does at start, several processes at once: on KRaft a new topic's metadata lags its creation
  it(
    'ensureTopics from racing callers creates each topic once, every partition ready to publish on return',
    async () => {
      const specs = Array.from({ length: 8 }, (_, i) => ({
        name: `contract.${run}.race.${i}`,
        partitions: 3,
        replicationFactor: 1,
      }))
      const [a, b] = await Promise.all([suite.bus.ensureTopics(specs), suite.bus.ensureTopics(specs)])
      expect([...a, ...b].sort()).toEqual(specs.map((s) => s.name).sort())
      for (const s of specs)
        await suite.bus.publish(
          s.name,
          [0, 1, 2].map((p) => ({ key: keyFor(p, 3), value: `to ${p}` })),
        )
    },
    timeout,
  )

  it(
    "puts every record of a key on one partition (Kafka's partitioner), in publish order",
    async () => {
      const partitions = 4
      const t = await topic('bykey', partitions)
      const got: BusRecord[] = []
      await subscribe({
        groupId: group('bykey'),
        topics: [t],
        fromBeginning: true,
        eachBatch: async (rs) => void got.push(...rs),
      })
      const keys = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank']
      for (let round = 0; round < 5; round++) {
        await suite.bus.publish(
          t,
          keys.flatMap((key) => [0, 1, 2, 3].map((i) => ({ key, value: `${key}:${round * 4 + i}` }))),
        )
      }
      await suite.bus.publish(
        t,
        Array.from({ length: 8 }, (_, i) => ({ value: `nokey:${i}` })),
      )
      await waitFor('all records', () => got.length >= keys.length * 20 + 8)
      await sleep(settleMs)
      expect(got).toHaveLength(keys.length * 20 + 8)
      for (const key of keys) {
        const mine = got.filter((r) => r.key === key)
        expect(new Set(mine.map((r) => r.partition))).toEqual(new Set([partitionForKey(key, partitions)]))
        expect(mine.map(text)).toEqual(Array.from({ length: 20 }, (_, i) => `${key}:${i}`))
      }
      expect(new Set(got.map((r) => r.partition)).size).toBeGreaterThan(1)
      // records without a key are spread (round robin), not piled on one partition
      expect(new Set(got.filter((r) => r.key === null).map((r) => r.partition)).size).toBeGreaterThan(1)
    },
    timeout,
  )

  it(
    'keeps per-partition order across 300 records',
    async () => {
      const t = await topic('order', 3)
      const got: BusRecord[] = []
      await subscribe({
        groupId: group('order'),
        topics: [t],
        fromBeginning: true,
        eachBatch: async (rs) => void got.push(...rs),
      })
      for (let b = 0; b < 6; b++) {
        await suite.bus.publish(
          t,
          Array.from({ length: 50 }, (_, i) => ({ key: `conv-${(b * 50 + i) % 30}`, value: String(b * 50 + i) })),
        )
      }
      await waitFor('300 records', () => got.length >= 300)
      await sleep(settleMs)
      expect(got).toHaveLength(300)
      for (let p = 0; p < 3; p++) {
        const values = got.filter((r) => r.partition === p).map((r) => Number(text(r)))
        const offsets = got.filter((r) => r.partition === p).map((r) => BigInt(r.offset))
        expect(values).toEqual([...values].sort((a, b) => a - b))
        offsets.forEach((o, i) => i > 0 && expect(o).toBe(offsets[i - 1]! + 1n))
      }
    },
    timeout,
  )
}
