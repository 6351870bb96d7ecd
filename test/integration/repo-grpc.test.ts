// The repo API over a real gRPC server and client (src/rpc/server.ts, client.ts): requests and responses
// cross the wire intact, int64s arrive as numbers, bytes as Buffers, and an AppError keeps its code.
import type { Server } from '@grpc/grpc-js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { configKeys, type GochatConfig } from '../../src/config/index.js'
import { AppError } from '../../src/core/errors.js'
import { MemoryBus } from '../../src/drivers/memory/bus.js'
import { MemoryCache } from '../../src/drivers/memory/cache.js'
import { MemoryStore } from '../../src/drivers/memory/store.js'
import { createLogger } from '../../src/observability/log.js'
import { grpcServerDuration } from '../../src/observability/metrics.js'
import { repoClient, repoDefinition } from '../../src/rpc/client.js'
import { startGrpcServer, stopGrpcServer } from '../../src/rpc/server.js'
import { startRepo, type StartedRepo } from '../../services/repo/index.js'

const cfg = Object.fromEntries(Object.entries(configKeys).map(([k, v]) => [k, v.default])) as GochatConfig

describe('repo over gRPC', () => {
  let repo: StartedRepo
  let server: Server
  let client: ReturnType<typeof repoClient>
  let store: MemoryStore

  beforeAll(async () => {
    store = new MemoryStore()
    repo = await startRepo({
      cfg,
      bus: new MemoryBus({ defaultPartitions: 1 }),
      log: createLogger(),
      store,
      cache: new MemoryCache(),
      relay: { start: false },
    })
    const started = await startGrpcServer('127.0.0.1:0', [{ definition: repoDefinition(), api: repo.api }])
    server = started.server
    client = repoClient(started.address)
  })
  afterAll(async () => {
    client?.close()
    if (server) await stopGrpcServer(server)
    await repo?.role.stop()
  })

  it('serves every call of the happy path', async () => {
    const ann = await client.CreateUser({ username: 'ann', password_hash: 'scrypt$abc', display_name: 'Ann' })
    expect(await client.GetUser({ username: 'ann' })).toEqual(ann)
    const { conversation_id } = await client.CreateGroup({ name: 'g', creator_id: ann.user_id, member_ids: ['bob'] })
    const stored = await client.StoreMessage({
      conversation_id,
      sender_id: ann.user_id,
      idempotency_key: 'k',
      content: 'über 🚀',
    })
    expect(stored).toMatchObject({ duplicate: false, message: { seq: 1, content: 'über 🚀' } })
    expect(typeof stored.message!.sent_at).toBe('number')
    expect(
      (await client.StoreMessage({ conversation_id, sender_id: ann.user_id, idempotency_key: 'k', content: 'again' }))
        .duplicate,
    ).toBe(true)
    expect(await client.SyncMessages({ conversation_id, after_seq: 0, limit: 10 })).toEqual({
      messages: [stored.message],
      has_more: false,
    })
    expect((await client.ListMembers({ conversation_id, limit: 1 })).next_cursor).not.toBe('')
    expect(await client.SetReadSeq({ conversation_id, user_id: 'bob', seq: 1 })).toEqual({ read_seq: 1 })
    expect(await client.LookupPresence({ user_ids: ['bob'] })).toEqual({
      presence: [{ user_id: 'bob', gateway_ids: [] }],
    })
    await client.PublishEvents({
      events: [{ topic: 't.grpc', key: 'k', value: Buffer.from([0, 1, 254, 255]), headers: { h: 'v' } }],
    })
    const lease = (await store.acquireOutboxLease())!
    const [row] = (await lease.pending(100)).filter((r) => r.topic === 't.grpc')
    await lease.release()
    expect(row).toMatchObject({ key: 'k', value: Buffer.from([0, 1, 254, 255]), headers: { h: 'v' } })
  })

  it('carries AppError codes across the wire', async () => {
    await client.CreateUser({ username: 'taken', password_hash: 'x' })
    const taken = await client.CreateUser({ username: 'taken', password_hash: 'x' }).catch((e: unknown) => e)
    expect(taken).toBeInstanceOf(AppError)
    expect(taken).toMatchObject({ code: 'username_taken', message: 'username taken is taken' })
    const missing = await client.GetConversation({ conversation_id: 'g_nope' }).catch((e: unknown) => e)
    expect(missing).toMatchObject({ code: 'not_found' })
    const bad = await client
      .UpdateMessageStatus({ conversation_id: 'c', message_id: 'm', status: 'normal' })
      .catch((e: unknown) => e)
    expect(bad).toMatchObject({ code: 'bad_request' })
  })

  it('coalesces the StoreMessage calls of one tick into one StoreMessages call, each caller with its own answer', async () => {
    const served = async () => {
      const m = await grpcServerDuration.get()
      const count = (method: string) =>
        m.values
          .filter((v) => v.metricName?.endsWith('_count') && v.labels.method === method)
          .reduce((n, v) => n + v.value, 0)
      return { one: count('StoreMessage'), many: count('StoreMessages') }
    }
    const ann = await client.CreateUser({ username: 'batch-ann', password_hash: 'x' })
    const { conversation_id } = await client.CreateGroup({ name: 'b', creator_id: ann.user_id, member_ids: [] })
    const before = await served()
    const send = (key: string, conversation = conversation_id) =>
      client.StoreMessage({ conversation_id: conversation, sender_id: ann.user_id, idempotency_key: key, content: key })
    const answers = await Promise.allSettled([send('a'), send('b'), send('bad', ''), send('c'), send('a')])
    const after = await served()
    expect(after).toEqual({ one: before.one, many: before.many + 1 })

    const [a, b, bad, c, again] = answers
    const ok = (r: PromiseSettledResult<unknown>) => (r as PromiseFulfilledResult<{ message: { seq: number } }>).value
    expect([a, b, c].map((r) => r!.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled'])
    expect([ok(a!), ok(b!), ok(c!)].map((r) => r.message.seq).sort()).toEqual([1, 2, 3])
    // the same key twice in one batch: stored once, the other answer is the duplicate of it
    expect(ok(again!).message.seq).toBe(ok(a!).message.seq)
    expect((bad as PromiseRejectedResult).reason).toBeInstanceOf(AppError)
    expect((bad as PromiseRejectedResult).reason).toMatchObject({ code: 'bad_request' })

    // a call alone in its tick goes as the plain call
    await send('d')
    expect(await served()).toEqual({ one: after.one + 1, many: after.many })
  })

  it('coalesces the ListDirectPeers calls of one tick (a connect burst) into one ListDirectPeersMany', async () => {
    const count = async (method: string) =>
      (await grpcServerDuration.get()).values
        .filter((v) => v.metricName?.endsWith('_count') && v.labels.method === method)
        .reduce((n, v) => n + v.value, 0)
    const [ann, bob, cat] = await Promise.all(
      ['peers-ann', 'peers-bob', 'peers-cat'].map((username) => client.CreateUser({ username, password_hash: 'x' })),
    )
    await client.EnsureDirectConversation({ user_a: ann!.user_id, user_b: bob!.user_id })
    await client.EnsureDirectConversation({ user_a: ann!.user_id, user_b: cat!.user_id })
    const before = { one: await count('ListDirectPeers'), many: await count('ListDirectPeersMany') }
    const peers = (user_id: string) => client.ListDirectPeers({ user_id, limit: 10 })
    const [a, b, nobody, bad] = await Promise.allSettled([
      peers(ann!.user_id),
      peers(bob!.user_id),
      peers('u_none'),
      peers(''),
    ])
    expect({ one: await count('ListDirectPeers'), many: await count('ListDirectPeersMany') }).toEqual({
      one: before.one,
      many: before.many + 1,
    })
    const ids = (r: PromiseSettledResult<{ user_ids: string[] }> | undefined) =>
      (r as PromiseFulfilledResult<{ user_ids: string[] }>).value.user_ids
    expect(ids(a).sort()).toEqual([bob!.user_id, cat!.user_id].sort())
    expect(ids(b)).toEqual([ann!.user_id])
    expect(ids(nobody)).toEqual([])
    expect((bad as PromiseRejectedResult).reason).toMatchObject({ code: 'bad_request' })
  })
})
