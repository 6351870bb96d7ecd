// Large-group fanout on real infrastructure with two task instances and three gateways: a 5,000-member group,
// 60% online over the gateways, 20 messages. Every online connection gets each message exactly once (after
// de-duplication by seq) in seq order; every offline member is in exactly one push per message at the webhook.
// Then one task instance is SIGKILLed in the middle of a fanout and nothing goes missing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { Cluster } from '../../runtime/cluster.js'
import { SocketClient } from '../../src/client/socket.js'
import type { Session } from '../../src/client/rest.js'
import { infraAvailable, KAFKA, MYSQL, REDIS } from '../helpers/infra.js'
import { deleteTopicsWithPrefix, dropDatabase } from '../helpers/cleanup.js'
import { startReceiver, type Receiver } from '../helpers/webhook.js'
import { ADMIN_SECRET, bigGroup, bulkUsers } from '../helpers/population.js'

const available = await infraAvailable('kafka', 'mysql', 'redis')
const MEMBERS = 5000
const ONLINE = 0.6

describe.skipIf(!available)('large-group fanout: 2 task instances, 3 gateways', () => {
  const run = `fan${Date.now().toString(36)}`
  const db = `${MYSQL}/gochat_${run}`
  let cluster: Cluster
  let receiver: Receiver
  let users: Session[]
  let conversationId: string
  const online: SocketClient[] = []
  let onlineIds: Set<string>

  beforeAll(async () => {
    receiver = await startReceiver()
    cluster = new Cluster({
      gateways: 3,
      tasks: 2,
      kafka: KAFKA,
      mysql: db,
      redis: REDIS,
      topicPrefix: run,
      env: {
        GOCHAT_ADMIN_SECRET: ADMIN_SECRET,
        GOCHAT_PUSH_PROVIDER: 'webhook',
        GOCHAT_PUSH_ENDPOINT: receiver.url,
        GOCHAT_LARGE_GROUP_THRESHOLD: '1000',
        GOCHAT_FANOUT_BATCH_SIZE: '500',
      },
    })
    await cluster.start()
    const gws = cluster.gatewayUrls
    users = await bulkUsers(gws[0]!, MEMBERS, run)
    conversationId = await bigGroup(gws[0]!, users[0]!, users.slice(1))
    const count = Math.round(MEMBERS * ONLINE)
    for (let i = 0; i < count; i += 250) {
      const batch = users.slice(i, Math.min(i + 250, count))
      online.push(
        ...(await Promise.all(batch.map((u, j) => SocketClient.connect(gws[(i + j) % gws.length]!, u.token)))),
      )
    }
    await Promise.all(online.map((s) => s.request({ op: 'ping' }, 30_000)))
    onlineIds = new Set(users.slice(0, count).map((u) => u.userId))
  }, 240_000)

  afterAll(async () => {
    for (const s of online) s.ws.terminate()
    await cluster?.stop()
    await receiver?.close()
    await dropDatabase(db)
    await deleteTopicsWithPrefix(run)
  }, 120_000)

  async function sendAndCheck(messages: number, firstSeq: number, during?: (i: number) => Promise<void>) {
    const sender = online[0]!
    const seqs: number[] = []
    const ids: string[] = []
    for (let i = 0; i < messages; i++) {
      const ack = (await sender.send(conversationId, `fanout ${firstSeq + i}`, randomUUID())) as {
        op: string
        seq: number
        messageId: string
      }
      expect(ack.op).toBe('ack')
      seqs.push(ack.seq)
      ids.push(ack.messageId)
      await during?.(i)
    }
    expect(seqs).toEqual(Array.from({ length: messages }, (_, i) => firstSeq + i))
    const last = seqs[seqs.length - 1]!
    await Promise.all(online.map((s) => s.waitForMessage(conversationId, last, 90_000)))
    for (const s of online) {
      const got = s
        .messages(conversationId)
        .map((m) => m.seq)
        .filter((q) => q >= firstSeq)
      expect(got).toEqual(seqs)
    }
    // offline members: exactly one push entry per message each (the sender and online members none)
    const offline = users.filter((u) => !onlineIds.has(u.userId)).map((u) => u.userId)
    const deadline = Date.now() + 60_000
    const entries = () => {
      const per = new Map<string, number>()
      for (const b of receiver.bodies as Array<{ messageId: string; userIds: string[] }>) {
        if (!ids.includes(b.messageId)) continue
        for (const u of b.userIds) per.set(`${b.messageId}/${u}`, (per.get(`${b.messageId}/${u}`) ?? 0) + 1)
      }
      return per
    }
    while (entries().size < offline.length * messages && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200))
    const per = entries()
    expect(per.size).toBe(offline.length * messages)
    return { per, ids, offline }
  }

  it('delivers 20 messages to 3,000 online members exactly once in order, and pushes each to the 2,000 offline once', async () => {
    const { per } = await sendAndCheck(20, 1)
    expect([...per.values()].every((n) => n === 1)).toBe(true)
  }, 180_000)

  it('loses nothing when one task instance is killed mid-fanout (the other takes over its partitions)', async () => {
    await sendAndCheck(20, 21, async (i) => {
      if (i === 4) expect(await cluster.kill('task-1', 'SIGKILL')).toBeNull()
    })
  }, 240_000)
})
