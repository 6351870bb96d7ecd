// The repo role on MariaDB/MySQL and Redis (relaying to the in-memory bus): seqs allocated in MySQL's transaction
// (sync persistence) and through Redis with re-seed (async), the relay's order and delay, and one relay per
// database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { configKeys, type GochatConfig } from '../../src/config/index.js'
import { decode, DispatchMessage } from '../../src/contracts/payloads.js'
import { MemoryBus } from '../../src/drivers/memory/bus.js'
import { MysqlStore } from '../../src/drivers/mysql/store.js'
import { RedisCache } from '../../src/drivers/redis/cache.js'
import { createLogger } from '../../src/observability/log.js'
import type { BusRecord } from '../../src/ports/bus.js'
import { startRepo, type StartedRepo } from '../../services/repo/index.js'
import { infraAvailable, MYSQL, REDIS } from '../helpers/infra.js'
import { testDatabase, type TestDatabase } from '../helpers/mysql.js'
import { deleteKeys, testKeyPrefix } from '../helpers/redis.js'
import { sleep, waitUntil } from '../helpers/until.js'

const cfg = Object.fromEntries(Object.entries(configKeys).map(([k, v]) => [k, v.default])) as GochatConfig
const log = createLogger()
const DISPATCH = 'gochat.messages.dispatch'

describe.skipIf(!(await infraAvailable('mysql', 'redis')))(`repo on MySQL (${MYSQL}) and Redis (${REDIS})`, () => {
  let db: TestDatabase
  let keyPrefix: string
  let cache: RedisCache
  let bus: MemoryBus
  let store: MysqlStore
  let repo: StartedRepo
  const seen: Array<{ record: BusRecord; at: number }> = []

  beforeAll(async () => {
    db = testDatabase('repo')
    keyPrefix = testKeyPrefix('repo')
    cache = new RedisCache(REDIS, { keyPrefix })
    bus = new MemoryBus({ defaultPartitions: 3 })
    await bus.subscribe({
      groupId: 'it',
      topics: [DISPATCH],
      fromBeginning: true,
      eachBatch: async (records) => {
        const at = performance.now()
        for (const record of records) seen.push({ record, at })
      },
    })
    store = new MysqlStore(db.url)
    repo = await startRepo({ cfg, bus, log, store, cache, relay: { pollMs: 200 } })
  })
  afterAll(async () => {
    await repo?.role.stop()
    await store?.close()
    await cache?.close()
    await db?.drop()
    if (keyPrefix) await deleteKeys(keyPrefix)
  })

  const seqsOf = (conversationId: string) =>
    seen
      .filter((s) => s.record.key === conversationId)
      .map((s) => decode(DispatchMessage, s.record.value, 'dispatch').message.seq)

  it('allocates gap-free seqs to 50 concurrent sends in MySQL, without Redis; a repeat gets the first seq', async () => {
    const { api } = repo
    const id = (await api.CreateGroup({ name: 'g', creator_id: 'ann', member_ids: ['bob'] })).conversation_id
    const send = async (key = '') =>
      (await api.StoreMessage({ conversation_id: id, sender_id: 'ann', idempotency_key: key, content: 'x' })).message!
        .seq
    const seqs = await Promise.all(Array.from({ length: 50 }, (_, i) => send(`k${i}`)))
    expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1))
    expect(await send('k7')).toBe(seqs[7])
    expect(await send()).toBe(51)
    expect(await cache.incrExisting(`seq:${id}`)).toBeNull() // no counter was created

    await waitUntil(() => seqsOf(id).length === 51)
    expect(seqsOf(id)).toEqual(Array.from({ length: 51 }, (_, i) => i + 1))
  })

  it('stores one StoreMessages call of one conversation in item order, replies and edits (own transactions) too', async () => {
    const { api } = repo
    const id = (await api.CreateGroup({ name: 'order', creator_id: 'ann', member_ids: ['bob'] })).conversation_id
    const first = (
      await api.StoreMessage({ conversation_id: id, sender_id: 'ann', idempotency_key: 'k0', content: 'm0' })
    ).message!
    const item = (i: number) => ({
      conversation_id: id,
      sender_id: 'ann',
      idempotency_key: `k${i}`,
      content: `m${i}`,
      ...(i % 25 === 10 ? { message_id: `m_reply_${i}`, reply_to: first.message_id } : {}),
      ...(i === 40 ? { message_id: 'm_edit', kind: 'edit', target_id: first.message_id } : {}),
    })
    const items = Array.from({ length: 300 }, (_, i) => item(i + 1))
    const { results } = await api.StoreMessages({ messages: items })
    expect(results.map((r) => r.error)).toEqual(items.map(() => null))
    expect(results.map((r) => r.ok!.message!.seq)).toEqual(items.map((_, i) => i + 2))
    await waitUntil(() => seqsOf(id).length === 301)
    expect(seqsOf(id)).toEqual(Array.from({ length: 301 }, (_, i) => i + 1))
  })

  it('async persistence: a counter lost while allocated seqs are not stored yet never hands them out again', async () => {
    const { api } = repo
    const id = (await api.CreateGroup({ name: 'async', creator_id: 'ann' })).conversation_id
    const allocate = async (key: string) =>
      (await api.AllocateSeq({ conversation_id: id, sender_id: 'ann', idempotency_key: key })).seq
    // allocated, acked, on their way through gochat.messages.persist: none of them is in MySQL yet
    const inFlight = await Promise.all(Array.from({ length: 10 }, (_, i) => allocate(`a${i}`)))
    expect([...inFlight].sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1))
    expect(await store.maxSeq(id)).toBe(0)
    expect(await store.reserveSeq(id, 0)).toBeGreaterThanOrEqual(10)

    await cache.del(`seq:${id}`) // Redis lost the counter
    const after = await allocate('b0')
    expect(after).toBeGreaterThan(10)
    expect(inFlight).not.toContain(after)

    // a repo that restarted (nothing remembered in process) and a counter lost again: still above everything
    const reserved = await store.reserveSeq(id, 0)
    await cache.del(`seq:${id}`)
    const restarted = await startRepo({ cfg, bus, log, store, cache, relay: { start: false } })
    try {
      const next = (await restarted.api.AllocateSeq({ conversation_id: id, sender_id: 'ann', idempotency_key: 'c0' }))
        .seq
      expect(next).toBe(reserved + 1)
      expect(await store.reserveSeq(id, 0)).toBeGreaterThan(next)
    } finally {
      await restarted.role.stop()
    }
  })

  it('relays a committed message within milliseconds, not a poll interval', async () => {
    const { api } = repo
    const id = (await api.CreateGroup({ name: 'quick', creator_id: 'ann' })).conversation_id
    const delays: number[] = []
    for (let i = 1; i <= 20; i++) {
      await api.StoreMessage({ conversation_id: id, sender_id: 'ann', content: 'x' })
      const committed = performance.now()
      await waitUntil(() => seqsOf(id).length === i, 2_000)
      delays.push(seen.at(-1)!.at - committed)
    }
    delays.sort((a, b) => a - b)
    log.info('relay delay (commit → consumer), ms', { median: delays[10]!.toFixed(1), max: delays[19]!.toFixed(1) })
    // typically about 1 ms; the bound leaves room for a loaded machine while staying far below the 200 ms poll
    expect(delays[10]).toBeLessThan(50)
  })

  it('runs one relay per database: a second repo stands by and takes over when the first stops', async () => {
    const secondStore = new MysqlStore(db.url)
    const second = await startRepo({ cfg, bus, log, store: secondStore, cache, relay: { pollMs: 100 } })
    try {
      await sleep(300)
      expect([repo.relay.state, second.relay.state]).toEqual(['active', 'standby'])
      await repo.relay.stop()
      await waitUntil(() => second.relay.state === 'active')
      const id = (await second.api.CreateGroup({ name: 'g2', creator_id: 'ann' })).conversation_id
      await second.api.StoreMessage({ conversation_id: id, sender_id: 'ann', content: 'via the second' })
      await waitUntil(() => seqsOf(id).length === 1)
      repo.relay.start()
      await sleep(300)
      expect(repo.relay.state).toBe('standby')
    } finally {
      await second.role.stop()
      await secondStore.close()
    }
    await waitUntil(() => repo.relay.state === 'active')
  })
})
