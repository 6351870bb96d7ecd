// The outbox relay from MariaDB/MySQL to a real Kafka broker: per-conversation order on the dispatch topic, and
// nothing lost or repeated across a relay stop and restart. Topics live under a prefix of their own, deleted after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { configKeys, topicName, type GochatConfig } from '../../src/config/index.js'
import { decode, DispatchMessage } from '../../src/contracts/payloads.js'
import { createKafka } from '../../src/drivers/kafka/client.js'
import { KafkaBus } from '../../src/drivers/kafka/bus.js'
import { MemoryCache } from '../../src/drivers/memory/cache.js'
import { MysqlStore } from '../../src/drivers/mysql/store.js'
import { createLogger } from '../../src/observability/log.js'
import type { BusRecord } from '../../src/ports/bus.js'
import { startRepo, type StartedRepo } from '../../services/repo/index.js'
import { infraAvailable, KAFKA, MYSQL } from '../helpers/infra.js'
import { testDatabase, type TestDatabase } from '../helpers/mysql.js'
import { sleep, waitUntil } from '../helpers/until.js'

const defaults = Object.fromEntries(Object.entries(configKeys).map(([k, v]) => [k, v.default])) as GochatConfig

describe.skipIf(!(await infraAvailable('kafka', 'mysql')))(
  `outbox relay to Kafka (${KAFKA}) from MySQL (${MYSQL})`,
  () => {
    const cfg: GochatConfig = {
      ...defaults,
      topic_prefix: `gochat-test-relay-${Date.now()}-${process.pid}`,
      kafka_brokers: [KAFKA],
    }
    const dispatch = topicName(cfg, 'messages.dispatch')
    let db: TestDatabase
    let bus: KafkaBus
    let store: MysqlStore
    let repo: StartedRepo
    const seen: BusRecord[] = []

    beforeAll(async () => {
      db = testDatabase('relay')
      bus = new KafkaBus([KAFKA], `relay-test-${process.pid}`)
      await bus.ensureTopics([{ name: dispatch, partitions: 3, replicationFactor: 1 }])
      await bus.subscribe({
        groupId: `${cfg.topic_prefix}.check`,
        topics: [dispatch],
        fromBeginning: true,
        eachBatch: async (records) => {
          seen.push(...records)
        },
      })
      store = new MysqlStore(db.url)
      repo = await startRepo({ cfg, bus, log: createLogger(), store, cache: new MemoryCache(), relay: { pollMs: 200 } })
    })
    afterAll(async () => {
      await repo?.role.stop()
      await store?.close()
      await bus?.close()
      await db?.drop()
      const admin = createKafka([KAFKA], 'relay-test-cleanup').admin()
      await admin.connect()
      await admin.deleteTopics({ topics: [dispatch] }).catch(() => undefined)
      await admin.disconnect()
    })

    const seqsOf = (conversationId: string) =>
      seen.filter((r) => r.key === conversationId).map((r) => decode(DispatchMessage, r.value, 'dispatch').message.seq)

    it('publishes each conversation in seq order, and exactly what was committed across a relay restart', async () => {
      const { api, relay } = repo
      const ids = await Promise.all(
        ['a', 'b', 'c'].map(async (c) => (await api.CreateGroup({ name: c, creator_id: c })).conversation_id),
      )
      await Promise.all(
        ids.map(async (id) => {
          for (let i = 0; i < 20; i++) await api.StoreMessage({ conversation_id: id, sender_id: 'a', content: `${i}` })
        }),
      )
      await waitUntil(() => seen.length >= 60)
      for (const id of ids) expect(seqsOf(id)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))

      await relay.stop()
      for (const id of ids) await api.StoreMessage({ conversation_id: id, sender_id: 'a', content: 'while stopped' })
      await sleep(1_000)
      expect(seen).toHaveLength(60)
      relay.start()
      await waitUntil(() => seen.length >= 63)
      await sleep(1_000)
      expect(seen).toHaveLength(63)
      for (const id of ids) expect(seqsOf(id)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1))
    })
  },
)
