// What test/integration/tail.test.ts runs `gochat tail` against: this run's own prefix, its three event topics on
// the real Kafka with records produced at explicit partitions and timestamps, and the helpers that run the CLI.
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import kafkajs, { type Admin, type Producer } from 'kafkajs'
import { afterAll, beforeAll, expect } from 'vitest'
import { EventEnvelope, messageEvent, notification, userEvent } from '../../src/contracts/events.js'
import { catalog } from '../../src/contracts/topics.js'
import { createKafka } from '../../src/drivers/kafka/client.js'
import { infraAvailable, KAFKA } from './infra.js'
import { deleteTopicsWithPrefix } from './cleanup.js'

// kafkajs is CommonJS: its named exports are reached through the default one under ESM
export const { AssignerProtocol } = kafkajs
export const root = fileURLToPath(new URL('../..', import.meta.url))
export const up = await infraAvailable('kafka')

export const prefix = `tail${Date.now().toString(36)}`
export const cfg = { topic_prefix: prefix, partitions: 3, replication_factor: 1, gateway_ids: [] }
export const T = {
  user: `${prefix}.user-events`,
  message: `${prefix}.message-events`,
  notifications: `${prefix}.notifications`,
}
export const env = { ...process.env, GOCHAT_LOG_LEVEL: 'warn' }

export interface Run {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}
export interface Line {
  topic: string
  partition: number
  offset: string
  key: string | null
  timestamp: number
  headers: Record<string, string | null>
  value: unknown
  error?: string
}

export function tail(args: string[], timeoutMs = 60_000): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/run.js', 'tail', ...args, '--kafka', KAFKA, '--topic-prefix', prefix],
      { cwd: root, env, timeout: timeoutMs },
      (err, stdout, stderr) => {
        const e = err as (Error & { code?: number; signal?: NodeJS.Signals }) | null
        resolve({
          code: e ? (typeof e.code === 'number' ? e.code : null) : 0,
          signal: e?.signal ?? null,
          stdout,
          stderr,
        })
      },
    )
  })
}

/** `gochat tail … --json`: exit 0, one JSON object a line */
export async function tailJson(args: string[]): Promise<Line[]> {
  const r = await tail([...args, '--json'])
  expect(r.code, `gochat tail ${args.join(' ')} failed (${r.signal ?? ''}): ${r.stderr}`).toBe(0)
  return r.stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line)
}

export const subjects = (lines: Line[]) =>
  lines
    .map((l) => EventEnvelope.parse(l.value))
    .map((e) => `${e.event_type} ${e.user_id ?? e.target_user_id ?? `${e.conversation_id}/${e.operator_id}`}`)
    .sort()

export const kafka = createKafka([KAFKA], 'tail-test')
export let admin: Admin
export let producer: Producer
export const now = Date.now()
export const hourAgo = now - 3_600_000
export let groupsBefore: Set<string>

export const listGroupIds = async () => (await admin.listGroups()).groups.map((g) => g.groupId)
/** committed offsets of a group on a topic, partition → offset (-1: none) */
export const committed = async (groupId: string, topic: string) =>
  new Map(
    (await admin.fetchOffsets({ groupId, topics: [topic] }))[0]!.partitions.map((p) => [p.partition, Number(p.offset)]),
  )
export const ends = async (topic: string) =>
  new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, Number(p.high)]))

export const send = (topic: string, partition: number, key: string, value: string, timestamp = now) =>
  producer.send({
    topic,
    messages: [
      {
        partition,
        key,
        value,
        timestamp: String(timestamp),
        headers: {
          'gochat-event-type': (() => {
            try {
              return (JSON.parse(value) as { event_type?: string }).event_type ?? 'none'
            } catch {
              return 'none'
            }
          })(),
        },
      },
    ],
  })
export const ev = (e: EventEnvelope) => JSON.stringify(e)

/** creates this run's three event topics with their records before the tests of the calling describe; deletes them, and the run's throwaway groups, after */
export function setUpTailTopics(): void {
  beforeAll(async () => {
    admin = kafka.admin()
    await admin.connect()
    groupsBefore = new Set(await listGroupIds())
    const specs = catalog(cfg).filter(
      (t) => t.id === 'userEvents' || t.id === 'messageEvents' || t.id === 'notifications',
    )
    await admin.createTopics({
      waitForLeaders: true,
      topics: specs.map((s) => ({
        topic: s.name,
        numPartitions: s.partitions,
        replicationFactor: s.replicationFactor,
      })),
    })
    producer = kafka.producer()
    await producer.connect()
    // user-events: one record an hour old, four from now, spread over the three partitions
    await send(
      T.user,
      0,
      'u_old',
      ev(userEvent('user.online', 'u_old', { gateway_id: 'gw-1', last_seen: Math.floor(hourAgo / 1000) })),
      hourAgo,
    )
    await send(
      T.user,
      0,
      'u_ann',
      ev(userEvent('user.online', 'u_ann', { gateway_id: 'gw-1', last_seen: Math.floor(now / 1000) })),
    )
    await send(
      T.user,
      1,
      'u_bob',
      ev(userEvent('user.offline', 'u_bob', { gateway_id: 'gw-1', last_seen: Math.floor(now / 1000) })),
    )
    await send(T.user, 2, 'u_ann', ev(userEvent('user.profile.updated', 'u_ann', { display_name: 'Ann' })))
    await send(
      T.user,
      2,
      'u_cid',
      ev(userEvent('user.online', 'u_cid', { gateway_id: 'gw-2', last_seen: Math.floor(now / 1000) })),
    )
    await send(T.message, 0, 'c1', ev(messageEvent('message.read', 'c1', 'u_ann', { message_id: 'm_1', seq_id: 1 })))
    await send(
      T.message,
      1,
      'c2',
      ev(messageEvent('message.recalled', 'c2', 'u_bob', { message_id: 'm_2', seq_id: 4 })),
    )
    await send(T.message, 2, 'c1', ev(messageEvent('message.deleted', 'c1', 'u_bob', { message_id: 'm_3', seq_id: 2 })))
    await send(T.notifications, 0, 'u_ann', ev(notification('friend.requested', 'u_ann', { from_user_id: 'u_bob' })))
    await send(T.notifications, 0, 'u_ann', 'this is {not json')
  }, 60_000)

  afterAll(async () => {
    await producer?.disconnect()
    // the throwaway groups of this run's tails (they have no prefix): gone with the run
    const mine = (await listGroupIds().catch(() => [] as string[])).filter(
      (g) => g.startsWith('gochat-tail-') && !groupsBefore.has(g),
    )
    if (mine.length) await admin.deleteGroups(mine).catch(() => undefined)
    await admin?.disconnect()
    await deleteTopicsWithPrefix(prefix)
  }, 60_000)
}
