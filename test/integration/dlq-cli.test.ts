// `gochat dlq list|replay` against a real Kafka through the real CLI: a replay sends a dead letter back once
// (marked on the DLQ topic; a second run skips it, --again sends it anyway), with a fresh attempt count and the
// dead letter's headers; markers are not listed as dead letters; an unknown --type is refused.
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import kafkajs, { type Admin, type Producer } from 'kafkajs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { catalog } from '../../src/contracts/topics.js'
import type { TaskMessage } from '../../src/contracts/payloads.js'
import { readTopic } from '../../src/ops/kafka/read-topic.js'
import { deleteTopicsWithPrefix } from '../helpers/cleanup.js'
import { infraAvailable, KAFKA } from '../helpers/infra.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const up = await infraAvailable('kafka')
const prefix = `dlq${Date.now().toString(36)}`
const specs = catalog({ topic_prefix: prefix, partitions: 1, replication_factor: 1, gateway_ids: [] }).filter(
  (t) => t.id === 'dlq' || t.id === 'push',
)
const [DLQ, PUSH] = [`${prefix}.tasks.dlq`, `${prefix}.notifications.push`]
const env = { ...process.env, GOCHAT_LOG_LEVEL: 'warn' }

function gochat(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/run.js', ...args, '--kafka', KAFKA, '--topic-prefix', prefix],
      { cwd: root, env, timeout: 60_000 },
      (err, stdout, stderr) =>
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr }),
    )
  })
}
async function json<T>(args: string[]): Promise<T> {
  const r = await gochat([...args, '--json'])
  expect(r.code, r.stderr + r.stdout).toBe(0)
  return JSON.parse(r.stdout) as T
}

const letter = (taskId: string, payload: string): TaskMessage => ({
  taskId,
  taskType: 'push',
  originalTopic: PUSH,
  key: `k-${taskId}`,
  attempt: 3,
  notBefore: Date.now(),
  payload,
  payloadEncoding: 'utf8',
  lastError: 'push endpoint 500',
})

describe.skipIf(!up)('gochat dlq against Kafka', () => {
  const kafka = new kafkajs.Kafka({ clientId: 'dlq-test', brokers: [KAFKA], logLevel: kafkajs.logLevel.NOTHING })
  let admin: Admin
  let producer: Producer
  const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01'

  beforeAll(async () => {
    admin = kafka.admin()
    await admin.connect()
    await admin.createTopics({
      waitForLeaders: true,
      topics: specs.map((s) => ({ topic: s.name, numPartitions: 1, replicationFactor: 1 })),
    })
    producer = kafka.producer()
    await producer.connect()
    for (const [id, body] of [
      ['t-1', '{"n":1}'],
      ['t-2', '{"n":2}'],
    ] as const) {
      await producer.send({
        topic: DLQ,
        messages: [
          { key: id, value: JSON.stringify(letter(id, body)), headers: { 'gochat-task-type': 'push', traceparent } },
        ],
      })
    }
  }, 60_000)

  afterAll(async () => {
    await producer?.disconnect()
    await admin?.disconnect()
    await deleteTopicsWithPrefix(prefix)
  }, 60_000)

  const pushed = async () =>
    (await readTopic({ kafka_brokers: [KAFKA], log_level: 'warn' }, PUSH).catch(() => [])).map((r) => ({
      key: r.key,
      value: r.value.toString(),
      headers: r.headers,
    }))

  it('replays a dead letter once, with a fresh attempt count and its headers', async () => {
    const first = await json<{ replayed: Array<{ taskId: string }>; skipped: unknown[] }>([
      'dlq',
      'replay',
      '--task-id',
      't-1',
    ])
    expect(first.replayed.map((r) => r.taskId)).toEqual(['t-1'])
    const again = await json<{ replayed: unknown[]; skipped: Array<{ taskId: string }> }>([
      'dlq',
      'replay',
      '--task-id',
      't-1',
    ])
    expect(again.replayed).toEqual([])
    expect(again.skipped.map((s) => s.taskId)).toEqual(['t-1'])

    const records = await pushed()
    expect(records).toHaveLength(1)
    expect(records[0]).toMatchObject({
      key: 'k-t-1',
      value: '{"n":1}',
      headers: { traceparent, 'gochat-attempt': '0', 'gochat-task-id': 't-1' },
    })
  })

  it('--all sends only what was not replayed; --again sends a replayed one anyway; list marks replays', async () => {
    const all = await json<{ replayed: Array<{ taskId: string }>; skipped: Array<{ taskId: string }> }>([
      'dlq',
      'replay',
      '--all',
    ])
    expect([all.replayed.map((r) => r.taskId), all.skipped.map((s) => s.taskId)]).toEqual([['t-2'], ['t-1']])
    expect((await json<{ replayed: unknown[] }>(['dlq', 'replay', '--all'])).replayed).toEqual([])
    expect((await pushed()).map((r) => r.key)).toEqual(['k-t-1', 'k-t-2'])

    const forced = await json<{ replayed: Array<{ taskId: string }> }>(['dlq', 'replay', '--task-id', 't-1', '--again'])
    expect(forced.replayed.map((r) => r.taskId)).toEqual(['t-1'])
    expect((await pushed()).map((r) => r.key)).toEqual(['k-t-1', 'k-t-2', 'k-t-1'])

    const list = await json<{
      count: number
      deadLetters: Array<{ task: { taskId: string }; replayed?: { to: string } }>
    }>(['dlq', 'list'])
    expect(list.count).toBe(2) // the markers are not dead letters
    expect(list.deadLetters.map((l) => [l.task.taskId, l.replayed?.to])).toEqual([
      ['t-1', PUSH],
      ['t-2', PUSH],
    ])
  })

  it('refuses an unknown --type', async () => {
    for (const cmd of [
      ['dlq', 'list'],
      ['dlq', 'replay', '--all'],
    ]) {
      const r = await gochat([...cmd, '--type', 'bogus'])
      expect(r.code, r.stderr).toBe(2)
      expect(r.stderr).toMatch(/bogus/)
      expect(r.stderr).toMatch(/push/)
    }
  })
})
