import { afterAll, beforeAll, expect } from 'vitest'
import { randomUUID } from 'node:crypto'
import { configKeys, type GochatConfig } from '../../src/config/index.js'
import { topics } from '../../src/contracts/topics.js'
import { encode, type DownstreamMessage, type Message } from '../../src/contracts/payloads.js'
import type { EventEnvelope } from '../../src/contracts/events.js'
import { MemoryBus } from '../../src/drivers/memory/bus.js'
import { MemoryCache } from '../../src/drivers/memory/cache.js'
import { MemoryStore } from '../../src/drivers/memory/store.js'
import { createLogger } from '../../src/observability/log.js'
import type { RunningRole } from '../../src/core/role.js'
import { RestClient } from '../../src/client/rest.js'
import { SocketClient } from '../../src/client/socket.js'
import { startRepo } from '../../services/repo/index.js'
import { startLogic } from '../../services/logic/index.js'
import { waitUntil } from './until.js'
import { startGateway } from '../../services/gateway/index.js'
import { testBlobs } from './blobs.js'

const defaults = Object.fromEntries(Object.entries(configKeys).map(([k, v]) => [k, v.default])) as GochatConfig
export const log = createLogger({ test: 'gateway' })
export const uniq = () => randomUUID().slice(0, 8)

export const bus = new MemoryBus({ defaultPartitions: 2 })
export const cache = new MemoryCache()
export const cfg: GochatConfig = { ...defaults, gateway_port: 0, instance_id: 'gw-t1', partitions: 2 }
export const roles: RunningRole[] = []
export let base = ''
export let strictPort = 0
/** the strict gateway's rate limits run on real time plus this: a test moves it instead of waiting for buckets to refill */
export let skewMs = 0
export const userEvents: EventEnvelope[] = []

/** starts repo, logic and the two gateways before the file's tests, stops them after */
export function setUpGateways(): void {
  beforeAll(async () => {
    const repo = await startRepo({ cfg, bus, log, store: new MemoryStore(), cache })
    const logic = await startLogic({ cfg, bus, log, repo: repo.api, cache, blobs: testBlobs() })
    const gw = await startGateway({ cfg, bus, log, logic: logic.logic, messages: logic.messages, cache })
    // a second gateway with a tight rate limit and a fast heartbeat, for the tests of those
    const strict = await startGateway({
      cfg: {
        ...cfg,
        instance_id: 'gw-t2',
        rate_limit_per_second: 5,
        heartbeat_interval_ms: 100,
        ws_rate_per_user: 8,
        ws_max_connections_per_user: 3,
      },
      bus,
      log,
      logic: logic.logic,
      messages: logic.messages,
      cache,
      nowMs: () => Date.now() + skewMs,
    })
    roles.push(strict.role, gw.role, logic.role, repo.role)
    base = `http://127.0.0.1:${gw.port}`
    strictPort = strict.port
    await bus.subscribe({
      groupId: 'test-user-events',
      topics: [topics(cfg).userEvents],
      fromBeginning: true,
      eachBatch: async (recs) =>
        void userEvents.push(...recs.map((r) => JSON.parse(r.value.toString()) as EventEnvelope)),
    })
  })

  afterAll(async () => {
    for (const r of roles) await r.stop()
    await bus.close()
    await cache.close()
  })
}

/** moves the strict gateway's clock forward (its rate-limit buckets refill) */
export function skew(ms: number): void {
  skewMs += ms
}

export const sockets: SocketClient[] = []
export async function connect(token: string, url = base) {
  const s = await SocketClient.connect(url, token)
  sockets.push(s)
  expect((await s.ping()).op).toBe('pong')
  return s
}

export async function user(name = `u${uniq()}`) {
  const rest = new RestClient(base)
  return { rest, name, ...(await rest.register(name, 'secret-pass', `Name ${name}`)) }
}

/** what task does for a stored message: one DownstreamMessage for this gateway with the frame serialized once */
export async function pushDownstream(gatewayId: string, message: Message, userIds: string[]): Promise<string> {
  const frame = encode({ op: 'message', message })
  const down: DownstreamMessage = { conversationId: message.conversationId, seq: message.seq, userIds, frame }
  await bus.publish(topics(cfg).downstream(gatewayId), [{ key: message.conversationId, value: encode(down) }])
  return frame
}

export function rawFrames(s: SocketClient): string[] {
  const out: string[] = []
  s.ws.on('message', (d) => out.push(String(d)))
  return out
}

export const until = (cond: () => boolean, ms = 5000) => waitUntil(cond, ms, 10)
