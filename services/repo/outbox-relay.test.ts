// The outbox relay over the in-memory store and bus: order per conversation, stop/start, one relay per store,
// re-publication after a failed publish.
import { afterEach, describe, expect, it } from 'vitest'
import { configKeys, type GochatConfig } from '../../src/config/index.js'
import { decode, DispatchMessage } from '../../src/contracts/payloads.js'
import { MemoryBus } from '../../src/drivers/memory/bus.js'
import { MemoryCache } from '../../src/drivers/memory/cache.js'
import { MemoryStore } from '../../src/drivers/memory/store.js'
import { createLogger, type Logger } from '../../src/observability/log.js'
import type { Bus, BusRecord } from '../../src/ports/bus.js'
import { startRepo, type StartedRepo } from './index.js'
import { sleep, waitUntil } from '../../test/helpers/until.js'
import { OutboxRelay } from './outbox-relay.js'

const cfg = Object.fromEntries(Object.entries(configKeys).map(([k, v]) => [k, v.default])) as GochatConfig
const log = createLogger()
const DISPATCH = 'gochat.messages.dispatch'
const until = (check: () => boolean, timeoutMs = 5_000) => waitUntil(check, timeoutMs, 5)

/** everything published to the dispatch topic, with the time it arrived */
async function collect(bus: Bus): Promise<Array<{ record: BusRecord; at: number }>> {
  const seen: Array<{ record: BusRecord; at: number }> = []
  await bus.subscribe({
    groupId: 'relay-test',
    topics: [DISPATCH],
    fromBeginning: true,
    eachBatch: async (records) => {
      const at = performance.now()
      for (const record of records) seen.push({ record, at })
    },
  })
  return seen
}

const seqsOf = (seen: Array<{ record: BusRecord }>, conversationId: string) =>
  seen
    .filter((s) => s.record.key === conversationId)
    .map((s) => decode(DispatchMessage, s.record.value, 'dispatch').message.seq)

describe('outbox relay', () => {
  const started: StartedRepo[] = []
  afterEach(async () => {
    for (const r of started.splice(0)) await r.role.stop()
  })

  async function repoWith(bus: Bus, opts: { start?: boolean; store?: MemoryStore; pollMs?: number } = {}) {
    const repo = await startRepo({
      cfg,
      bus,
      log,
      store: opts.store ?? new MemoryStore(),
      cache: new MemoryCache(),
      relay: { start: opts.start ?? true, pollMs: opts.pollMs ?? 200 },
    })
    started.push(repo)
    return repo
  }

  // the poll is an hour: only the wake-up on commit can publish within the test (no wall-clock assertion)
  it('publishes every message keyed by conversation, in seq order per conversation, woken by each commit', async () => {
    const bus = new MemoryBus({ defaultPartitions: 3 })
    const seen = await collect(bus)
    const { api } = await repoWith(bus, { pollMs: 3_600_000 })
    const groups = await Promise.all(
      ['a', 'b', 'c'].map(
        async (creator) => (await api.CreateGroup({ name: creator, creator_id: creator })).conversation_id,
      ),
    )
    await Promise.all(
      groups.map(async (id) => {
        for (let i = 0; i < 30; i++) await api.StoreMessage({ conversation_id: id, sender_id: 'a', content: `${i}` })
      }),
    )
    await until(() => seen.length === 90)
    for (const id of groups) expect(seqsOf(seen, id)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1))
  })

  it('publishes nothing while stopped, then everything exactly once after a restart', async () => {
    const bus = new MemoryBus({ defaultPartitions: 3 })
    const seen = await collect(bus)
    const { api, relay } = await repoWith(bus, { start: false })
    const id = (await api.CreateGroup({ name: 'g', creator_id: 'a' })).conversation_id
    for (let i = 0; i < 10; i++) await api.StoreMessage({ conversation_id: id, sender_id: 'a', content: `${i}` })
    await sleep(300)
    expect(seen).toHaveLength(0)
    relay.start()
    await until(() => seen.length >= 10)
    await relay.stop()
    await api.StoreMessage({ conversation_id: id, sender_id: 'a', content: 'while stopped' })
    await sleep(300)
    expect(seen).toHaveLength(10)
    relay.start()
    await until(() => seen.length >= 11)
    await sleep(300)
    expect(seqsOf(seen, id)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1))
  })

  it('lets one relay per store publish; another takes over when it stops', async () => {
    const bus = new MemoryBus({ defaultPartitions: 3 })
    const seen = await collect(bus)
    const store = new MemoryStore()
    const one = new OutboxRelay(store, bus, log, { pollMs: 50 })
    const two = new OutboxRelay(store, bus, log, { pollMs: 50 })
    one.start()
    await until(() => one.state === 'active')
    two.start()
    await sleep(100)
    expect(two.state).toBe('standby')
    await store.appendOutbox([{ topic: DISPATCH, key: 'c1', value: Buffer.from('{}'), headers: {} }])
    one.wake()
    await until(() => seen.length === 1)
    await one.stop()
    await until(() => two.state === 'active')
    await store.appendOutbox([{ topic: DISPATCH, key: 'c1', value: Buffer.from('{}'), headers: {} }])
    await until(() => seen.length === 2)
    await two.stop()
  })

  it('keeps rows pending when publishing fails and publishes them again (at least once); says so once', async () => {
    const bus = new MemoryBus({ defaultPartitions: 1 })
    const seen = await collect(bus)
    let failures = 3
    const lines: Array<[string, string]> = []
    const recording: Logger = {
      debug: (m) => lines.push(['debug', m]),
      info: (m) => lines.push(['info', m]),
      warn: (m) => lines.push(['warn', m]),
      error: (m) => lines.push(['error', m]),
      child: () => recording,
    }
    const flaky: Bus = Object.assign(Object.create(bus) as Bus, {
      publish: async (topic: string, records: Parameters<Bus['publish']>[1]) => {
        if (failures-- > 0) throw new Error('broker unavailable')
        return bus.publish(topic, records)
      },
    })
    const store = new MemoryStore()
    const relay = new OutboxRelay(store, flaky, recording, { pollMs: 50 })
    await store.appendOutbox(
      [1, 2, 3].map((n) => ({ topic: DISPATCH, key: 'c', value: Buffer.from(String(n)), headers: {} })),
    )
    relay.start()
    await until(() => relay.error !== undefined)
    await until(() => seen.length === 3)
    expect(seen.map((s) => s.record.value.toString())).toEqual(['1', '2', '3'])
    expect(relay.error).toBeUndefined()
    // one outage: its cause once at warn, the retries at debug, the recovery at info
    expect(lines.filter(([level]) => level === 'warn' || level === 'error')).toHaveLength(1)
    expect(lines.filter(([, m]) => m.includes('failed again'))).toHaveLength(2)
    expect(lines.filter(([, m]) => m.includes('recovered'))).toHaveLength(1)
    await relay.stop()
    const lease = (await store.acquireOutboxLease())!
    expect(await lease.pending(10)).toEqual([])
    await lease.release()
  })
})
