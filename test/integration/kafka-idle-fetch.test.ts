// An idle consumer long-polls (src/drivers/kafka/fetch-wait-idle.ts), on the shared broker with a topic and group
// of its own: with nothing to read it fetches a few times in seconds, not five times a second, and a record
// published while it waits is still handed to it.
import { afterAll, describe, expect, it } from 'vitest'
import { createKafka } from '../../src/drivers/kafka/client.js'
import { deleteTopicsWithPrefix } from '../helpers/cleanup.js'
import { KAFKA, infraAvailable } from '../helpers/infra.js'

const IDLE_WINDOW_MS = 6_000

describe.skipIf(!(await infraAvailable('kafka')))('an idle consumer', () => {
  const prefix = `kidle${Date.now().toString(36)}`
  const topic = `${prefix}.t`
  const kafka = createKafka([KAFKA], `kidle-${process.pid}`)
  afterAll(() => deleteTopicsWithPrefix(prefix), 30_000)

  it('fetches with waits that grow while there is nothing, and still gets what is published then', async () => {
    const admin = kafka.admin()
    const producer = kafka.producer({ allowAutoTopicCreation: false })
    const consumer = kafka.consumer({ groupId: `${prefix}.group`, maxWaitTimeInMs: 200, allowAutoTopicCreation: false })
    try {
      await admin.connect()
      await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true })
      await producer.connect()
      let fetches = 0
      consumer.on(consumer.events.FETCH, () => fetches++)
      const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()))
      const received: string[] = []
      await consumer.connect()
      await consumer.subscribe({ topics: [topic] })
      await consumer.run({ eachMessage: async ({ message }) => void received.push(String(message.value)) })
      await joined
      const before = fetches
      await new Promise((r) => setTimeout(r, IDLE_WINDOW_MS))
      // 200 ms every time would be ~30 fetches in the window; doubling to 2 s makes it about 6
      expect(fetches - before).toBeLessThanOrEqual(10)
      expect(fetches - before).toBeGreaterThan(0)

      await producer.send({ topic, messages: [{ value: 'while idle' }] })
      await expect.poll(() => received, { timeout: 30_000, interval: 50 }).toEqual(['while idle'])
    } finally {
      await consumer.disconnect()
      await producer.disconnect()
      await admin.disconnect()
    }
  }, 90_000)
})
