// The cluster under test for test/e2e/tracing.test.ts: 2 gateways, 1 task, repo and logic on real Kafka, MySQL and
// Redis, tracing on and exporting to an OTLP/HTTP receiver of the test's; its users, groups and sockets; and the
// helpers that read traces and Prometheus text.
import { afterAll, beforeAll, expect } from 'vitest'
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { Cluster } from '../../runtime/cluster.js'
import { RestClient, type Session } from '../../src/client/rest.js'
import { SocketClient } from '../../src/client/socket.js'
import { infraAvailable, KAFKA, MYSQL, REDIS } from './infra.js'
import { deleteTopicsWithPrefix, dropDatabase } from './cleanup.js'
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from './otlp.js'
import { until } from './until.js'

export const available = await infraAvailable('kafka', 'mysql', 'redis')

export const SERVER = 2
export const PRODUCER = 4
export const CONSUMER = 5

// ---- Prometheus text ----

export interface Sample {
  name: string
  labels: Record<string, string>
  value: number
}
export interface Scrape {
  types: Map<string, string>
  samples: Sample[]
}

export function parseProm(text: string): Scrape {
  const types = new Map<string, string>()
  const samples: Sample[] = []
  for (const line of text.split('\n')) {
    if (line.startsWith('# TYPE ')) {
      const [, , name, type] = line.split(' ')
      types.set(name!, type!)
      continue
    }
    if (!line || line.startsWith('#')) continue
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)/.exec(line)
    if (!m) continue
    const labels: Record<string, string> = {}
    for (const l of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]!] = l[2]!
    samples.push({ name: m[1]!, labels, value: Number(m[3]) })
  }
  return { types, samples }
}

/** the sum of the samples of `name` whose labels include `labels` */
export const sum = (s: Scrape, name: string, labels: Record<string, string> = {}) =>
  s.samples
    .filter((x) => x.name === name && Object.entries(labels).every(([k, v]) => x.labels[k] === v))
    .reduce((n, x) => n + x.value, 0)

// ---- docs/metrics.md ----

export interface DocRow {
  name: string
  type: string
  labels: string[]
  roles: string[]
}

export function documented(): DocRow[] {
  const text = readFileSync(new URL('../../docs/metrics.md', import.meta.url), 'utf8')
  const rows: DocRow[] = []
  for (const line of text.split('\n')) {
    const cells = line.split('|').map((c) => c.trim())
    const name = /^`([a-z_:][a-z0-9_:]*)`$/.exec(cells[1] ?? '')?.[1]
    if (!name) continue
    const list = (c: string | undefined) =>
      (c ?? '')
        .replace(/`/g, '')
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x && x !== '—' && x !== '-')
    rows.push({ name, type: cells[2]!, labels: list(cells[3]), roles: list(cells[4]) })
  }
  return rows
}

export const prefix = `obs${Date.now().toString(36)}`
export const db = `${MYSQL}/gochat_${prefix}`
export let cluster: Cluster
export let receiver: OtlpReceiver
export let alice: Session, bob: Session, carol: Session, dave: Session, erin: Session
export const sockets: SocketClient[] = []
export let aliceWs: SocketClient, bobWs: SocketClient, carolWs: SocketClient
export let smallGroup: string
export let largeGroup: string
export const scrapes = new Map<string, Scrape>()

/** starts the cluster with tracing on, five users, two groups and three sockets before the tests of the calling describe; stops it after */
export function setUpObservedCluster(): void {
  beforeAll(async () => {
    receiver = await startOtlpReceiver()
    cluster = new Cluster({
      gateways: 2,
      tasks: 1,
      kafka: KAFKA,
      mysql: db,
      redis: REDIS,
      topicPrefix: prefix,
      env: {
        GOCHAT_TRACING_ENDPOINT: receiver.url,
        GOCHAT_TRACING_SAMPLE_RATIO: '1',
        // export every 200 ms instead of 5 s
        OTEL_BSP_SCHEDULE_DELAY: '200',
        // a group of 5 is "large": 3 shards of 2 through gochat.tasks.fanout
        GOCHAT_LARGE_GROUP_THRESHOLD: '5',
        GOCHAT_FANOUT_BATCH_SIZE: '2',
      },
    })
    await cluster.start()
    const [gw1, gw2] = cluster.gatewayUrls as [string, string]
    const register = async (gw: string, name: string) =>
      new RestClient(gw).register(`${name}${randomUUID().slice(0, 8)}`, 'password-1')
    ;[alice, bob, carol] = await Promise.all([register(gw1, 'alice'), register(gw1, 'bob'), register(gw2, 'carol')])
    ;[dave, erin] = await Promise.all([register(gw1, 'dave'), register(gw2, 'erin')]) // stay offline
    const rest = new RestClient(gw1, alice.token)
    smallGroup = (await rest.createGroup('small', [bob.userId, carol.userId])).conversationId
    largeGroup = (await rest.createGroup('large', [bob.userId, carol.userId, dave.userId, erin.userId])).conversationId
    // strangers to alice: invited, members once they accept (group consent)
    for (const [gw, s] of [
      [gw1, bob],
      [gw2, carol],
    ] as const)
      await new RestClient(gw, s.token).acceptInvitation(smallGroup)
    for (const [gw, s] of [
      [gw1, bob],
      [gw2, carol],
      [gw1, dave],
      [gw2, erin],
    ] as const)
      await new RestClient(gw, s.token).acceptInvitation(largeGroup)
    aliceWs = await SocketClient.connect(gw1, alice.token)
    bobWs = await SocketClient.connect(gw1, bob.token)
    carolWs = await SocketClient.connect(gw2, carol.token)
    sockets.push(aliceWs, bobWs, carolWs)
    await Promise.all(sockets.map((s) => s.ping()))
  }, 120_000)

  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.close()))
    await cluster?.stop()
    await receiver?.close()
    if (available) {
      await dropDatabase(db)
      await deleteTopicsWithPrefix(prefix)
    }
  }, 60_000)
}

/** the spans of the trace whose root is the gw-1 `ws.send` span of the send with this ack */
export async function traceOf(
  conversationId: string,
  seq: number,
  complete: (spans: ReceivedSpan[]) => boolean,
): Promise<ReceivedSpan[]> {
  await Promise.all([aliceWs, bobWs, carolWs].map((s) => s.waitForMessage(conversationId, seq, 20_000)))
  const root = await until(
    () =>
      receiver.spans.find(
        (s) => s.name === 'ws.send' && s.attributes['gochat.user_id'] === alice.userId && !seenRoots.has(s.spanId),
      ),
    (s) => s !== undefined,
  )
  expect(root, 'the gateway span of the send').toBeDefined()
  seenRoots.add(root!.spanId)
  // spans come from five processes, each exporting on its own schedule: wait until the expected ones are in and
  // no span misses its parent
  const connected = (spans: ReceivedSpan[]) => {
    const ids = new Set(spans.map((s) => s.spanId))
    return spans.every((s) => !s.parentSpanId || ids.has(s.parentSpanId))
  }
  return until(
    () => receiver.spans.filter((s) => s.traceId === root!.traceId),
    (spans) => complete(spans) && connected(spans),
  )
}
export const seenRoots = new Set<string>()

export const one = (spans: ReceivedSpan[], pred: (s: ReceivedSpan) => boolean, what: string): ReceivedSpan => {
  const found = spans.filter(pred)
  expect(found, what).toHaveLength(1)
  return found[0]!
}
export const role = (s: ReceivedSpan) => s.attributes['gochat.role']
export const instance = (s: ReceivedSpan) => s.attributes['gochat.instance']

/** every parent is in the trace, and there is one root: the sender's gateway span */
export function wellParented(spans: ReceivedSpan[]): ReceivedSpan {
  const ids = new Map(spans.map((s) => [s.spanId, s]))
  expect(ids.size, 'span ids are unique').toBe(spans.length)
  const roots = spans.filter((s) => !s.parentSpanId)
  expect(roots.map((r) => r.name)).toEqual(['ws.send'])
  const root = roots[0]!
  expect(root).toMatchObject({
    kind: SERVER,
    service: 'gochat-gateway',
    attributes: { 'gochat.role': 'gateway', 'gochat.instance': 'gw-1' },
  })
  for (const s of spans)
    if (s.parentSpanId) expect(ids.has(s.parentSpanId), `parent of ${s.name} (${s.service}) is in the trace`).toBe(true)
  return root
}

/** the names of the span's ancestors, nearest first */
export function ancestry(spans: ReceivedSpan[], span: ReceivedSpan): string[] {
  const ids = new Map(spans.map((s) => [s.spanId, s]))
  const out: string[] = []
  for (let p = ids.get(span.parentSpanId); p; p = ids.get(p.parentSpanId)) out.push(`${String(role(p))}:${p.name}`)
  return out
}
