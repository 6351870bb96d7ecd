// RepoService over the in-memory store and cache, called in process as --role=all does.
import { textDefaults } from '../../src/domain/message.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { configKeys, type GochatConfig } from '../../src/config/index.js'
import { decode, DispatchMessage } from '../../src/contracts/payloads.js'
import { AppError } from '../../src/core/errors.js'
import { MemoryBus } from '../../src/drivers/memory/bus.js'
import { MemoryCache } from '../../src/drivers/memory/cache.js'
import { MemoryStore } from '../../src/drivers/memory/store.js'
import { createLogger } from '../../src/observability/log.js'
import type { Cache } from '../../src/ports/cache.js'
import { Presence } from '../../src/presence/presence.js'
import type { RepoApi } from '../../src/rpc/api.js'
import { directConversationId } from './service.js'
import { startRepo, type StartedRepo } from './index.js'

const cfg = Object.fromEntries(Object.entries(configKeys).map(([k, v]) => [k, v.default])) as GochatConfig
const log = createLogger()

async function rejectsWith(p: Promise<unknown>, code: string): Promise<void> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(err, `expected an AppError ${code}`).toBeInstanceOf(AppError)
  expect((err as AppError).code).toBe(code)
}

/** a cache whose every call can be made to fail */
function flakyCache(inner: Cache): Cache & { failing: boolean } {
  const state = { failing: false }
  return new Proxy(inner as Cache & { failing: boolean }, {
    get(target, prop) {
      if (prop === 'failing') return state.failing
      const value = Reflect.get(target, prop, target)
      if (typeof value !== 'function') return value
      return (...args: unknown[]) =>
        state.failing ? Promise.reject(new Error('cache down')) : value.apply(target, args)
    },
    set(target, prop, value) {
      if (prop !== 'failing') return Reflect.set(target, prop, value, target)
      state.failing = value
      return true
    },
  })
}

describe('repo service', () => {
  let store: MemoryStore
  let cache: ReturnType<typeof flakyCache>
  let bus: MemoryBus
  let repo: StartedRepo
  let api: RepoApi
  /** the outbox rows not yet published (the relay is stopped, so the lease is free) */
  async function pending(topic: string) {
    const lease = (await store.acquireOutboxLease())!
    try {
      return (await lease.pending(100_000)).filter((r) => r.topic === topic)
    } finally {
      await lease.release()
    }
  }
  const event = (topic: string, key: string) => ({
    topic,
    key,
    value: Buffer.from(`{"k":"${key}"}`),
    headers: { 'gochat-event-type': 'test' },
  })

  beforeAll(async () => {
    store = new MemoryStore()
    cache = flakyCache(new MemoryCache())
    bus = new MemoryBus({ defaultPartitions: 3 })
    // the relay stays stopped: these tests look at the outbox rows themselves
    repo = await startRepo({
      cfg,
      bus,
      log,
      store,
      cache,
      relay: { start: false },
    })
    api = repo.api
  })
  afterAll(async () => {
    await repo.role.stop()
  })

  async function group(creator: string, members: string[] = []) {
    return (await api.CreateGroup({ name: 'G', creator_id: creator, member_ids: members })).conversation_id
  }

  describe('users', () => {
    it('creates, finds and updates users; a taken username is username_taken', async () => {
      const alice = await api.CreateUser({
        username: 'alice',
        password_hash: 'scrypt$1',
        display_name: 'Alice',
        events: [event('t.users', 'alice')],
      })
      expect(alice).toMatchObject({ username: 'alice', display_name: 'Alice', guest: false, password_hash: 'scrypt$1' })
      expect(alice.user_id).toMatch(/^u_/)
      expect(await api.GetUser({ user_id: alice.user_id })).toEqual(alice)
      expect(await api.GetUser({ username: 'alice' })).toEqual(alice)
      await rejectsWith(api.CreateUser({ username: 'alice', password_hash: 'x' }), 'username_taken')
      await rejectsWith(api.GetUser({ user_id: 'u_nobody' }), 'not_found')
      await rejectsWith(api.GetUser({}), 'bad_request')
      await rejectsWith(api.CreateUser({ password_hash: 'x' }), 'bad_request')

      const guest = await api.CreateUser({ guest: true, display_name: 'Visitor' })
      expect(guest).toMatchObject({ username: '', guest: true, display_name: 'Visitor' })
      const renamed = await api.UpdateUser({
        user_id: guest.user_id,
        display_name: 'Renamed',
        events: [event('t.users', 'renamed')],
      })
      expect(renamed.display_name).toBe('Renamed')
      await rejectsWith(api.UpdateUser({ user_id: 'u_nobody', display_name: 'x' }), 'not_found')
      expect((await pending('t.users')).map((r) => r.key)).toEqual(['alice', 'renamed'])

      const bulk = await api.CreateUsers({ users: [{ username: 'b1' }, { username: 'b2' }] })
      expect(bulk.users.map((u) => u.username)).toEqual(['b1', 'b2'])
      await rejectsWith(api.CreateUsers({ users: [{ username: 'b3' }, { username: 'b1' }] }), 'username_taken')
      await rejectsWith(api.GetUser({ username: 'b3' }), 'not_found')
    })
  })

  describe('conversations', () => {
    it('gives a pair of users the same direct conversation every time, in either order', async () => {
      const first = await api.EnsureDirectConversation({ user_a: 'ann', user_b: 'bob' })
      const again = await api.EnsureDirectConversation({ user_a: 'bob', user_b: 'ann' })
      expect(first.created).toBe(true)
      expect(again.created).toBe(false)
      expect(again.conversation).toEqual(first.conversation)
      expect(first.conversation).toMatchObject({
        conversation_id: directConversationId('ann', 'bob'),
        kind: 'direct',
        member_count: 2,
        last_seq: 0,
      })
      await rejectsWith(api.EnsureDirectConversation({ user_a: 'ann', user_b: 'ann' }), 'bad_request')
      await rejectsWith(
        api.AddMembers({ conversation_id: first.conversation!.conversation_id, user_ids: ['eve'] }),
        'bad_request',
      )
    })

    it('creates groups with the creator as admin, adds and removes members with their events', async () => {
      const created = await api.CreateGroup({
        name: 'team',
        creator_id: 'ann',
        member_ids: ['bob', 'ann', 'cat', 'bob'],
        events: [event('t.groups', 'created')],
      })
      const id = created.conversation_id
      expect(created).toMatchObject({ kind: 'group', name: 'team', member_count: 3, last_seq: 0 })
      expect(await api.GetConversation({ conversation_id: id })).toEqual(created)
      expect(await api.GetMember({ conversation_id: id, user_id: 'ann' })).toMatchObject({ role: 'admin' })
      expect(await api.GetMember({ conversation_id: id, user_id: 'bob' })).toMatchObject({ role: 'member' })
      await rejectsWith(api.GetMember({ conversation_id: id, user_id: 'eve' }), 'not_found')
      await rejectsWith(api.GetConversation({ conversation_id: 'g_nope' }), 'not_found')

      expect(
        await api.AddMembers({
          conversation_id: id,
          user_ids: ['cat', 'dan', 'eve'],
          events: [event('t.groups', 'added')],
        }),
      ).toEqual({ added_user_ids: ['dan', 'eve'] })
      expect(
        await api.AddMembers({ conversation_id: id, user_ids: ['dan'], events: [event('t.groups', 'noop')] }),
      ).toEqual({ added_user_ids: [] })
      expect(await api.AddMembers({ conversation_id: id, user_ids: ['fay'], role: 'admin' })).toEqual({
        added_user_ids: ['fay'],
      })
      expect(await api.GetMember({ conversation_id: id, user_id: 'fay' })).toMatchObject({ role: 'admin' })
      await rejectsWith(api.AddMembers({ conversation_id: id, user_ids: ['gil'], role: 'owner' }), 'bad_request')
      await rejectsWith(api.AddMembers({ conversation_id: 'g_nope', user_ids: ['gil'] }), 'not_found')

      await api.RemoveMember({ conversation_id: id, user_id: 'eve', events: [event('t.groups', 'removed')] })
      await api.RemoveMember({ conversation_id: id, user_id: 'eve', events: [event('t.groups', 'removed-again')] })
      expect((await api.GetConversation({ conversation_id: id })).member_count).toBe(5)
      expect((await pending('t.groups')).map((r) => r.key)).toEqual(['created', 'added', 'removed'])

      // an invitation list computed before another add got there: only the users really added are invited
      const invites = ['fay', 'hal', 'ivy'].map((u) => event('t.invites', u))
      expect(
        await api.AddMembers({
          conversation_id: id,
          user_ids: ['fay', 'hal', 'ivy'],
          events: [...invites, event('t.invites', id)],
        }),
      ).toEqual({ added_user_ids: ['hal', 'ivy'] })
      // fay was a member already: her invitation is dropped; an event keyed by something else stays
      expect((await pending('t.invites')).map((r) => r.key)).toEqual(['hal', 'ivy', id])

      const withText = await api.SetAnnouncement({
        conversation_id: id,
        text: 'hello all',
        events: [event('t.groups', 'announced')],
      })
      expect(withText.announcement).toBe('hello all')
      await rejectsWith(api.SetAnnouncement({ conversation_id: 'g_nope', text: 'x' }), 'not_found')
    })

    it('tells contacts apart, invites only the not yet members nor invited, and lists, accepts and declines invitations', async () => {
      const id = await group('ivan', ['jo'])
      await api.EnsureDirectConversation({ user_a: 'ivan', user_b: 'kit' })
      expect(
        (await api.ContactsAmong({ user_id: 'ivan', candidate_ids: ['jo', 'kit', 'lee', 'jo'] })).contact_ids.sort(),
      ).toEqual(['jo', 'kit'])

      const invites = ['jo', 'lee', 'max'].map((u) => event('t.invitations', u))
      expect(
        await api.InviteMembers({
          conversation_id: id,
          inviter_id: 'ivan',
          user_ids: ['jo', 'lee', 'max'],
          events: invites,
        }),
      ).toEqual({ invited_user_ids: ['lee', 'max'] })
      expect(
        await api.InviteMembers({
          conversation_id: id,
          inviter_id: 'ivan',
          user_ids: ['lee'],
          events: [event('t.invitations', 'lee')],
        }),
      ).toEqual({ invited_user_ids: [] })
      // jo is a member: his invitation event is dropped with him
      expect((await pending('t.invitations')).map((r) => r.key)).toEqual(['lee', 'max'])
      await rejectsWith(
        api.InviteMembers({ conversation_id: 'g_nope', inviter_id: 'ivan', user_ids: ['lee'] }),
        'not_found',
      )
      const direct = (await api.EnsureDirectConversation({ user_a: 'ivan', user_b: 'kit' })).conversation!
        .conversation_id
      await rejectsWith(
        api.InviteMembers({ conversation_id: direct, inviter_id: 'ivan', user_ids: ['lee'] }),
        'bad_request',
      )

      expect(await api.GetInvitation({ conversation_id: id, invitee_id: 'lee' })).toMatchObject({
        conversation_id: id,
        invitee_id: 'lee',
        inviter_id: 'ivan',
        conversation_name: 'G',
      })
      expect((await api.ListInvitations({ invitee_id: 'lee' })).invitations.map((i) => i.conversation_id)).toEqual([id])
      await rejectsWith(api.GetMember({ conversation_id: id, user_id: 'lee' }), 'not_found')

      // the member page cache sees the accept at once
      expect((await api.ListMembers({ conversation_id: id, limit: 10 })).members).toHaveLength(2)
      expect(
        await api.AcceptInvitation({ conversation_id: id, invitee_id: 'lee', events: [event('t.answers', 'yes')] }),
      ).toMatchObject({ conversation_id: id, user_id: 'lee', role: 'member' })
      expect((await api.ListMembers({ conversation_id: id, limit: 10 })).members).toHaveLength(3)
      await rejectsWith(api.AcceptInvitation({ conversation_id: id, invitee_id: 'lee' }), 'not_found')
      await api.DeclineInvitation({ conversation_id: id, invitee_id: 'max', events: [event('t.answers', 'no')] })
      await rejectsWith(api.DeclineInvitation({ conversation_id: id, invitee_id: 'max' }), 'not_found')
      await rejectsWith(api.GetMember({ conversation_id: id, user_id: 'max' }), 'not_found')
      expect((await api.ListInvitations({ invitee_id: 'max' })).invitations).toEqual([])
      expect((await pending('t.answers')).map((r) => r.key)).toEqual(['yes', 'no'])
    })

    it('promotes the member named when the last admin goes, and refuses that removal without one', async () => {
      const id = await group('nia', ['oz', 'pam'])
      await rejectsWith(
        api.RemoveMember({ conversation_id: id, user_id: 'nia', events: [event('t.promote', 'x')] }),
        'conflict',
      )
      await rejectsWith(api.RemoveMember({ conversation_id: id, user_id: 'nia', promote_user_id: 'zed' }), 'conflict')
      expect((await api.GetConversation({ conversation_id: id })).member_count).toBe(3)
      await api.RemoveMember({
        conversation_id: id,
        user_id: 'nia',
        promote_user_id: 'pam',
        events: [event('t.promote', 'pam')],
      })
      expect(await api.GetMember({ conversation_id: id, user_id: 'pam' })).toMatchObject({ role: 'admin' })
      expect(
        (await api.ListMembers({ conversation_id: id, limit: 10 })).members.map((m) => [m.user_id, m.role]),
      ).toEqual([
        ['oz', 'member'],
        ['pam', 'admin'],
      ])
      expect((await pending('t.promote')).map((r) => r.key)).toEqual(['pam'])
    })

    it('pages members by cursor, and a membership change is seen at once despite the page cache', async () => {
      const members = Array.from({ length: 12 }, (_, i) => `m${String(i).padStart(2, '0')}`)
      const id = await group('a-admin', members)
      const all = async (limit: number) => {
        const ids: string[] = []
        let cursor = ''
        for (let pages = 0; pages < 100; pages++) {
          const page = await api.ListMembers({ conversation_id: id, after_user_id: cursor, limit })
          ids.push(...page.members.map((m) => m.user_id))
          if (!page.next_cursor) return ids
          cursor = page.next_cursor
        }
        throw new Error('no end of pages')
      }
      expect(await all(5)).toEqual(['a-admin', ...members])
      expect(await all(13)).toEqual(['a-admin', ...members])
      await api.AddMembers({ conversation_id: id, user_ids: ['m05x'] })
      await api.RemoveMember({ conversation_id: id, user_id: 'm11' })
      expect(await all(5)).toEqual(['a-admin', ...members.slice(0, 6), 'm05x', ...members.slice(6, 11)])
      expect((await api.ListMembers({ conversation_id: id })).members).toHaveLength(13)
    })

    it("lists a user's conversations with last and read seqs", async () => {
      const id = await group('reader', ['writer'])
      for (let i = 0; i < 3; i++) await api.StoreMessage({ conversation_id: id, sender_id: 'writer', content: `m${i}` })
      await api.SetReadSeq({ conversation_id: id, user_id: 'reader', seq: 2 })
      const { conversations } = await api.ListUserConversations({ user_id: 'reader' })
      expect(conversations).toEqual([
        {
          conversation: expect.objectContaining({ conversation_id: id, last_seq: 3 }),
          read_seq: 2,
          role: 'admin',
          peer_user_id: '',
          peer_read_seq: 0,
        },
      ])
    })
  })

  describe('messages', () => {
    it('stores a message with its DispatchMessage in the outbox; a repeated key returns the first', async () => {
      const id = await group('ann', ['bob'])
      const first = await api.StoreMessage({
        conversation_id: id,
        sender_id: 'ann',
        idempotency_key: 'k1',
        content: 'hello',
      })
      expect(first.duplicate).toBe(false)
      expect(first.message).toMatchObject({
        conversation_id: id,
        seq: 1,
        sender_id: 'ann',
        content: 'hello',
        status: 'normal',
        idempotency_key: 'k1',
      })
      const again = await api.StoreMessage({
        conversation_id: id,
        sender_id: 'ann',
        idempotency_key: 'k1',
        content: 'hello again',
      })
      expect(again).toEqual({ message: first.message, duplicate: true })
      const other = await api.StoreMessage({
        conversation_id: id,
        sender_id: 'bob',
        idempotency_key: 'k1',
        content: 'mine',
      })
      expect(other).toMatchObject({ duplicate: false, message: { seq: 2 } })

      const rows = (await pending('gochat.messages.dispatch')).filter((r) => r.key === id)
      expect(rows).toHaveLength(2)
      const dispatched = decode(DispatchMessage, rows[0]!.value, 'DispatchMessage')
      expect(dispatched).toEqual({
        message: {
          messageId: first.message!.message_id,
          conversationId: id,
          seq: 1,
          senderId: 'ann',
          content: 'hello',
          sentAt: first.message!.sent_at,
          status: 'normal',
          ...textDefaults,
        },
        conversationKind: 'group',
        memberCount: 2,
      })
      await rejectsWith(api.StoreMessage({ conversation_id: 'g_nope', sender_id: 'ann', content: 'x' }), 'not_found')
      await rejectsWith(api.StoreMessage({ conversation_id: id, content: 'x' }), 'bad_request')
    })

    it('allocates unique, gap-free seqs to 50 concurrent sends', async () => {
      const id = await group('ann')
      const sent = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          api.StoreMessage({ conversation_id: id, sender_id: 'ann', idempotency_key: `c${i}`, content: `${i}` }),
        ),
      )
      expect(sent.map((s) => s.message!.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1))
    })

    it('stores without the cache: seqs from the store, whatever the counter says, through a cache outage', async () => {
      const id = await group('ann')
      const send = async () =>
        (await api.StoreMessage({ conversation_id: id, sender_id: 'ann', content: 'x' })).message!.seq
      await cache.incrAtLeast(`seq:${id}`, 40) // a counter from an earlier async period
      expect([await send(), await send()]).toEqual([1, 2])
      cache.failing = true
      try {
        expect([await send(), await send()]).toEqual([3, 4])
      } finally {
        cache.failing = false
      }
      expect(await cache.incrExisting(`seq:${id}`)).toBe(42) // untouched by the sends
    })

    it('async after sync: the first allocation in a process starts above the stored rows, never above a counter ahead of them', async () => {
      const id = await group('ann')
      for (let i = 0; i < 3; i++) await api.StoreMessage({ conversation_id: id, sender_id: 'ann', content: 'sync' })
      await cache.incrAtLeast(`seq:${id}`, 0) // left at 1 from before: behind the rows stored meanwhile
      expect((await api.AllocateSeq({ conversation_id: id })).seq).toBe(4)
      expect(await store.reserveSeq(id, 0)).toBeGreaterThan(5)
      // another repo process: the counter is ahead of MAX(seq) now, so it goes on from it (no jump over the
      // reservation, no gap)
      const other = await startRepo({ cfg, bus, log, store, cache, relay: { start: false } })
      try {
        expect((await other.api.AllocateSeq({ conversation_id: id })).seq).toBe(5)
      } finally {
        await other.role.stop()
      }
      expect((await api.AllocateSeq({ conversation_id: id })).seq).toBe(6)
    })

    it('syncs pages in seq order with has_more, leaving deleted messages out', async () => {
      const id = await group('ann')
      const ids: string[] = []
      for (let i = 1; i <= 7; i++)
        ids.push(
          (await api.StoreMessage({ conversation_id: id, sender_id: 'ann', content: `m${i}` })).message!.message_id,
        )
      await api.UpdateMessageStatus({ conversation_id: id, message_id: ids[1]!, status: 'deleted' })
      const first = await api.SyncMessages({ conversation_id: id, after_seq: 0, limit: 3 })
      expect([first.messages.map((m) => m.seq), first.has_more]).toEqual([[1, 3, 4], true])
      const last = await api.SyncMessages({ conversation_id: id, after_seq: 4, limit: 3 })
      expect([last.messages.map((m) => m.seq), last.has_more]).toEqual([[5, 6, 7], false])
      expect((await api.GetMessage({ conversation_id: id, message_id: ids[1]! })).status).toBe('deleted')
      await rejectsWith(api.GetMessage({ conversation_id: id, message_id: 'm_nope' }), 'not_found')
    })

    it('recalls and deletes (soft, hard) with their events, only when something changes', async () => {
      const id = await group('ann')
      const topic = `t.status.${id}`
      const m = (await api.StoreMessage({ conversation_id: id, sender_id: 'ann', content: 'secret' })).message!
      const change = (status: string, hard = false) =>
        api.UpdateMessageStatus({
          conversation_id: id,
          message_id: m.message_id,
          status,
          hard,
          events: [event(topic, `${status}${hard ? '-hard' : ''}`)],
        })
      expect((await change('recalled')).status).toBe('recalled')
      expect((await change('deleted')).status).toBe('deleted')
      expect(await change('deleted', true)).toMatchObject({ status: 'deleted', content: '' })
      expect(await change('deleted', true)).toMatchObject({ status: 'deleted', content: '' })
      expect((await pending(topic)).map((r) => r.key)).toEqual(['recalled', 'deleted', 'deleted-hard'])
      await rejectsWith(change('normal'), 'bad_request')
      await rejectsWith(change('recalled', true), 'bad_request')
      await rejectsWith(
        api.UpdateMessageStatus({ conversation_id: id, message_id: 'm_nope', status: 'deleted' }),
        'not_found',
      )
    })

    it('moves read cursors forward only, never past the last message', async () => {
      const id = await group('ann')
      for (let i = 0; i < 5; i++) await api.StoreMessage({ conversation_id: id, sender_id: 'ann', content: 'x' })
      const topic = `t.read.${id}`
      const read = (seq: number) =>
        api.SetReadSeq({ conversation_id: id, user_id: 'ann', seq, events: [event(topic, String(seq))] })
      expect(await read(3)).toEqual({ read_seq: 3 })
      expect(await read(2)).toEqual({ read_seq: 3 })
      expect(await read(99)).toEqual({ read_seq: 5 })
      expect((await pending(topic)).map((r) => r.key)).toEqual(['3', '99'])
    })

    it('refuses a blocked or muted sender in StoreMessage, StoreMessages and AllocateSeq, storing nothing', async () => {
      const d = (await api.EnsureDirectConversation({ user_a: 'rhea', user_b: 'sol' })).conversation!.conversation_id
      const first = await api.StoreMessage({ conversation_id: d, sender_id: 'rhea', content: 'first' })
      await api.Block({ user_id: 'sol', blocked_id: 'rhea' })
      await rejectsWith(api.StoreMessage({ conversation_id: d, sender_id: 'rhea', content: 'x' }), 'blocked')
      await rejectsWith(api.AllocateSeq({ conversation_id: d, sender_id: 'sol', idempotency_key: 'k' }), 'blocked')
      const batch = await api.StoreMessages({ messages: [{ conversation_id: d, sender_id: 'sol', content: 'y' }] })
      expect(batch.results[0]).toMatchObject({ error: { code: 'blocked' } })
      expect(await store.maxSeq(d)).toBe(first.message!.seq)
      const g = await group('tia', ['uma'])
      await api.SetMemberMute({ conversation_id: g, user_id: 'uma', until: Date.now() + 60_000 })
      await rejectsWith(api.StoreMessage({ conversation_id: g, sender_id: 'uma', content: 'x' }), 'muted')
      expect(await store.maxSeq(g)).toBe(0)
    })

    it('allocates seqs and inserts messages for async persistence, idempotently', async () => {
      const id = await group('ann')
      const seqs = [await api.AllocateSeq({ conversation_id: id }), await api.AllocateSeq({ conversation_id: id })].map(
        (r) => r.seq,
      )
      expect(seqs).toEqual([1, 2])
      const msg = (seq: number) => ({
        message_id: `m_async_${id}_${seq}`,
        conversation_id: id,
        seq,
        sender_id: 'ann',
        content: `a${seq}`,
        sent_at: 1,
        idempotency_key: `ak${seq}`,
      })
      expect((await api.InsertMessages({ messages: [msg(2), msg(1)] })).inserted.map((m) => m.seq)).toEqual([2, 1])
      expect((await api.InsertMessages({ messages: [msg(1), msg(3)] })).inserted.map((m) => m.seq)).toEqual([3])
      expect((await api.SyncMessages({ conversation_id: id, after_seq: 0 })).messages.map((m) => m.content)).toEqual([
        'a1',
        'a2',
        'a3',
      ])
      await rejectsWith(api.InsertMessages({ messages: [{ ...msg(0) }] }), 'bad_request')
    })

    it("scopes AllocateSeq's idempotency key to (conversation, sender)", async () => {
      const [a, b] = [await group('ann'), await group('ann')]
      const alloc = (conversation_id: string, sender_id = 'ann') =>
        api.AllocateSeq({ conversation_id, sender_id, idempotency_key: 'same' })
      const first = await alloc(a)
      expect(first).toMatchObject({ seq: 1, duplicate: false })
      expect(await alloc(a)).toEqual({ ...first, duplicate: true })
      const other = await alloc(b)
      expect(other).toMatchObject({ seq: 1, duplicate: false })
      expect(other.message_id).not.toBe(first.message_id)
      expect(await alloc(b, 'bob')).toMatchObject({ seq: 2, duplicate: false })
    })
  })

  describe('friends, presence, events', () => {
    it('creates and accepts friend requests', async () => {
      await api.CreateFriendRequest({ from_user_id: 'f1', to_user_id: 'f2', events: [event('t.friends', 'requested')] })
      await rejectsWith(api.CreateFriendRequest({ from_user_id: 'f1', to_user_id: 'f2' }), 'already_exists')
      await rejectsWith(api.CreateFriendRequest({ from_user_id: 'f1', to_user_id: 'f1' }), 'bad_request')
      await rejectsWith(api.AcceptFriendRequest({ from_user_id: 'f2', to_user_id: 'f1' }), 'not_found')
      await api.AcceptFriendRequest({ from_user_id: 'f1', to_user_id: 'f2', events: [event('t.friends', 'accepted')] })
      expect((await pending('t.friends')).map((r) => r.key)).toEqual(['requested', 'accepted'])
    })

    it('looks up presence registered by gateways', async () => {
      const presence = new Presence(cache, { ttlMs: 60_000 })
      await presence.register('p1', 'gw-1', 'c1')
      await presence.register('p1', 'gw-2', 'c2')
      await presence.register('p2', 'gw-2', 'c3')
      expect(await api.LookupPresence({ user_ids: ['p1', 'p2', 'p3', 'p1'] })).toEqual({
        presence: [
          { user_id: 'p1', gateway_ids: ['gw-1', 'gw-2'] },
          { user_id: 'p2', gateway_ids: ['gw-2'] },
          { user_id: 'p3', gateway_ids: [] },
        ],
      })
    })

    it('publishes events without a data change; a string value is base64, as over gRPC', async () => {
      await api.PublishEvents({
        events: [
          { topic: 't.pub', key: 'u1', value: Buffer.from('raw') },
          { topic: 't.pub', value: Buffer.from('hi').toString('base64') },
        ],
      })
      await api.PublishEvents({ events: [] })
      const rows = await pending('t.pub')
      expect(rows.map((r) => [r.key, r.value.toString(), r.headers])).toEqual([
        ['u1', 'raw', {}],
        [null, 'hi', {}],
      ])
      await rejectsWith(api.PublishEvents({ events: [{ topic: '', value: Buffer.from('x') }] }), 'bad_request')
    })
  })

  it('checks the name rules itself: invisible characters refused in usernames, stripped from display names', async () => {
    await rejectsWith(api.CreateUser({ username: 'ab\u200Bc', password_hash: 'x' }), 'invalid_name')
    await rejectsWith(api.CreateUser({ username: 'abc\u202E', password_hash: 'x' }), 'invalid_name')
    await rejectsWith(api.CreateUser({ guest: true, display_name: '\u200B\u2066' }), 'invalid_name')
    const u = await api.CreateUser({ username: `n${Date.now()}`, display_name: ' A\u202Enn ', password_hash: 'x' })
    expect(u).toMatchObject({ display_name: 'Ann', discoverable: false })
    await rejectsWith(api.CreateUser({ username: u.username.toUpperCase(), password_hash: 'x' }), 'username_taken')
    // one field at a time; a blank name is no name
    expect(await api.UpdateUser({ user_id: u.user_id, discoverable: true })).toMatchObject({
      display_name: 'Ann',
      discoverable: true,
    })
    await rejectsWith(api.UpdateUser({ user_id: u.user_id, display_name: '\u200B' }), 'invalid_name')
    await rejectsWith(api.UpdateUser({ user_id: u.user_id }), 'bad_request')
    expect(await api.GetUser({ user_id: u.user_id })).toMatchObject({ display_name: 'Ann', discoverable: true })
  })

  it('reports health, and refuses calls once stopping', async () => {
    const other = await startRepo({
      cfg,
      bus: new MemoryBus({ defaultPartitions: 1 }),
      log,
      store: new MemoryStore(),
      cache: new MemoryCache(),
      relay: { start: false },
    })
    // a relay that was never started is a standby, and ready
    expect(await other.role.health()).toEqual({
      status: 'ok',
      checks: { store: { ok: true }, cache: { ok: true }, bus: { ok: true }, outbox_relay: { ok: true } },
    })
    await other.role.stop()
    await rejectsWith(other.api.GetUser({ user_id: 'x' }), 'unavailable')
  })
})
