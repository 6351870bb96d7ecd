// The cluster under test for test/e2e/events.test.ts: 2 gateways on real Kafka, MySQL and Redis, with an independent
// kafkajs consumer that records every envelope on the event topics, and the helpers that wait for those envelopes.
import { afterAll, beforeAll, expect } from 'vitest'
import { execFile, spawnSync } from 'node:child_process'
import { promisify } from 'node:util'
import { randomUUID } from 'node:crypto'
import mysql from 'mysql2/promise'
import type { Consumer } from 'kafkajs'
import { Cluster } from '../../runtime/cluster.js'
import { RestClient } from '../../src/client/rest.js'
import { SocketClient, type ServerFrame } from '../../src/client/socket.js'
import { createKafka } from '../../src/drivers/kafka/client.js'
import { EventEnvelope } from '../../src/contracts/events.js'
import { infraAvailable, KAFKA, MYSQL, REDIS } from './infra.js'
import { runGochat } from './cli.js'
import { deleteTopicsWithPrefix, dropDatabase } from './cleanup.js'
import { sleep, until } from './until.js'

export const run = promisify(execFile)
export const available = await infraAvailable('kafka', 'mysql', 'redis')
// kcat is optional on a developer machine (that one case is skipped); under test:ci its absence fails the case
export const hasKcat = spawnSync('kcat', ['-V']).status === 0
export const required = process.env.GOCHAT_REQUIRE_INFRA === '1'

/** how long to keep listening after an event arrived, to see that no second one follows */
export const SETTLE_MS = 1500

export interface Seen {
  topic: string
  partition: number
  key: string | null
  headers: Record<string, string>
  event: EventEnvelope
}

export type EventFrame = Extract<ServerFrame, { op: 'event' }>
export const isEvent = (f: ServerFrame): f is EventFrame => f.op === 'event'

export const prefix = `ev${Date.now().toString(36)}`
export const db = `${MYSQL}/gochat_${prefix}`
export const topicOf = {
  user: `${prefix}.user-events`,
  message: `${prefix}.message-events`,
  notification: `${prefix}.notifications`,
}
export let cluster: Cluster
export let repoAddr: string
export let observer: Consumer
export let sql: mysql.Connection
export const seen: Seen[] = []
export const undecodable: string[] = []
export const sockets: SocketClient[] = []

export const gw = (i: number) => cluster.gatewayUrls[i]!
export async function user(name: string) {
  const rest = new RestClient(gw(0))
  const s = await rest.register(`${name}${randomUUID().slice(0, 8)}`, 'correct horse battery', name)
  return { rest, ...s }
}
export async function connect(i: number, token: string) {
  const s = await SocketClient.connect(gw(i), token)
  sockets.push(s)
  // presence is registered when the upgrade completes; a ping round trip makes sure the gateway is done
  expect((await s.ping()).op).toBe('pong')
  return s
}

export const events = (type: string, pred: (e: EventEnvelope) => boolean = () => true) =>
  seen.filter((s) => s.event.event_type === type && pred(s.event))
/** Waits for the event, then listens a while longer: exactly one must have been published. */
export async function exactlyOne(type: string, pred: (e: EventEnvelope) => boolean): Promise<Seen> {
  await until(
    () => events(type, pred),
    (l) => l.length > 0,
  )
  await sleep(SETTLE_MS)
  const found = events(type, pred)
  expect(found, `${type} events`).toHaveLength(1)
  return found[0]!
}
/** Waits for the events of several targets at once, then checks there is exactly one each. */
export async function onePerTarget(
  type: string,
  targets: string[],
  pred: (e: EventEnvelope) => boolean = () => true,
): Promise<Seen[]> {
  const mine = () => events(type, (e) => targets.includes(e.target_user_id ?? '') && pred(e))
  await until(mine, (l) => new Set(l.map((s) => s.event.target_user_id)).size >= targets.length)
  await sleep(SETTLE_MS)
  const found = mine()
  expect(found.map((s) => s.event.target_user_id).sort()).toEqual([...targets].sort())
  return found
}
/** The event frame a socket got for an event id; and no second one. */
export async function frameOf(s: SocketClient, eventId: string): Promise<EventFrame> {
  const f = (await s.waitFor(
    (x) => isEvent(x) && x.event.event_id === eventId,
    15_000,
    `event frame ${eventId}`,
  )) as EventFrame
  return f
}
export const framesOf = (s: SocketClient, eventId: string) =>
  s.frames.filter((f) => isEvent(f) && f.event.event_id === eventId)
export const nowS = () => Math.floor(Date.now() / 1000)
export const outboxRows = async () =>
  Number(((await sql.query('SELECT COUNT(*) AS n FROM outbox')) as [mysql.RowDataPacket[], unknown])[0][0]!.n)

export function expectEnvelope(s: Seen, topic: string, key: string) {
  expect(s.topic).toBe(topic)
  expect(s.key).toBe(key)
  expect(s.headers['gochat-event-type']).toBe(s.event.event_type)
  expect(s.event.event_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  expect(Number.isInteger(s.event.timestamp)).toBe(true)
  expect(Math.abs(s.event.timestamp - nowS())).toBeLessThan(120) // unix seconds, not milliseconds
}

/** starts the cluster (2 gateways) and the observer before the tests of the calling describe, stops them after */
export function setUpEventsCluster(): void {
  beforeAll(async () => {
    cluster = new Cluster({
      gateways: 2,
      tasks: 1,
      kafka: KAFKA,
      mysql: db,
      redis: REDIS,
      topicPrefix: prefix,
    })
    await cluster.start()
    repoAddr = cluster.repoAddr!
    sql = await mysql.createConnection(db)
    observer = createKafka([KAFKA], 'events-test').consumer({
      groupId: `${prefix}.events-test-observer`,
      maxWaitTimeInMs: 100,
    })
    await observer.connect()
    await observer.subscribe({ topics: Object.values(topicOf), fromBeginning: true })
    await observer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const text = message.value?.toString('utf8') ?? ''
        let parsed: ReturnType<typeof EventEnvelope.safeParse>
        try {
          parsed = EventEnvelope.safeParse(JSON.parse(text))
        } catch {
          undecodable.push(`${topic}: ${text}`)
          return
        }
        if (!parsed.success) return void undecodable.push(`${topic}: ${text} (${parsed.error.message})`)
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]))
        seen.push({ topic, partition, key: message.key?.toString() ?? null, headers, event: parsed.data })
      },
    })
  }, 120_000)

  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.close()))
    await observer?.disconnect()
    await sql?.end()
    await cluster?.stop()
    await dropDatabase(db)
    await deleteTopicsWithPrefix(prefix)
  }, 60_000)
}

export let alice: Awaited<ReturnType<typeof user>>
export let bob: Awaited<ReturnType<typeof user>>
export let carol: Awaited<ReturnType<typeof user>>
export let dave: Awaited<ReturnType<typeof user>>
export let erin: Awaited<ReturnType<typeof user>>
export let aliceWs: SocketClient
export let bobWs: SocketClient
export let carolWs: SocketClient
export let erinWs: SocketClient
export let direct: string
export const sent: Array<{ messageId: string; seq: number }> = []

/** five users, four of them connected, and a direct conversation of alice and bob with three messages */
export function setUpCast(): void {
  beforeAll(async () => {
    ;[alice, bob, carol, dave, erin] = await Promise.all(['alice', 'bob', 'carol', 'dave', 'erin'].map((n) => user(n)))
    aliceWs = await connect(0, alice.token)
    bobWs = await connect(1, bob.token)
    carolWs = await connect(0, carol.token)
    erinWs = await connect(1, erin.token)
    direct = (await alice.rest.direct(bob.userId)).conversationId
    for (const text of ['one', 'two', 'three']) sent.push(await alice.rest.send(direct, text, randomUUID()))
  }, 60_000)
}

/** a conversation's member rows, straight from MySQL */
export const membersOf = async (conversationId: string) =>
  (
    await sql.query('SELECT user_id FROM members WHERE conversation_id = ? ORDER BY user_id', [conversationId])
  )[0] as mysql.RowDataPacket[]
/** a conversation's member_count, straight from MySQL */
export const memberCountOf = async (conversationId: string) =>
  (
    (
      await sql.query('SELECT member_count FROM conversations WHERE conversation_id = ?', [conversationId])
    )[0] as mysql.RowDataPacket[]
  )[0]!.member_count
/** the outbox record of a group.invited event, as logic hands it to repo's AddMembers */
export const invitationRecord = (conversationId: string, inviterId: string, target: string) => {
  const event = {
    event_id: randomUUID(),
    event_type: 'group.invited',
    timestamp: nowS(),
    target_user_id: target,
    payload: { conversation_id: conversationId, name: 'Book club', inviter_id: inviterId },
  }
  return {
    topic: topicOf.notification,
    key: target,
    value: Buffer.from(JSON.stringify(event)),
    headers: { 'gochat-event-type': 'group.invited' },
  }
}

/** `gochat users erase --execute` against this cluster's database and Redis; its relay publishes the outbox row the
 *  erase wrote, to the topic the CLI named (hence the cluster's prefix) */
export const eraseUser = (userId: string) =>
  runGochat([
    'users',
    'erase',
    userId,
    '--execute',
    '--json',
    '--mysql',
    db,
    '--redis',
    REDIS,
    '--topic-prefix',
    prefix,
  ])
