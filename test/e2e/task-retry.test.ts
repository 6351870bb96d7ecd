// Retries and dead letters on real infrastructure: a push endpoint that fails twice then succeeds delivers once
// with two retries counted; one that always fails ends in the DLQ after the configured attempts (and `gochat dlq
// replay` sends it back); a garbage record on gochat.tasks.fanout lands in the DLQ and the consumer goes on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { randomUUID } from 'node:crypto'
import { Cluster } from '../../runtime/cluster.js'
import { RestClient } from '../../src/client/rest.js'
import { SocketClient } from '../../src/client/socket.js'
import { createKafka } from '../../src/drivers/kafka/client.js'
import { infraAvailable, KAFKA, MYSQL, REDIS } from '../helpers/infra.js'
import { deleteTopicsWithPrefix, dropDatabase } from '../helpers/cleanup.js'
import { startReceiver, type Receiver } from '../helpers/webhook.js'
import { until } from '../helpers/until.js'

const run = promisify(execFile)
const available = await infraAvailable('kafka', 'mysql', 'redis')
const ATTEMPTS = 3

describe.skipIf(!available)('task retries and dead letters', () => {
  const prefix = `retry${Date.now().toString(36)}`
  const db = `${MYSQL}/gochat_${prefix}`
  let cluster: Cluster
  let receiver: Receiver
  let alice: RestClient
  let aliceWs: SocketClient
  let conversationId: string
  const cli = (...args: string[]) =>
    run(process.execPath, ['bin/run.js', ...args, '--kafka', KAFKA, '--topic-prefix', prefix, '--json'])
  const metric = async (name: string, labels: string) => {
    const text = await (await fetch(cluster.procs.get('task-1')!.healthUrl.replace('/health', '/metrics'))).text()
    const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && l.includes(labels))
    return line ? Number(line.split(' ').pop()) : 0
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
        GOCHAT_PUSH_PROVIDER: 'webhook',
        GOCHAT_PUSH_ENDPOINT: receiver.url,
        GOCHAT_MESSAGE_RETRY_ATTEMPTS: String(ATTEMPTS),
        GOCHAT_RETRY_BACKOFF_BASE_MS: '100',
        GOCHAT_RETRY_BACKOFF_CAP_MS: '500',
      },
    })
    await cluster.start()
    const gw = cluster.gatewayUrls[0]!
    alice = new RestClient(gw)
    await alice.register(`a${randomUUID().slice(0, 8)}`, 'password-1')
    const bob = await new RestClient(gw).register(`b${randomUUID().slice(0, 8)}`, 'password-1') // stays offline
    conversationId = (await alice.direct(bob.userId)).conversationId
    aliceWs = await SocketClient.connect(gw, alice.token!)
    await aliceWs.ping()
  }, 120_000)

  afterAll(async () => {
    await aliceWs?.close()
    await cluster?.stop()
    await receiver?.close()
    await dropDatabase(db)
    await deleteTopicsWithPrefix(prefix)
  }, 60_000)

  it('retries a push that fails twice, then delivers it once', async () => {
    receiver.failNext = 2
    const m = await alice.send(conversationId, 'are you there?', randomUUID())
    const pushes = await until(
      () => (receiver.bodies as Array<{ messageId: string }>).filter((b) => b.messageId === m.messageId),
      (l) => l.length > 0,
    )
    expect(pushes).toHaveLength(1)
    expect(receiver.requests).toBe(3)
    expect(await metric('gochat_task_retries_total', 'task_type="push"')).toBe(2)
    expect(await metric('gochat_push_results_total', 'outcome="failed"')).toBe(2)
  })

  it('dead-letters a push whose endpoint always fails after the configured attempts, and replays it', async () => {
    receiver.failAlways = true
    const before = receiver.requests
    const m = await alice.send(conversationId, 'nobody home', randomUUID())
    const letters = await until(
      async () =>
        JSON.parse((await cli('dlq', 'list', '--type', 'push')).stdout).deadLetters as Array<{
          task: { taskId: string; attempt: number; lastError: string; payload: string }
        }>,
      (l) => l.some((d) => d.task.payload.includes(m.messageId)),
    )
    const letter = letters.find((d) => d.task.payload.includes(m.messageId))!
    expect(letter.task.lastError).toMatch(/HTTP 500/)
    expect(receiver.requests - before).toBe(ATTEMPTS + 1)

    receiver.failAlways = false
    const replay = JSON.parse((await cli('dlq', 'replay', '--task-id', letter.task.taskId)).stdout)
    expect(replay.replayed).toHaveLength(1)
    const delivered = await until(
      () => (receiver.bodies as Array<{ messageId: string }>).filter((b) => b.messageId === m.messageId),
      (l) => l.length > 0,
    )
    expect(delivered).toHaveLength(1)
  })

  it('dead-letters a garbage record on the fanout topic and keeps consuming', async () => {
    const producer = createKafka([KAFKA], 'test-garbage').producer()
    await producer.connect()
    const seq = 9000 + Math.floor(Math.random() * 1000)
    const valid = {
      taskId: randomUUID(),
      shard: 0,
      shards: 1,
      afterUserId: '',
      untilUserId: '',
      message: {
        messageId: randomUUID(),
        conversationId,
        seq,
        senderId: 'system',
        content: 'after the garbage',
        sentAt: Date.now(),
        status: 'normal',
      },
    }
    await producer.send({
      topic: `${prefix}.tasks.fanout`,
      messages: [
        { key: conversationId, value: 'this is {not json' },
        { key: conversationId, value: JSON.stringify(valid) },
      ],
    })
    await producer.disconnect()
    await aliceWs.waitForMessage(conversationId, seq, 30_000)
    const letters = await until(
      async () =>
        JSON.parse((await cli('dlq', 'list', '--type', 'fanout')).stdout).deadLetters as Array<{
          task: { payload: string; lastError: string }
        }>,
      (l) => l.length > 0,
    )
    expect(letters[0]!.task.payload).toBe('this is {not json')
    expect(letters[0]!.task.lastError).toMatch(/undecodable/)
  })
})
