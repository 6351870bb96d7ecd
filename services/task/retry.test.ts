// The retry consumer's handler: due tasks go back to their original topic as the original record (attempt and
// task id in headers, and the trace they belong to); tasks not yet due go to the end of the retry topic unchanged.
import { describe, expect, it } from 'vitest'
import type { Bus, BusRecord, OutgoingRecord } from '../../src/ports/bus.js'
import { decode, encode, TaskMessage } from '../../src/contracts/payloads.js'
import { retryHandler } from './retry.js'

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'

function recordingBus() {
  const published: Array<{ topic: string; records: OutgoingRecord[] }> = []
  const bus = {
    kind: 'memory',
    publish: async (topic: string, records: OutgoingRecord[]) => {
      published.push({ topic, records })
    },
  } as unknown as Bus
  return { bus, published }
}

const task = (taskId: string, notBefore: number): TaskMessage => ({
  taskId,
  taskType: 'push',
  originalTopic: 'gochat.notifications.push',
  key: 'u1',
  attempt: 2,
  notBefore,
  payload: '{"pushId":"p1"}',
  payloadEncoding: 'utf8',
  lastError: 'endpoint answered 503',
})
const asRecord = (t: TaskMessage): BusRecord => ({
  topic: 'gochat.tasks.retry',
  partition: 0,
  offset: '5',
  key: t.taskId,
  value: Buffer.from(encode(t)),
  headers: { traceparent: TRACEPARENT, 'gochat-task-type': 'push' },
  timestamp: 0,
})

const topics = { retry: 'gochat.tasks.retry', retried: new Set(['gochat.notifications.push']) }
const noDeadLetters = async () => {
  throw new Error('nothing should be dead-lettered')
}

describe('retryHandler', () => {
  it('sends a due task back to its topic within its trace, and requeues one not yet due unchanged', async () => {
    const { bus, published } = recordingBus()
    const now = 1_000_000
    const due = task('t-due', now - 1)
    const later = task('t-later', now + 60_000)
    await retryHandler(
      bus,
      topics,
      noDeadLetters,
      120_000,
      () => now,
    )([due, later].map((t) => ({ value: t, record: asRecord(t) })))

    const back = published.flatMap((p) => p.records.map((r) => ({ topic: p.topic, ...r })))
    expect(back).toHaveLength(2)
    const original = back.find((r) => r.topic === 'gochat.notifications.push')!
    expect(original).toMatchObject({
      key: 'u1',
      value: '{"pushId":"p1"}',
      headers: { 'gochat-attempt': '2', 'gochat-task-id': 't-due', traceparent: TRACEPARENT },
    })
    const requeued = back.find((r) => r.topic === 'gochat.tasks.retry')!
    expect(requeued.key).toBe('t-later')
    expect(requeued.headers).toMatchObject({ traceparent: TRACEPARENT, 'gochat-task-type': 'push' })
    expect(decode(TaskMessage, Buffer.from(String(requeued.value)), 'TaskMessage')).toEqual(later)
  })

  it('brings a not-before time beyond the backoff cap down to it, so the task comes due', async () => {
    const { bus, published } = recordingBus()
    let now = 1_000_000
    const far = task('t-far', Number.MAX_SAFE_INTEGER)
    await retryHandler(bus, topics, noDeadLetters, 30_000, () => now)([{ value: far, record: asRecord(far) }])
    const requeued = decode(TaskMessage, Buffer.from(String(published[0]!.records[0]!.value)), 'TaskMessage')
    expect(requeued.notBefore).toBe(now + 30_000)
    now += 30_000
    published.length = 0
    await retryHandler(bus, topics, noDeadLetters, 30_000, () => now)([{ value: requeued, record: asRecord(requeued) }])
    expect(published.map((p) => p.topic)).toEqual(['gochat.notifications.push'])
  })

  it('dead-letters a task naming a topic that is not retried here, the retry and dead-letter topics included', async () => {
    const { bus, published } = recordingBus()
    const dead: string[] = []
    const bad = ['gochat.tasks.retry', 'gochat.tasks.dlq', 'gochat.users.secret', ''].map((t, i) => ({
      ...task(`t${i}`, 0),
      originalTopic: t,
    }))
    const good = task('t-ok', 0)
    await retryHandler(
      bus,
      topics,
      async (_r, reason) => void dead.push(reason),
      30_000,
    )([...bad, good].map((t) => ({ value: t, record: asRecord(t) })))
    expect(dead).toHaveLength(4)
    expect(dead[0]).toBe('retry record names topic "gochat.tasks.retry", which is not retried here')
    expect(published.flatMap((p) => p.records.map(() => p.topic))).toEqual(['gochat.notifications.push'])
  })
})
