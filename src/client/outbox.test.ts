import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { type Ack, Outbox } from './outbox.js'
import { FileOutbox } from './outbox-file.js'
import { MemoryOutbox, type OutboxEntry, type OutboxStore } from './outbox-store.js'
import { GochatError } from './types.js'

/** a server that stores each idempotency key once, answering a repeated key with the first seq */
function fakeServer() {
  const stored = new Map<string, Ack>()
  const order: string[] = []
  let fail: string | undefined
  return {
    stored,
    order,
    failNext: (code: string) => (fail = code),
    deliver: async (e: OutboxEntry): Promise<Ack> => {
      await Promise.resolve()
      if (fail) {
        const code = fail
        fail = undefined
        throw new GochatError(code, 'refused')
      }
      if (!stored.has(e.key)) {
        stored.set(e.key, { messageId: `m_${stored.size + 1}`, seq: stored.size + 1 })
        order.push(e.content)
      }
      return stored.get(e.key)!
    },
  }
}

function outbox(store: OutboxStore, server: ReturnType<typeof fakeServer>, changes: OutboxEntry[] = []) {
  return new Outbox(store, {
    deliver: server.deliver,
    changed: (e) => changes.push(e),
    retryDelay: () => 1000,
  })
}

describe('Outbox', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('keeps sends made offline and sends them in order once online, each key once', async () => {
    const server = fakeServer()
    const changes: OutboxEntry[] = []
    const box = outbox(new MemoryOutbox(), server, changes)
    const handles = []
    for (const text of ['one', 'two', 'three']) handles.push(await box.add('d_1', text))
    await vi.runAllTimersAsync()
    expect(server.order).toEqual([]) // offline: nothing tried
    expect(box.list().map((e) => e.state)).toEqual(['pending', 'pending', 'pending'])
    box.online = true
    box.flush()
    const acks = await Promise.all(handles.map((h) => h.sent))
    expect(server.order).toEqual(['one', 'two', 'three'])
    expect(acks.map((a) => a.seq)).toEqual([1, 2, 3])
    expect(box.list()).toEqual([])
    expect(changes.filter((c) => c.state === 'sent').map((c) => c.content)).toEqual(['one', 'two', 'three'])
  })

  it('a transient failure leaves the message pending and retries it with the same key; a refusal fails it', async () => {
    const server = fakeServer()
    const box = outbox(new MemoryOutbox(), server)
    box.online = true
    server.failNext('unavailable')
    const a = await box.add('d_1', 'a')
    await vi.advanceTimersByTimeAsync(10)
    expect(box.list()).toMatchObject([{ state: 'pending', error: 'unavailable', attempts: 1 }])
    await vi.advanceTimersByTimeAsync(1000)
    expect(await a.sent).toEqual({ messageId: 'm_1', seq: 1 })
    server.failNext('not_member')
    const b = await box.add('d_1', 'b')
    await expect(b.sent).rejects.toMatchObject({ code: 'not_member' })
    expect(box.list()).toMatchObject([{ key: b.entry.key, state: 'failed', error: 'not_member' }])
    const again = await box.retry(b.entry.key)
    expect(await again).toEqual({ messageId: 'm_2', seq: 2 })
  })

  it('a lost connection mid-send: the entry waits for the reconnect, and the resend is not stored twice', async () => {
    const server = fakeServer()
    const box = outbox(new MemoryOutbox(), server)
    box.online = true
    // the server stored it but the ack was lost with the connection
    const realDeliver = server.deliver
    let first = true
    ;(box as unknown as { opts: { deliver: typeof realDeliver } }).opts.deliver = async (e) => {
      const ack = await realDeliver(e)
      if (first) {
        first = false
        box.online = false
        throw new GochatError('closed', 'socket closed')
      }
      return ack
    }
    const h = await box.add('d_1', 'x')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(box.list()).toMatchObject([{ state: 'pending' }]) // no timer: it waits for the reconnect
    box.online = true
    box.flush()
    expect(await h.sent).toEqual({ messageId: 'm_1', seq: 1 })
    expect(server.stored.size).toBe(1)
  })

  it('an entry older than the server remembers keys fails as expired instead of risking a double', async () => {
    const server = fakeServer()
    let now = 0
    const box = new Outbox(new MemoryOutbox(), {
      deliver: server.deliver,
      changed: () => undefined,
      retryDelay: () => 1000,
      expireMs: 1000,
      now: () => now,
    })
    const h = await box.add('d_1', 'old')
    now = 2000
    box.online = true
    box.flush()
    await expect(h.sent).rejects.toMatchObject({ code: 'expired' })
    expect(server.order).toEqual([])
  })

  it('keeps conversations apart: one refusing does not hold back another', async () => {
    const server = fakeServer()
    const box = outbox(new MemoryOutbox(), server)
    await box.add('d_1', 'a1')
    await box.add('d_2', 'b1')
    await box.add('d_1', 'a2')
    box.online = true
    box.flush()
    await vi.runAllTimersAsync()
    expect(server.order.filter((c) => c.startsWith('a'))).toEqual(['a1', 'a2'])
    expect(server.order).toContain('b1')
  })
})

describe('FileOutbox', () => {
  it('keeps pending sends across a restart, in order, and forgets what was sent', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gochat-outbox-'))
    try {
      const path = join(dir, 'sub', 'outbox.json')
      const server = fakeServer()
      const before = outbox(new FileOutbox(path), server)
      for (const t of ['one', 'two', 'three']) await before.add('d_1', t)
      // the process ends; a new one loads the file
      const after = outbox(new FileOutbox(path), server)
      await after.load()
      expect(after.list().map((e) => e.content)).toEqual(['one', 'two', 'three'])
      after.online = true
      after.flush()
      await vi.waitFor(() => expect(server.order).toEqual(['one', 'two', 'three']))
      await vi.waitFor(async () => expect(await new FileOutbox(path).load()).toEqual([]))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
