// leaveWhenReachable (src/drivers/kafka/evict.ts), which a crashed consumer uses to make the member it was leave
// its group, on the shared broker (own topic and group): the member is gone from the group at once; with no broker
// answering it keeps asking until told to stop, and never throws.
import { afterAll, describe, expect, it } from 'vitest'
import { createKafka } from '../../src/drivers/kafka/client.js'
import { leaveWhenReachable } from '../../src/drivers/kafka/evict.js'
import { deleteTopicsWithPrefix } from '../helpers/cleanup.js'
import { KAFKA, infraAvailable } from '../helpers/infra.js'

describe.skipIf(!(await infraAvailable('kafka')))('a crashed consumer member made to leave its group', () => {
  const prefix = `kleave${Date.now().toString(36)}`
  const topic = `${prefix}.t`
  const groupId = `${prefix}.group`
  const kafka = createKafka([KAFKA], `kleave-${process.pid}`)
  afterAll(() => deleteTopicsWithPrefix(prefix), 30_000)

  it('the member is out of the group as soon as the call resolves', async () => {
    const admin = kafka.admin()
    await admin.connect()
    const consumer = kafka.consumer({ groupId, heartbeatInterval: 500 })
    try {
      await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true })
      const joined = new Promise<string>((resolve) =>
        consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => resolve(payload.memberId)),
      )
      await consumer.connect()
      await consumer.subscribe({ topics: [topic] })
      await consumer.run({ eachMessage: async () => undefined })
      const memberId = await joined
      const before = await admin.describeGroups([groupId])
      expect(before.groups[0]!.members.map((m) => m.memberId)).toContain(memberId)

      expect(await leaveWhenReachable(kafka, groupId, memberId, 200, () => false)).toBe(true)
      const after = await admin.describeGroups([groupId])
      expect(after.groups[0]!.members.map((m) => m.memberId)).not.toContain(memberId)
      // a member already gone counts as gone
      expect(await leaveWhenReachable(kafka, groupId, memberId, 200, () => false)).toBe(true)
    } finally {
      await consumer.disconnect()
      await admin.disconnect()
    }
  }, 60_000)

  it('with no broker answering it keeps asking until told to stop, then resolves false', async () => {
    const down = createKafka(['127.0.0.1:1'], `kleave-down-${process.pid}`, { retry: { retries: 0 } })
    let asked = 0
    const left = await leaveWhenReachable(down, groupId, 'nobody', 50, () => ++asked > 3)
    expect(left).toBe(false)
    expect(asked).toBe(4)
  }, 30_000)
})
