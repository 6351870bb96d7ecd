// Poison records on real Kafka, one test per consumer group of the catalog that gochat runs (logic's upstream,
// the gateway's downstream, and task's persist, dispatch, fanout, events, push and retry): each gets a corpus of bad
// records (garbage bytes, empty and null values, wrong schemas, deep nesting, huge numbers; plus a valid record with
// bad headers, which must be handled) and then good records on the same partition. The good ones must be handled,
// and at the end the DLQ holds exactly the poison records, each with a reason, and every acked send is in history.
// The cluster runs async persistence (the reproduction: a persist record repo refuses blocked the three
// acked sends behind it) and upstream: kafka, so that every one of those groups is in play.
import { textDefaults } from '../../src/domain/message.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import type { Producer } from 'kafkajs'
import { Cluster } from '../../runtime/cluster.js'
import { RestClient } from '../../src/client/rest.js'
import { SocketClient } from '../../src/client/socket.js'
import { createKafka } from '../../src/drivers/kafka/client.js'
import { payloadOf } from '../../src/messaging/dead-letter.js'
import { readDeadLetters } from '../../cli/dlq/read.js'
import { notification } from '../../src/contracts/events.js'
import type {
  DispatchMessage,
  DownstreamMessage,
  FanoutTask,
  Message,
  OfflinePush,
  TaskMessage,
  PersistMessage,
  UpstreamMessage,
} from '../../src/contracts/payloads.js'
import { infraAvailable, KAFKA, MYSQL, REDIS } from '../helpers/infra.js'
import { deleteTopicsWithPrefix, dropDatabase } from '../helpers/cleanup.js'
import { deleteKeys, testKeyPrefix } from '../helpers/redis.js'
import { startReceiver, type Receiver } from '../helpers/webhook.js'
import { until } from '../helpers/until.js'

const available = await infraAvailable('kafka', 'mysql', 'redis')

type Value = string | Buffer | null

/** Records no consumer can use, whatever its schema. `huge` is a valid record with a number no schema takes. */
function corpus(huge: string): Value[] {
  return [
    Buffer.from([0xff, 0xfe, 0x00, 0x80, 0xc3, 0x28]), // not UTF-8
    '',
    null,
    'null',
    '[1,2,3]',
    '{"unexpected":true}',
    '{"truncated": ',
    `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
    huge,
    'x'.repeat(200_000),
  ]
}

describe.skipIf(!available)('poison records on real Kafka: every consumer group dead-letters them and goes on', () => {
  const prefix = `poison${Date.now().toString(36)}`
  const db = `${MYSQL}/gochat_${prefix}`
  const redisKeyPrefix = testKeyPrefix('poison')
  const topic = (suffix: string) => `${prefix}.${suffix}`
  let cluster: Cluster
  let receiver: Receiver
  let producer: Producer
  let alice: RestClient
  let bob: { userId: string; rest: RestClient }
  let aliceWs: SocketClient
  let bobWs: SocketClient
  let conversationId: string
  /** what the DLQ must hold at the end: topic and payload of every poison record */
  const poison: Array<{ topic: string; value: Value }> = []
  /** every send acknowledged to a client */
  const acked: Array<{ messageId: string; seq: number }> = []

  async function produce(
    t: string,
    values: Array<{ value: Value; headers?: Record<string, string> }>,
    isPoison: boolean,
  ) {
    await producer.send({
      topic: t,
      acks: -1,
      messages: values.map(({ value, headers }) => ({ key: conversationId, value, headers })),
    })
    if (isPoison) for (const { value } of values) poison.push({ topic: t, value })
  }
  const feed = (t: string, huge: string, extra: Value[] = []) =>
    produce(
      t,
      [...corpus(huge), ...extra].map((value) => ({ value })),
      true,
    )
  const badHeaders = {
    'gochat-attempt': '-1000000',
    traceparent: 'not-a-traceparent',
    'gochat-task-id': 'y'.repeat(1000),
  }

  let nextSeq = 9000
  const message = (over: Partial<Message> = {}): Message => ({
    messageId: `m_poison_${randomUUID()}`,
    conversationId,
    seq: ++nextSeq,
    senderId: 'system',
    content: 'good record',
    sentAt: Date.now(),
    status: 'normal',
    ...textDefaults,
    ...over,
  })
  async function send(ws: SocketClient, content: string) {
    const ack = (await ws.send(conversationId, content, randomUUID())) as { op: string; messageId: string; seq: number }
    expect(ack.op).toBe('ack')
    acked.push(ack)
    return ack
  }

  beforeAll(async () => {
    receiver = await startReceiver()
    cluster = new Cluster({
      gateways: 1,
      tasks: 1,
      kafka: KAFKA,
      mysql: db,
      redis: REDIS,
      topicPrefix: prefix,
      env: {
        GOCHAT_REDIS_KEY_PREFIX: redisKeyPrefix,
        GOCHAT_PERSISTENCE: 'async',
        GOCHAT_UPSTREAM: 'kafka',
        GOCHAT_PUSH_PROVIDER: 'webhook',
        GOCHAT_PUSH_ENDPOINT: receiver.url,
        GOCHAT_RETRY_BACKOFF_BASE_MS: '100',
        GOCHAT_RETRY_BACKOFF_CAP_MS: '1000',
        GOCHAT_CONSUMER_BATCH_RETRIES: '2',
      },
    })
    await cluster.start()
    const gw = cluster.gatewayUrls[0]!
    alice = new RestClient(gw)
    await alice.register(`a${randomUUID().slice(0, 8)}`, 'password-1')
    const bobRest = new RestClient(gw)
    bob = { rest: bobRest, userId: (await bobRest.register(`b${randomUUID().slice(0, 8)}`, 'password-1')).userId }
    conversationId = (await alice.direct(bob.userId)).conversationId
    aliceWs = await SocketClient.connect(gw, alice.token!)
    bobWs = await SocketClient.connect(gw, bobRest.token!)
    await Promise.all([aliceWs.ping(), bobWs.ping()])
    producer = createKafka([KAFKA], 'test-poison').producer()
    await producer.connect()
  }, 180_000)

  afterAll(async () => {
    await producer?.disconnect()
    await aliceWs?.close()
    await bobWs?.close()
    await cluster?.stop()
    await receiver?.close()
    await dropDatabase(db)
    await deleteTopicsWithPrefix(prefix)
    await deleteKeys(redisKeyPrefix)
  }, 60_000)

  it('task.persist.group: a persist record repo refuses (message id over 64 characters) no longer holds back the acked sends behind it', async () => {
    const base: PersistMessage = {
      traceId: '',
      userId: 'mallory',
      conversationId,
      content: 'poison',
      idempotencyKey: randomUUID(),
      sentAt: Date.now(),
      seq: 5_000,
      messageId: 'm'.repeat(80),
    }
    await produce(topic('messages.persist'), [{ value: JSON.stringify(base) }], true)
    await feed(
      topic('messages.persist'),
      JSON.stringify({ ...base, messageId: 'm_ok2' }).replace('"seq":5000', '"seq":1e999'),
    )
    const sends = [await send(aliceWs, 'behind 1'), await send(aliceWs, 'behind 2'), await send(aliceWs, 'behind 3')]
    const history = await until(
      () => alice.history(conversationId),
      (h) => sends.every((s) => h.messages.some((m) => m.messageId === s.messageId)),
      60_000,
    )
    expect(history.messages.map((m) => m.content)).toEqual(expect.arrayContaining(['behind 1', 'behind 2', 'behind 3']))
  }, 90_000)

  it('logic.upstream.group: bad sends are dead-lettered (a gatewayId that is no instance id too) and the sends behind them are acked', async () => {
    const base: UpstreamMessage = {
      traceId: '',
      userId: bob.userId,
      conversationId,
      content: 'poison',
      idempotencyKey: randomUUID(),
      gatewayId: '../../tasks.dlq',
      connectionId: 'c1',
    }
    await feed(
      topic('messages.upstream'),
      JSON.stringify({ ...base, gatewayId: 'gw-1', content: 1e999 }).replace('null', '1e999'),
      [JSON.stringify(base)],
    )
    // a refusal (no such conversation) is answered to the sender, not dead-lettered
    await produce(
      topic('messages.upstream'),
      [{ value: JSON.stringify({ ...base, gatewayId: 'gw-1', conversationId: 'c_missing' }), headers: badHeaders }],
      false,
    )
    await send(aliceWs, 'upstream behind')
  }, 60_000)

  it('task.dispatch.group: bad dispatch records are dead-lettered and the one behind them is delivered', async () => {
    const good: DispatchMessage = { message: message(), conversationKind: 'direct', memberCount: 2 }
    await feed(topic('messages.dispatch'), JSON.stringify({ ...good, memberCount: 1e999 }).replace('null', '1e999'))
    await produce(topic('messages.dispatch'), [{ value: JSON.stringify(good), headers: badHeaders }], false)
    await bobWs.waitForMessage(conversationId, good.message.seq, 30_000)
  }, 60_000)

  it('task.fanout.group: bad shards are dead-lettered and the one behind them is routed', async () => {
    const good: FanoutTask = {
      taskId: randomUUID(),
      message: message(),
      shard: 0,
      shards: 1,
      afterUserId: '',
      untilUserId: '',
    }
    await feed(topic('tasks.fanout'), JSON.stringify({ ...good, shards: 1e999 }).replace('null', '1e999'))
    await produce(topic('tasks.fanout'), [{ value: JSON.stringify(good), headers: badHeaders }], false)
    await bobWs.waitForMessage(conversationId, good.message.seq, 30_000)
  }, 60_000)

  it('task.events.group: bad events on both its topics are dead-lettered and the notification behind them reaches its user', async () => {
    const good = notification('group.invited', bob.userId, { conversation_id: 'g-poison' })
    for (const t of ['message-events', 'notifications'])
      await feed(topic(t), JSON.stringify({ ...good, timestamp: 1e999 }).replace('null', '1e999'))
    await produce(topic('notifications'), [{ value: JSON.stringify(good), headers: badHeaders }], false)
    await bobWs.waitFor((f) => f.op === 'event' && f.event.event_id === good.event_id, 30_000)
  }, 60_000)

  it('notification-service-push-group: bad pushes are dead-lettered and the push behind them is delivered', async () => {
    const good: OfflinePush = {
      pushId: randomUUID(),
      userIds: [bob.userId],
      conversationId,
      messageId: 'm_push',
      seq: 1,
      senderId: 'system',
      preview: 'p',
      sentAt: Date.now(),
    }
    await feed(topic('notifications.push'), JSON.stringify({ ...good, seq: 1e999 }).replace('null', '1e999'))
    await produce(topic('notifications.push'), [{ value: JSON.stringify(good), headers: badHeaders }], false)
    await until(
      () => receiver.bodies as Array<{ pushId: string }>,
      (b) => b.some((p) => p.pushId === good.pushId),
      30_000,
    )
    expect((receiver.bodies as Array<{ pushId: string }>).some((p) => p.pushId === good.pushId)).toBe(true)
  }, 60_000)

  it('task.retry.group: retry records naming a foreign topic (or the retry topic) are dead-lettered; one due far in the future is brought down to the backoff cap', async () => {
    const push: OfflinePush = {
      pushId: randomUUID(),
      userIds: [bob.userId],
      conversationId,
      messageId: 'm_retry',
      seq: 1,
      senderId: 'system',
      preview: 'p',
      sentAt: Date.now(),
    }
    const task = (over: Partial<TaskMessage>): TaskMessage => ({
      taskId: randomUUID(),
      taskType: 'push',
      originalTopic: topic('notifications.push'),
      key: bob.userId,
      attempt: 1,
      notBefore: Date.now(),
      payload: JSON.stringify(push),
      payloadEncoding: 'utf8',
      ...over,
    })
    await feed(
      topic('tasks.retry'),
      JSON.stringify(task({ notBefore: 0 })).replace('"notBefore":0', '"notBefore":1e999'),
      [
        JSON.stringify(task({ attempt: -5 })),
        JSON.stringify(task({ originalTopic: topic('tasks.retry') })),
        JSON.stringify(task({ originalTopic: topic('tasks.dlq') })),
        JSON.stringify(task({ originalTopic: 'gochat.messages.persist' })),
      ],
    )
    await produce(
      topic('tasks.retry'),
      [{ value: JSON.stringify(task({ notBefore: Number.MAX_SAFE_INTEGER })) }],
      false,
    )
    await until(
      () => receiver.bodies as Array<{ pushId: string }>,
      (b) => b.some((p) => p.pushId === push.pushId),
      30_000,
    )
    expect((receiver.bodies as Array<{ pushId: string }>).some((p) => p.pushId === push.pushId)).toBe(true)
  }, 60_000)

  it('gateway.downstream.group.gw-1: bad frames are dead-lettered and the frame behind them is written to its socket', async () => {
    const m = message()
    const good: DownstreamMessage = {
      conversationId,
      seq: m.seq,
      userIds: [bob.userId],
      frame: JSON.stringify({ op: 'message', message: m }),
    }
    await feed(topic('messages.downstream.gw-1'), JSON.stringify({ ...good, seq: 1e999 }).replace('null', '1e999'))
    await produce(topic('messages.downstream.gw-1'), [{ value: JSON.stringify(good), headers: badHeaders }], false)
    await bobWs.waitForMessage(conversationId, m.seq, 30_000)
  }, 60_000)

  it('at the end: the DLQ holds exactly the poison records, each with a reason, and no acked send is missing from history', async () => {
    const expected = poison
      .map(({ topic: t, value }) => `${t} ${payloadOf(value === null ? Buffer.alloc(0) : Buffer.from(value)).payload}`)
      .sort()
    const letters = await until(
      () => readDeadLetters({ kafka_brokers: [KAFKA], log_level: 'warn' }, topic('tasks.dlq')),
      (l) => l.length >= expected.length,
      60_000,
    )
    expect(letters.every((l) => l.task && (l.task.lastError ?? '').length > 0)).toBe(true)
    expect(letters.map((l) => `${l.task!.originalTopic} ${l.task!.payload}`).sort()).toEqual(expected)
    const history = await alice.history(conversationId, 0, 100)
    for (const a of acked) expect(history.messages.find((m) => m.seq === a.seq)?.messageId).toBe(a.messageId)
  }, 90_000)
})
