// What the store contract's cases share (store.contract.ts runs them, test/contract/store-*.contract.ts hold them by
// concern): the fixture a driver suite gives, ids of their own, and builders of users, groups, drafts and outbox rows.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect } from 'vitest'
import { AppError } from '../../src/core/errors.js'
import { textDefaults } from '../../src/domain/message.js'
import type {
  Member,
  MessageDraft,
  OutboxLease,
  OutboxRecord,
  Store,
  StoreMessageHooks,
  UserRow,
} from '../../src/ports/store.js'

export interface StoreFixture {
  store: Store
  /** drops whatever the fixture created (e.g. the test database) */
  cleanup(): Promise<void>
}

export const uid = (prefix = 'x') => `${prefix}-${randomUUID().slice(0, 12)}`
export const record = (topic: string, n = 0): OutboxRecord => ({
  topic,
  key: `k${n}`,
  value: Buffer.from(`v${n}`),
  headers: { n: String(n) },
})
export const now = Date.now()

export async function rejectsWith(p: Promise<unknown>, code: string): Promise<void> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(err, `expected an AppError ${code}`).toBeInstanceOf(AppError)
  expect((err as AppError).code).toBe(code)
}

/**
 * The store `get()` returns once the suite has opened it: the cases are declared before beforeAll runs, so they
 * hold this stand-in, which forwards every property to the store of the moment.
 */
export function lateStore(get: () => Store): Store {
  return new Proxy({} as Store, {
    get(_, key) {
      const store = get()
      const value = Reflect.get(store, key, store)
      return typeof value === 'function' ? value.bind(store) : value
    },
  })
}

/** creates a group named G of these members, the first its admin (unless `roleOf` says otherwise) */
export async function createGroup(
  store: Store,
  members: string[],
  roleOf = (i: number): Member['role'] => (i === 0 ? 'admin' : 'member'),
): Promise<{ conversationId: string; created: boolean }> {
  const conversationId = uid('g')
  const rows: Member[] = members.map((userId, i) => ({ conversationId, userId, role: roleOf(i), joinedAt: now }))
  const created = await store.createConversation(
    { conversationId, kind: 'group', name: 'G', announcement: '', createdAt: now },
    rows,
    [],
  )
  return { conversationId, created }
}

/** a text message of ann's, sent now, with a message id and idempotency key of its own; `over` changes any of it */
export const textDraft = (conversationId: string, over: Partial<MessageDraft> = {}): MessageDraft => ({
  messageId: uid('m'),
  conversationId,
  senderId: 'ann',
  content: 'hello',
  sentAt: now,
  status: 'normal',
  idempotencyKey: uid('k'),
  ...textDefaults,
  ...over,
})

/** builders that write through `store` */
export function storeHelpers(store: Store) {
  async function withLease<T>(fn: (lease: OutboxLease) => Promise<T>): Promise<T> {
    const lease = await store.acquireOutboxLease()
    if (!lease) throw new Error('the outbox lease is held elsewhere')
    try {
      return await fn(lease)
    } finally {
      await lease.release()
    }
  }
  const pendingOf = (topic: string) =>
    withLease(async (lease) => (await lease.pending(100_000)).filter((r) => r.topic === topic))
  const user = (over: Partial<UserRow> = {}): UserRow => ({
    userId: uid('u'),
    username: uid('name'),
    displayName: 'Someone',
    guest: false,
    passwordHash: 'scrypt$x',
    createdAt: now,
    discoverable: false,
    ...over,
  })
  async function group(members: string[] = []): Promise<string> {
    const { conversationId, created } = await createGroup(store, members)
    expect(created).toBe(true)
    return conversationId
  }
  const draft = (conversationId: string, over: Partial<MessageDraft> = {}): MessageDraft =>
    textDraft(conversationId, { senderId: 'alice', content: 'hi', idempotencyKey: uid('key'), ...over })
  /** one outbox record per message, its header n the message's seq */
  const plainHooks = (topic = 'unused-topic'): StoreMessageHooks => ({
    outbox: (m) => [record(topic, m.seq)],
  })
  return { withLease, pendingOf, user, group, draft, plainHooks }
}

/** A describe() of contract cases on a store of their own for one driver: opened before the cases, cleaned up after
 *  them; the cases reach it through `store` (lateStore: it exists once beforeAll has run). */
export function describeOnStore(title: string, open: () => Promise<StoreFixture>, cases: (store: Store) => void): void {
  describe(title, () => {
    let fx: StoreFixture | undefined
    beforeAll(async () => {
      fx = await open()
    })
    afterAll(async () => {
      await fx?.cleanup()
    })
    cases(lateStore(() => fx!.store))
  })
}
