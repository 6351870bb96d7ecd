// The bus contract against a real broker (skipped when Kafka does not answer, failed under test:ci), and what only
// a broker can show: the group's committed offsets.
import { afterAll, describe, expect, it } from 'vitest'
import { busContract } from '../contract/bus.contract.js'
import { KafkaBus } from '../../src/drivers/kafka/bus.js'
import { createKafka } from '../../src/drivers/kafka/client.js'
import { KAFKA, infraAvailable } from '../helpers/infra.js'
import { deleteTopicsWithPrefix } from '../helpers/cleanup.js'
import { until } from '../helpers/until.js'

describe.skipIf(!(await infraAvailable('kafka')))('kafka bus', () => {
  busContract('kafka', async () => new KafkaBus([KAFKA], `contract-${process.pid}`, { retryBackoffMs: 300 }), {
    settleMs: 1_000,
    timeoutMs: 20_000,
    minRetryPauseMs: 280,
    cleanup: deleteTopicsWithPrefix,
  })

  describe('offset commits', () => {
    const prefix = `commits.${Date.now().toString(36)}`
    const bus = new KafkaBus([KAFKA], `commits-${process.pid}`, { commitIntervalMs: 100 })
    const admin = createKafka([KAFKA], `commits-admin-${process.pid}`).admin()
    afterAll(async () => {
      await bus.close()
      await admin.disconnect()
      await deleteTopicsWithPrefix(prefix)
    })

    it('commits handled records together within the interval while the consumer keeps running', async () => {
      const topic = `${prefix}.t`
      const groupId = `${prefix}.g`
      await bus.ensureTopics([{ name: topic, partitions: 2, replicationFactor: 1 }])
      let handled = 0
      const sub = await bus.subscribe({
        groupId,
        topics: [topic],
        eachBatch: async (records) => void (handled += records.length),
      })
      for (let i = 0; i < 10; i++) await bus.publish(topic, [{ key: `k${i}`, value: Buffer.from(String(i)) }])
      await admin.connect()
      const committed = async () => {
        const [t] = await admin.fetchOffsets({ groupId, topics: [topic] })
        return t!.partitions.reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0)
      }
      // every record handled and its offset committed, with the consumer still in the group (no stop, no rebalance)
      expect(await until(committed, (n) => n === 10, 5_000, 100)).toBe(10)
      expect(handled).toBe(10)
      await sub.stop()
    }, 30_000)

    it('a "latest" subscriber pins its start, so a rejoin of its group skips nothing produced while it was away', async () => {
      const topic = `${prefix}.latest`
      const groupId = `${prefix}.latest.g`
      await bus.ensureTopics([{ name: topic, partitions: 2, replicationFactor: 1 }])
      await bus.publish(topic, [{ key: 'before', value: Buffer.from('before') }])
      const seen: string[] = []
      const subscribe = () =>
        bus.subscribe({
          groupId,
          topics: [topic],
          fromBeginning: false,
          eachBatch: async (records) => void seen.push(...records.map((r) => r.value.toString())),
        })
      const first = await subscribe()
      await admin.connect()
      // what was there before the first join is not read ("latest"), and the start is committed for both partitions
      const [t] = await admin.fetchOffsets({ groupId, topics: [topic] })
      expect(t!.partitions.map((p) => Number(p.offset)).sort()).toEqual([0, 1])
      await first.stop()
      // kafkajs alone would resolve "latest" again at the next join, past this record
      await bus.publish(topic, [{ key: 'away', value: Buffer.from('away') }])
      const second = await subscribe()
      expect(
        await until(
          async () => seen,
          (s) => s.includes('away'),
          10_000,
          100,
        ),
      ).toContain('away')
      expect(seen).not.toContain('before')
      await second.stop()
    }, 60_000)
  })
})
