// The store port's contract: every driver passes the same suite (src/drivers/memory/store.test.ts, src/drivers/sqlite/store.test.ts,
// test/integration/mysql-store.test.ts). Tests share one store, so each uses ids and outbox topics of its own.
import { textDefaults } from '../../src/domain/message.js'
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../src/core/errors.js'
import { attachmentCases } from './attachments.contract.js'
import type {
  MemberRow,
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

const uid = (prefix = 'x') => `${prefix}-${randomUUID().slice(0, 12)}`
const record = (topic: string, n = 0): OutboxRecord => ({
  topic,
  key: `k${n}`,
  value: Buffer.from(`v${n}`),
  headers: { n: String(n) },
})
const now = Date.now()

async function rejectsWith(p: Promise<unknown>, code: string): Promise<void> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(err, `expected an AppError ${code}`).toBeInstanceOf(AppError)
  expect((err as AppError).code).toBe(code)
}

export function storeContract(driver: string, open: () => Promise<StoreFixture>): void {
  describe(`store contract: ${driver}`, () => {
    let fx: StoreFixture
    let store: Store
    beforeAll(async () => {
      fx = await open()
      store = fx.store
    })
    afterAll(async () => {
      await fx?.cleanup()
    })

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
      const conversationId = uid('g')
      const rows: MemberRow[] = members.map((userId, i) => ({
        conversationId,
        userId,
        role: i === 0 ? 'admin' : 'member',
        joinedAt: now,
      }))
      expect(
        await store.createConversation(
          { conversationId, kind: 'group', name: 'G', announcement: '', createdAt: now },
          rows,
          [],
        ),
      ).toBe(true)
      return conversationId
    }
    const draft = (conversationId: string, over: Partial<MessageDraft> = {}): MessageDraft => ({
      messageId: uid('m'),
      conversationId,
      senderId: 'alice',
      content: 'hi',
      sentAt: now,
      status: 'normal',
      idempotencyKey: uid('key'),
      ...textDefaults,
      ...over,
    })
    /** one outbox record per message, its header n the message's seq */
    const plainHooks = (topic = 'unused-topic'): StoreMessageHooks => ({
      outbox: (m) => [record(topic, m.seq)],
    })

    describe('users', () => {
      it('inserts, finds by id and username, updates the display name with its outbox rows', async () => {
        const topic = uid('t')
        const u = user()
        await store.insertUsers([u], [record(topic, 1)])
        expect(await store.getUser({ userId: u.userId })).toEqual(u)
        expect(await store.getUser({ username: u.username! })).toEqual(u)
        expect(await store.getUser({ userId: 'nobody' })).toBeNull()
        expect(await store.updateUser(u.userId, { displayName: 'Renamed' }, [record(topic, 2)])).toEqual({
          ...u,
          displayName: 'Renamed',
        })
        // one field at a time: the other stays
        expect(await store.updateUser(u.userId, { discoverable: true }, [])).toEqual({
          ...u,
          displayName: 'Renamed',
          discoverable: true,
        })
        expect(await store.getUser({ userId: u.userId })).toMatchObject({ displayName: 'Renamed', discoverable: true })
        expect(await store.updateUser('nobody', { displayName: 'X' }, [record(topic, 3)])).toBeNull()
        expect((await pendingOf(topic)).map((r) => r.key)).toEqual(['k1', 'k2'])
      })

      it('tells which ids name users, exactly and across chunks', async () => {
        const users = Array.from({ length: 1_200 }, () => user({ username: null, guest: true }))
        await store.insertUsers(users, [])
        const asked = [...users.map((u) => u.userId), 'nobody', `${users[0]!.userId} `, users[1]!.userId]
        expect([...(await store.existingUserIds(asked))].sort()).toEqual(users.map((u) => u.userId).sort())
        expect(await store.existingUserIds([])).toEqual(new Set())
      })

      it('gets users by id in id order, skipping unknown ids', async () => {
        const [a, b] = [user(), user({ username: null, guest: true })]
        await store.insertUsers([a, b], [])
        expect(await store.getUsers([b.userId, 'nobody', a.userId, b.userId])).toEqual(
          [a, b].sort((x, y) => (x.userId < y.userId ? -1 : 1)),
        )
        expect(await store.getUsers([])).toEqual([])
      })

      it('searches users by username or display-name prefix, case-insensitively, paged by user id', async () => {
        const tag = `Zq${randomUUID().slice(0, 8)}`
        const users = [
          user({ username: `${tag.toLowerCase()}-ann`, displayName: 'Ann' }),
          user({ username: null, guest: true, displayName: `${tag} Bob` }),
          user({ username: `x${tag}`, displayName: `${tag.toUpperCase()}_cy` }),
          user({ username: `x${tag}`.replace('x', 'y'), displayName: `not ${tag}` }), // neither starts with the tag
        ]
        await store.insertUsers(users, [])
        const hits = users
          .slice(0, 3)
          .map((u) => u.userId)
          .sort()
        const search = (prefix: string, afterUserId: string, limit: number) =>
          store.searchUsers({ prefix, afterUserId, limit })
        expect((await search(tag, '', 10)).map((u) => u.userId)).toEqual(hits)
        const first = await search(tag.toUpperCase(), '', 2)
        expect(first.map((u) => u.userId)).toEqual(hits.slice(0, 2))
        expect((await search(tag, first[1]!.userId, 2)).map((u) => u.userId)).toEqual(hits.slice(2))
        // LIKE's wildcards are plain characters in a prefix
        expect(await search(`${tag.slice(0, 4)}%`, '', 10)).toEqual([])
        expect(await search(`${tag.slice(0, 4)}_`, '', 10)).toEqual([])
      })

      it('scopes a search to contacts, the discoverable, and the one exact normalized username', async () => {
        const tag = `Sc${randomUUID().slice(0, 8)}`
        const [me, contact, stranger, shy, open] = ['me', 'contact', 'stranger', 'shy', 'open'].map((n) =>
          user({ username: `${tag}-${n}`, displayName: `${tag} ${n}`, discoverable: n === 'open' }),
        ) as [UserRow, UserRow, UserRow, UserRow, UserRow]
        await store.insertUsers([me, contact, stranger, shy, open], [])
        // the caller is found before sharing any conversation
        expect(
          (
            await store.searchUsers({
              prefix: tag,
              afterUserId: '',
              limit: 10,
              scope: { contactsOf: me.userId, discoverable: false, exactUsername: null },
            })
          ).map((u) => u.userId),
        ).toEqual([me.userId])
        await group([me.userId, contact.userId])
        const ids = (rows: UserRow[]) => rows.map((u) => u.userId)
        const sorted = (...us: UserRow[]) => us.map((u) => u.userId).sort()
        const find = (prefix: string, scope: { discoverable: boolean; exactUsername: string | null }, after = '') =>
          store.searchUsers({ prefix, afterUserId: after, limit: 10, scope: { contactsOf: me.userId, ...scope } })
        // contacts: the caller and whoever shares a conversation with them, by prefix
        expect(ids(await find(tag, { discoverable: false, exactUsername: null }))).toEqual(sorted(me, contact))
        // plus the discoverable
        expect(ids(await find(tag, { discoverable: true, exactUsername: null }))).toEqual(sorted(me, contact, open))
        // plus the exact username, normalized, whatever the prefix
        const exact = `${tag}-stranger`.toLowerCase()
        expect(ids(await find(tag.toUpperCase(), { discoverable: true, exactUsername: exact }))).toEqual(
          sorted(me, contact, open, stranger),
        )
        expect(ids(await find('zz', { discoverable: false, exactUsername: exact }))).toEqual([stranger.userId])
        expect(ids(await find('zz', { discoverable: false, exactUsername: exact }, stranger.userId))).toEqual([])
        // a prefix of a username is no exact username
        expect(ids(await find('zz', { discoverable: true, exactUsername: exact.slice(0, -1) }))).toEqual([])
        // paged by user id, the exact match included
        const all = sorted(me, contact, open, stranger)
        const page = await store.searchUsers({
          prefix: tag,
          afterUserId: all[1]!,
          limit: 10,
          scope: { contactsOf: me.userId, discoverable: true, exactUsername: exact },
        })
        expect(ids(page)).toEqual(all.slice(2))
      })

      it('holds usernames unique once normalized (NFKC, case) and finds them by that form', async () => {
        const base = `nm${randomUUID().slice(0, 8)}`
        const alice = user({ username: `${base}Alice` })
        await store.insertUsers([alice], [])
        for (const lookAlike of [`${base}alice`, `${base}ALICE`, `${base}ａｌｉｃｅ`.normalize('NFKD')])
          await rejectsWith(store.insertUsers([user({ username: lookAlike })], []), 'username_taken')
        // full-width letters fold to ASCII under NFKC
        await rejectsWith(store.insertUsers([user({ username: `${base}ＡＬＩＣＥ` })], []), 'username_taken')
        // twice in one batch
        await rejectsWith(
          store.insertUsers([user({ username: `${base}Bob` }), user({ username: `${base}bob` })], []),
          'username_taken',
        )
        expect(await store.getUser({ username: `${base}bob` })).toBeNull()
        // login's lookup: the exact name, or any form of it
        for (const asked of [`${base}Alice`, `${base}alice`, `${base}ALİCE`.replace('İ', 'I'), `${base}ａｌｉｃｅ`])
          expect((await store.getUser({ username: asked }))?.userId, asked).toBe(alice.userId)
        expect(await store.getUser({ username: `${base}alic` })).toBeNull()
      })

      it('stores guests without a username', async () => {
        const g = user({ username: null, guest: true })
        const h = user({ username: null, guest: true })
        await store.insertUsers([g, h], [])
        expect(await store.getUser({ userId: g.userId })).toEqual(g)
      })

      it('refuses a taken username with username_taken, writing none of the batch', async () => {
        const topic = uid('t')
        const taken = user()
        await store.insertUsers([taken], [])
        const fresh = user()
        await rejectsWith(
          store.insertUsers([fresh, user({ username: taken.username })], [record(topic)]),
          'username_taken',
        )
        await rejectsWith(
          store.insertUsers([fresh, user({ username: fresh.username })], [record(topic)]),
          'username_taken',
        )
        expect(await store.getUser({ userId: fresh.userId })).toBeNull()
        expect(await pendingOf(topic)).toEqual([])
      })
    })

    describe('conversations and members', () => {
      it('creates a conversation once: a second create with the same id writes nothing', async () => {
        const conversationId = uid('d')
        const topic = uid('t')
        const members: MemberRow[] = ['a', 'b'].map((userId) => ({
          conversationId,
          userId,
          role: 'member',
          joinedAt: now,
        }))
        const conv = { conversationId, kind: 'direct' as const, name: '', announcement: '', createdAt: now }
        expect(await store.createConversation(conv, members, [record(topic)])).toBe(true)
        expect(
          await store.createConversation(
            conv,
            [...members, { conversationId, userId: 'c', role: 'member', joinedAt: now }],
            [record(topic)],
          ),
        ).toBe(false)
        expect(await store.getConversation(conversationId)).toEqual({ ...conv, memberCount: 2, lastSeq: 0 })
        expect(await store.getMember(conversationId, 'c')).toBeNull()
        expect(await pendingOf(topic)).toHaveLength(1)
      })

      it('adds only new members, counts them, and writes the outbox only when someone was added', async () => {
        const conversationId = await group(['admin1', 'm1'])
        const topic = uid('t')
        const rows = (ids: string[]): MemberRow[] =>
          ids.map((userId) => ({ conversationId, userId, role: 'member', joinedAt: now }))
        let askedFor: string[] | undefined
        expect(
          await store.addMembers(conversationId, rows(['m1', 'm2', 'm3', 'm2']), (added) => {
            askedFor = added
            return [record(topic, 1)]
          }),
        ).toEqual(['m2', 'm3'])
        expect(askedFor).toEqual(['m2', 'm3'])
        expect(await store.addMembers(conversationId, rows(['m1', 'm3']), () => [record(topic, 2)])).toEqual([])
        expect((await store.getConversation(conversationId))!.memberCount).toBe(4)
        expect(await store.getMember(conversationId, 'admin1')).toEqual({
          conversationId,
          userId: 'admin1',
          role: 'admin',
          joinedAt: now,
        })
        await rejectsWith(
          store.addMembers(uid('missing'), rows(['x']), () => []),
          'not_found',
        )

        expect(await store.removeMember(conversationId, 'm2', [record(topic, 3)])).toBe(true)
        expect(await store.removeMember(conversationId, 'm2', [record(topic, 4)])).toBe(false)
        expect(await store.getMember(conversationId, 'm2')).toBeNull()
        expect((await store.getConversation(conversationId))!.memberCount).toBe(3)
        expect((await pendingOf(topic)).map((r) => r.key)).toEqual(['k1', 'k3'])
      })

      it('pages members by user id with a cursor: complete, ordered, no overlap', async () => {
        const ids = Array.from({ length: 25 }, (_, i) => `p-${String(i).padStart(2, '0')}-${randomUUID().slice(0, 4)}`)
        const conversationId = await group([...ids].reverse())
        const seen: string[] = []
        let after = ''
        for (;;) {
          const page = await store.listMembers(conversationId, after, 10)
          seen.push(...page.map((m) => m.userId))
          if (page.length < 10) break
          after = page.at(-1)!.userId
        }
        expect(seen).toEqual([...ids].sort())
        expect(await store.listMembers(conversationId, ids.at(-1)!, 10)).toEqual([])
        expect(await store.listMembers(uid('missing'), '', 10)).toEqual([])
      })

      it('sets the announcement with its outbox row, and writes no row when the text is unchanged', async () => {
        const conversationId = await group(['a'])
        const topic = uid('t')
        expect((await store.setAnnouncement(conversationId, 'read the rules', [record(topic)]))!.announcement).toBe(
          'read the rules',
        )
        expect(await store.setAnnouncement(uid('missing'), 'x', [record(topic)])).toBeNull()
        expect(await pendingOf(topic)).toHaveLength(1)
        // the same text again: nothing happened, so nobody is told
        expect((await store.setAnnouncement(conversationId, 'read the rules', [record(topic)]))!.announcement).toBe(
          'read the rules',
        )
        expect(await pendingOf(topic)).toHaveLength(1)
        expect((await store.setAnnouncement(conversationId, 'new rules', [record(topic)]))!.announcement).toBe(
          'new rules',
        )
        expect(await pendingOf(topic)).toHaveLength(2)
      })

      it("lists a user's conversations with last seq and read seq", async () => {
        const me = uid('u')
        const one = await group([me])
        const two = await group(['other', me])
        await group(['other'])
        for (let i = 0; i < 3; i++) await store.storeMessage(draft(two), plainHooks())
        await store.setReadSeq(two, me, 2, [])
        const list = await store.listUserConversations(me)
        expect(list.map((v) => v.conversation.conversationId)).toEqual([one, two].sort())
        const byId = new Map(list.map((v) => [v.conversation.conversationId, v]))
        expect(byId.get(two)).toMatchObject({ readSeq: 2, conversation: { lastSeq: 3, memberCount: 2, kind: 'group' } })
        expect(byId.get(one)).toMatchObject({ readSeq: 0, role: 'admin', conversation: { lastSeq: 0 } })
        expect(byId.get(two)).toMatchObject({ role: 'member' })
        expect(byId.get(two)!.peer).toBeUndefined()
      })

      it('names the other member of a direct conversation, with their read cursor', async () => {
        const [me, peer] = [uid('u'), uid('u')]
        const conversationId = uid('d')
        const rows: MemberRow[] = [me, peer].map((userId) => ({
          conversationId,
          userId,
          role: 'member',
          joinedAt: now,
        }))
        await store.createConversation(
          { conversationId, kind: 'direct', name: '', announcement: '', createdAt: now },
          rows,
          [],
        )
        for (let i = 0; i < 2; i++) await store.storeMessage(draft(conversationId), plainHooks())
        await store.setReadSeq(conversationId, peer, 2, [])
        const [view] = await store.listUserConversations(me)
        expect(view).toMatchObject({ readSeq: 0, role: 'member', peer: { userId: peer, readSeq: 2 } })
        expect((await store.listUserConversations(peer))[0]!.peer).toEqual({ userId: me, readSeq: 0 })
        // direct peers: groups left out, bounded
        await group([me, uid('u')])
        const other = uid('u')
        const second = uid('d')
        await store.createConversation(
          { conversationId: second, kind: 'direct', name: '', announcement: '', createdAt: now },
          [me, other].map((userId) => ({ conversationId: second, userId, role: 'member' as const, joinedAt: now })),
          [],
        )
        expect(await store.directPeers(me, 10)).toEqual([peer, other].sort())
        expect(await store.directPeers(me, 1)).toEqual([[peer, other].sort()[0]])
        expect(await store.directPeers(uid('u'), 10)).toEqual([])
      })
    })

    describe('attachments', () => attachmentCases(() => store))

    describe('group invitations and the last admin', () => {
      const invitation = (conversationId: string, inviteeId: string, createdAt = now) => ({
        conversationId,
        inviteeId,
        inviterId: 'inviter',
        createdAt,
      })

      it('tells which candidates share a conversation with a user, direct or group', async () => {
        const [me, inGroup, inDirect, stranger] = [uid('u'), uid('u'), uid('u'), uid('u')]
        await group([me, inGroup])
        const direct = uid('d')
        await store.createConversation(
          { conversationId: direct, kind: 'direct', name: '', announcement: '', createdAt: now },
          [me, inDirect].map((userId) => ({ conversationId: direct, userId, role: 'member' as const, joinedAt: now })),
          [],
        )
        expect(await store.invitations.contactsAmong(me, [inGroup, inDirect, stranger])).toEqual(
          new Set([inGroup, inDirect]),
        )
        expect(await store.invitations.contactsAmong(stranger, [me])).toEqual(new Set())
      })

      it('invites only users neither members nor invited, with the outbox only for them', async () => {
        const conversationId = await group(['admin1', 'm1'])
        const topic = uid('t')
        const [a, b] = [uid('u'), uid('u')]
        let askedFor: string[] | undefined
        const invited = await store.invitations.invite(
          conversationId,
          [invitation(conversationId, a), invitation(conversationId, 'm1'), invitation(conversationId, b, now + 1)],
          (ids) => {
            askedFor = ids
            return [record(topic, 1)]
          },
        )
        expect(invited).toEqual([a, b])
        expect(askedFor).toEqual([a, b])
        expect(
          await store.invitations.invite(conversationId, [invitation(conversationId, a)], () => [record(topic, 2)]),
        ).toEqual([])
        expect((await pendingOf(topic)).map((r) => r.key)).toEqual(['k1'])
        expect(await store.invitations.getInvitation(conversationId, a)).toEqual({
          ...invitation(conversationId, a),
          conversationName: 'G',
        })
        expect(await store.invitations.getInvitation(conversationId, 'm1')).toBeNull()
        // invited is not a member
        expect(await store.getMember(conversationId, a)).toBeNull()
        await rejectsWith(
          store.invitations.invite(uid('missing'), [invitation('x', a)], () => []),
          'not_found',
        )
      })

      it("lists a user's invitations newest first; accept makes a member, decline leaves none", async () => {
        const [g1, g2] = [await group(['admin1']), await group(['admin2'])]
        const me = uid('u')
        const topic = uid('t')
        await store.invitations.invite(g1, [invitation(g1, me, now)], () => [])
        await store.invitations.invite(g2, [invitation(g2, me, now + 5)], () => [])
        expect((await store.invitations.listInvitations(me, 10)).map((i) => i.conversationId)).toEqual([g2, g1])
        expect(await store.invitations.listInvitations(me, 1)).toHaveLength(1)

        expect(await store.invitations.acceptInvitation(g1, me, now + 9, [record(topic, 1)])).toBe(true)
        expect(await store.invitations.acceptInvitation(g1, me, now + 9, [record(topic, 2)])).toBe(false)
        expect(await store.getMember(g1, me)).toEqual({
          conversationId: g1,
          userId: me,
          role: 'member',
          joinedAt: now + 9,
        })
        expect((await store.getConversation(g1))!.memberCount).toBe(2)

        expect(await store.invitations.declineInvitation(g2, me, [record(topic, 3)])).toBe(true)
        expect(await store.invitations.declineInvitation(g2, me, [record(topic, 4)])).toBe(false)
        expect(await store.getMember(g2, me)).toBeNull()
        expect(await store.invitations.listInvitations(me, 10)).toEqual([])
        expect((await pendingOf(topic)).map((r) => r.key)).toEqual(['k1', 'k3'])
      })

      it('promotes the member named when the last admin goes; refuses, changing nothing, without one', async () => {
        const conversationId = await group(['boss', 'old', 'young'])
        const topic = uid('t')
        await rejectsWith(store.removeMember(conversationId, 'boss', [record(topic, 1)]), 'conflict')
        await rejectsWith(store.removeMember(conversationId, 'boss', [record(topic, 1)], 'stranger'), 'conflict')
        expect((await store.getMember(conversationId, 'boss'))!.role).toBe('admin')
        expect((await store.getConversation(conversationId))!.memberCount).toBe(3)

        expect(await store.removeMember(conversationId, 'boss', [record(topic, 2)], 'old')).toBe(true)
        expect((await store.getMember(conversationId, 'old'))!.role).toBe('admin')
        // a member leaving needs no promotion; nor does the last one
        expect(await store.removeMember(conversationId, 'young', [])).toBe(true)
        expect(await store.removeMember(conversationId, 'old', [])).toBe(true)
        expect((await store.getConversation(conversationId))!.memberCount).toBe(0)
        expect((await pendingOf(topic)).map((r) => r.key)).toEqual(['k2'])
      })
    })

    describe('messages', () => {
      it('stores a message with its outbox rows, and a repeated (sender, key) returns the first, writing nothing', async () => {
        const conversationId = await group(['alice', 'bob'])
        const topic = uid('t')
        const first = await store.storeMessage(draft(conversationId, { idempotencyKey: 'k-1' }), plainHooks(topic))
        expect(first.duplicate).toBe(false)
        expect(first.message).toMatchObject({
          conversationId,
          seq: 1,
          senderId: 'alice',
          idempotencyKey: 'k-1',
          status: 'normal',
        })
        const again = await store.storeMessage(
          draft(conversationId, { idempotencyKey: 'k-1', content: 'other' }),
          plainHooks(topic),
        )
        expect(again).toEqual({ message: first.message, duplicate: true })
        expect(await store.maxSeq(conversationId)).toBe(1)
        expect(await pendingOf(topic)).toHaveLength(1)

        // the key is scoped to its sender
        const bob = await store.storeMessage(
          draft(conversationId, { senderId: 'bob', idempotencyKey: 'k-1' }),
          plainHooks(topic),
        )
        expect(bob).toMatchObject({ duplicate: false, message: { seq: 2, senderId: 'bob' } })
        // no key: never a duplicate
        const a = await store.storeMessage(draft(conversationId, { idempotencyKey: '' }), plainHooks(topic))
        const b = await store.storeMessage(draft(conversationId, { idempotencyKey: '' }), plainHooks(topic))
        expect([a.duplicate, b.duplicate, a.message.seq, b.message.seq]).toEqual([false, false, 3, 4])
        expect(await pendingOf(topic)).toHaveLength(4)
        expect(await store.getMessage(conversationId, a.message.messageId)).toEqual(a.message)
        expect(await store.getMessage('elsewhere', a.message.messageId)).toBeNull()
      })

      it('scopes an idempotency key to (conversation, sender): the same key to two conversations is two messages', async () => {
        const [c1, c2] = [await group(['alice', 'bob']), await group(['alice', 'carol'])]
        await store.storeMessage(draft(c2, { idempotencyKey: 'other' }), plainHooks())
        const toB = await store.storeMessage(draft(c1, { idempotencyKey: 'k-same', content: 'to b' }), plainHooks())
        const toC = await store.storeMessage(draft(c2, { idempotencyKey: 'k-same', content: 'to c' }), plainHooks())
        expect(toB).toMatchObject({ duplicate: false, message: { conversationId: c1, seq: 1, content: 'to b' } })
        expect(toC).toMatchObject({ duplicate: false, message: { conversationId: c2, seq: 2, content: 'to c' } })
        expect(toC.message.messageId).not.toBe(toB.message.messageId)
        // the same key in the same conversation is still the first send
        expect(
          await store.storeMessage(draft(c2, { idempotencyKey: 'k-same', content: 'again' }), plainHooks()),
        ).toEqual({ message: toC.message, duplicate: true })
        expect((await store.listMessages(c1, 0, 10)).map((m) => m.content)).toEqual(['to b'])
        expect((await store.listMessages(c2, 0, 10)).map((m) => m.content)).toEqual(['hi', 'to c'])
        // async persistence: rows with given seqs, same key in another conversation, are stored too
        const c3 = await group(['alice'])
        const kept = await store.insertMessages([
          { ...draft(c3, { idempotencyKey: 'k-same' }), seq: 1 },
          { ...draft(c3, { idempotencyKey: 'k-same' }), seq: 2 },
        ])
        expect(kept.map((m) => m.seq)).toEqual([1])
      })

      it('serializes a conversation: 50 concurrent stores get seqs 1..50, unique and gap-free', async () => {
        const conversationId = await group(['alice'])
        const results = await Promise.all(
          Array.from({ length: 50 }, () => store.storeMessage(draft(conversationId), plainHooks())),
        )
        expect(results.map((r) => r.message.seq).sort((x, y) => x - y)).toEqual(
          Array.from({ length: 50 }, (_, i) => i + 1),
        )
        const page = await store.listMessages(conversationId, 0, 100)
        expect(page.map((m) => m.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1))
      })

      it('stores a burst across conversations: gap-free seqs in outbox order, each caller its own result or error', async () => {
        const topic = uid('t')
        const convs = await Promise.all(Array.from({ length: 12 }, () => group(['alice', 'bob'])))
        const hooks: StoreMessageHooks = {
          outbox: (m) => [{ ...record(topic, m.seq), key: m.conversationId }],
        }
        const drafts = convs.flatMap((c) => Array.from({ length: 8 }, () => draft(c)))
        const twice = draft(convs[0]!, { idempotencyKey: 'burst-twice' })
        const calls = [
          ...drafts.map((d) => store.storeMessage(d, hooks)),
          store.storeMessage(twice, hooks),
          store.storeMessage({ ...twice, messageId: uid('m') }, hooks),
          store.storeMessage(draft(uid('missing')), hooks),
          store.storeMessage(draft(convs[1]!), { ...hooks, outbox: () => [{ ...record(topic), topic: '' }] }),
          store.storeMessage(draft(convs[2]!), {
            ...hooks,
            outbox: () => {
              throw new Error('boom')
            },
          }),
        ]
        const settled = await Promise.allSettled(calls)
        const results = settled
          .slice(0, drafts.length)
          .map((r) => (r as PromiseFulfilledResult<{ message: { messageId: string } }>).value)
        expect(results.map((r) => r.message.messageId)).toEqual(drafts.map((d) => d.messageId))
        const [a, b] = settled
          .slice(drafts.length, drafts.length + 2)
          .map((r) => (r as PromiseFulfilledResult<Awaited<ReturnType<Store['storeMessage']>>>).value)
        expect([a!.duplicate, b!.duplicate].sort()).toEqual([false, true])
        expect(b!.message).toEqual(a!.message)
        const reasons = settled.slice(drafts.length + 2).map((r) => (r as PromiseRejectedResult).reason)
        expect(reasons.map((e) => (e as AppError).code ?? (e as Error).message)).toEqual([
          'not_found',
          'bad_request',
          'boom',
        ])
        const pending = await pendingOf(topic)
        for (const c of convs) {
          const n = c === convs[0] ? 9 : 8
          expect((await store.listMessages(c, 0, 100)).map((m) => m.seq)).toEqual(
            Array.from({ length: n }, (_, i) => i + 1),
          )
          expect(pending.filter((r) => r.key === c).map((r) => Number(r.headers.n))).toEqual(
            Array.from({ length: n }, (_, i) => i + 1),
          )
        }
      })

      it('spends no seq on a store that fails: the next message of the batch gets its seq', async () => {
        const conversationId = await group(['alice'])
        const topic = uid('t')
        const failing = draft(conversationId)
        const hooks: StoreMessageHooks = {
          outbox: (m) => {
            if (m.messageId === failing.messageId) throw new Error('boom')
            return [record(topic, m.seq)]
          },
        }
        // started together: one group commit on MySQL, the failing message between the other two
        const [a, b, c] = await Promise.allSettled([
          store.storeMessage(draft(conversationId), hooks),
          store.storeMessage(failing, hooks),
          store.storeMessage(draft(conversationId), hooks),
        ])
        expect((b as PromiseRejectedResult).reason).toEqual(new Error('boom'))
        const seqs = [a, c].map((r) => (r as PromiseFulfilledResult<{ message: { seq: number } }>).value.message.seq)
        expect(seqs.sort((x, y) => x - y)).toEqual([1, 2])
        expect((await store.listMessages(conversationId, 0, 10)).map((m) => m.seq)).toEqual([1, 2])
        expect((await pendingOf(topic)).map((r) => Number(r.headers.n)).sort((x, y) => x - y)).toEqual([1, 2])
        expect((await store.storeMessage(draft(conversationId), hooks)).message.seq).toBe(3)
      })

      it('stores above seqs taken by insertMessages and above the seq reservation (async persistence in flight)', async () => {
        const conversationId = await group(['alice'])
        await store.storeMessage(draft(conversationId), plainHooks())
        await store.insertMessages([{ ...draft(conversationId), seq: 2 }])
        expect((await store.storeMessage(draft(conversationId), plainHooks())).message.seq).toBe(3)
        // seqs up to 10 handed out by AllocateSeq, on their way to insertMessages: none of them is taken here
        await store.reserveSeq(conversationId, 10)
        const after = await Promise.all([0, 1].map(() => store.storeMessage(draft(conversationId), plainHooks())))
        expect(after.map((r) => r.message.seq).sort((x, y) => x - y)).toEqual([11, 12])
        expect((await store.storeMessage(draft(conversationId), plainHooks())).message.seq).toBe(13)
      })

      it('rolls back: a failing outbox write leaves neither the message nor any outbox row', async () => {
        const conversationId = await group(['alice'])
        const topic = uid('t')
        const bad: StoreMessageHooks = {
          // the second record is refused after the message row and the first record were written
          outbox: () => [record(topic, 1), { ...record(topic, 2), topic: 'x'.repeat(300) }],
        }
        await rejectsWith(store.storeMessage(draft(conversationId, { idempotencyKey: 'once' }), bad), 'bad_request')
        const failing: StoreMessageHooks = {
          ...bad,
          outbox: () => {
            throw new Error('boom')
          },
        }
        await expect(store.storeMessage(draft(conversationId), failing)).rejects.toThrow('boom')
        expect(await store.maxSeq(conversationId)).toBe(0)
        expect(await store.listMessages(conversationId, 0, 10)).toEqual([])
        expect(await pendingOf(topic)).toEqual([])
        // and the key and the seq are still free
        expect(
          await store.storeMessage(draft(conversationId, { idempotencyKey: 'once' }), plainHooks(topic)),
        ).toMatchObject({ duplicate: false, message: { seq: 1 } })
      })

      it('refuses a message to a conversation that does not exist', async () => {
        await rejectsWith(store.storeMessage(draft(uid('missing')), plainHooks()), 'not_found')
      })

      it('keeps a seq reservation that only rises, apart from MAX(seq)', async () => {
        const conversationId = await group(['alice'])
        expect(await store.reserveSeq(conversationId, 0)).toBe(0)
        expect(await store.reserveSeq(conversationId, 100)).toBe(100)
        expect(await store.reserveSeq(conversationId, 40)).toBe(100)
        expect(await store.reserveSeq(conversationId, 0)).toBe(100)
        expect(await store.maxSeq(conversationId)).toBe(0)
        expect(await store.reserveSeq(uid('missing'), 10)).toBe(0)
      })

      it('inserts messages with given seqs idempotently on (conversation, seq)', async () => {
        const conversationId = await group(['alice'])
        const m = (seq: number) => ({ ...draft(conversationId), seq })
        const [one, two] = [m(1), m(2)]
        expect(await store.insertMessages([one, two])).toEqual([one, two])
        expect(await store.insertMessages([{ ...m(2), content: 'again' }, m(3)])).toEqual([
          expect.objectContaining({ seq: 3 }),
        ])
        expect((await store.listMessages(conversationId, 0, 10)).map((x) => x.content)).toEqual(['hi', 'hi', 'hi'])
      })

      it('syncs after a seq, in order, leaving deleted messages out', async () => {
        const conversationId = await group(['alice'])
        const stored = []
        for (let i = 0; i < 6; i++) stored.push((await store.storeMessage(draft(conversationId), plainHooks())).message)
        await store.updateMessageStatus(conversationId, stored[2]!.messageId, { status: 'deleted', hard: false }, [])
        expect((await store.listMessages(conversationId, 1, 3)).map((m) => m.seq)).toEqual([2, 4, 5])
        expect((await store.listMessages(conversationId, 5, 3)).map((m) => m.seq)).toEqual([6])
        expect(await store.listMessages(conversationId, 6, 3)).toEqual([])
      })

      it('changes status: recall, soft and hard delete; deleted is final; outbox only on a change', async () => {
        const conversationId = await group(['alice'])
        const topic = uid('t')
        const m = async () =>
          (await store.storeMessage(draft(conversationId, { content: 'secret' }), plainHooks())).message
        const change = (id: string, status: 'recalled' | 'deleted', hard = false, n = 0) =>
          store.updateMessageStatus(conversationId, id, { status, hard }, [record(topic, n)])

        const r = await m()
        expect(await change(r.messageId, 'recalled', false, 1)).toEqual({ ...r, status: 'recalled' })
        expect(await change(r.messageId, 'recalled', false, 2)).toEqual({ ...r, status: 'recalled' })

        const s = await m()
        expect(await change(s.messageId, 'deleted', false, 3)).toEqual({ ...s, status: 'deleted' })
        expect(await change(s.messageId, 'recalled', false, 4)).toEqual({ ...s, status: 'deleted' })
        expect(await change(s.messageId, 'deleted', true, 5)).toEqual({ ...s, status: 'deleted', content: '' })
        expect(await store.getMessage(conversationId, s.messageId)).toEqual({ ...s, status: 'deleted', content: '' })

        expect(await change('m-missing', 'deleted')).toBeNull()
        expect((await pendingOf(topic)).map((x) => x.key)).toEqual(['k1', 'k3', 'k5'])
      })
    })

    describe('read cursors', () => {
      it('never move backwards, and write the outbox only when they advance', async () => {
        const conversationId = await group(['alice'])
        const topic = uid('t')
        expect(await store.setReadSeq(conversationId, 'alice', 5, [record(topic, 1)])).toEqual({
          readSeq: 5,
          advanced: true,
        })
        expect(await store.setReadSeq(conversationId, 'alice', 3, [record(topic, 2)])).toEqual({
          readSeq: 5,
          advanced: false,
        })
        expect(await store.setReadSeq(conversationId, 'alice', 5, [record(topic, 3)])).toEqual({
          readSeq: 5,
          advanced: false,
        })
        expect(await store.setReadSeq(conversationId, 'alice', 9, [record(topic, 4)])).toEqual({
          readSeq: 9,
          advanced: true,
        })
        const concurrent = await Promise.all(
          [7, 12, 10, 11].map((seq) => store.setReadSeq(conversationId, 'bob', seq, [])),
        )
        expect(Math.max(...concurrent.map((c) => c.readSeq))).toBe(12)
        expect(await store.setReadSeq(conversationId, 'bob', 11, [])).toEqual({ readSeq: 12, advanced: false })
        expect((await pendingOf(topic)).map((x) => x.key)).toEqual(['k1', 'k4'])
      })
    })

    describe('friend requests', () => {
      it('creates once, accepts a pending request, refuses the rest', async () => {
        const [a, b, c] = [uid('u'), uid('u'), uid('u')]
        const topic = uid('t')
        await store.createFriendRequest(a, b, now, [record(topic, 1)])
        await rejectsWith(store.createFriendRequest(a, b, now, [record(topic, 2)]), 'already_exists')
        await rejectsWith(store.acceptFriendRequest(b, a, now, [record(topic, 3)]), 'not_found')
        await store.acceptFriendRequest(a, b, now, [record(topic, 4)])
        await rejectsWith(store.acceptFriendRequest(a, b, now, [record(topic, 5)]), 'not_found')
        // friends already, either way round
        await rejectsWith(store.createFriendRequest(b, a, now, [record(topic, 6)]), 'already_exists')
        await store.createFriendRequest(c, a, now, [])
        expect((await pendingOf(topic)).map((x) => x.key)).toEqual(['k1', 'k4'])
      })
    })

    describe('revoked tokens', () => {
      it('keeps a revocation until it expires, answers a batch, pages the live ones, prunes the expired', async () => {
        const tag = uid('jti')
        const [a, b, c, expired] = ['a', 'b', 'c', 'x'].map((n) => `${tag}-${n}`) as [string, string, string, string]
        await store.revokeToken({ jti: a, expiresAt: now + 60_000 })
        await store.revokeToken({ jti: a, expiresAt: now + 1_000 }) // again, earlier: the later expiry stays
        await store.revokeToken({ jti: b, expiresAt: now + 60_000 })
        await store.revokeToken({ jti: expired, expiresAt: now - 1 })
        expect(await store.revokedTokenIds([a, b, c, expired, a], now)).toEqual(new Set([a, b]))
        expect(await store.revokedTokenIds([a], now + 30_000)).toEqual(new Set([a]))
        expect(await store.revokedTokenIds([], now)).toEqual(new Set())
        // the live ones, in jti order, a page at a time
        const mine = async (after: string, n: number) =>
          (await store.listRevocations(now, after, n)).filter((r) => r.jti.startsWith(tag))
        expect(await mine(`${tag}-`, 1)).toEqual([{ jti: a, expiresAt: now + 60_000 }])
        expect(await mine(a, 10)).toEqual([{ jti: b, expiresAt: now + 60_000 }])
        expect(await mine(`${tag}-`, 10)).toHaveLength(2)
        // pruned: the expired row is gone even for a clock that would still count it
        expect(await store.revokedTokenIds([expired], now - 10)).toEqual(new Set([expired]))
        expect(await store.pruneRevocations(now)).toBeGreaterThanOrEqual(1)
        expect(await store.revokedTokenIds([expired, a], now - 10)).toEqual(new Set([a]))
      })

      it('refuses an empty or over-long token id', async () => {
        await rejectsWith(store.revokeToken({ jti: '', expiresAt: now }), 'bad_request')
        await rejectsWith(store.revokeToken({ jti: 'j'.repeat(65), expiresAt: now }), 'bad_request')
      })
    })

    describe('guest expiry', () => {
      it('sweeps guests created before the cutoff, oldest first, with what is theirs alone; keeps the rest', async () => {
        const cutoff = 10_000 // epoch ms: only this test's guests are that old
        const oldGuest = user({ username: null, guest: true, createdAt: 1_000 })
        const olderStill = user({ username: null, guest: true, createdAt: 500 })
        const recentGuest = user({ username: null, guest: true, createdAt: now })
        const oldMember = user({ createdAt: 1_000 })
        const friend = user()
        await store.insertUsers([oldGuest, olderStill, recentGuest, oldMember, friend], [])
        const direct = async (a: string, b: string) => {
          const conversationId = uid('d')
          await store.createConversation(
            { conversationId, kind: 'direct', name: '', announcement: '', createdAt: now },
            [a, b].map((userId) => ({ conversationId, userId, role: 'member' as const, joinedAt: now })),
            [],
          )
          return conversationId
        }
        const withFriend = await direct(oldGuest.userId, friend.userId)
        await store.storeMessage(draft(withFriend, { senderId: oldGuest.userId }), plainHooks())
        await store.setReadSeq(withFriend, friend.userId, 1, [])
        const betweenGuests = await direct(olderStill.userId, recentGuest.userId)
        const shared = await group([friend.userId, oldGuest.userId, recentGuest.userId])
        const guestMessage = await store.storeMessage(draft(shared, { senderId: oldGuest.userId }), plainHooks())
        await store.setReadSeq(shared, oldGuest.userId, 1, [])
        const onlyGuests = await group([oldGuest.userId, olderStill.userId])
        await store.storeMessage(draft(onlyGuests, { senderId: olderStill.userId }), plainHooks())
        await store.createFriendRequest(oldGuest.userId, friend.userId, now, [])

        // the oldest first, one a call: their direct conversations go whole
        expect(await store.sweepGuests(cutoff, 1)).toEqual({ users: 1, conversations: 1 })
        expect(await store.getUser({ userId: olderStill.userId })).toBeNull()
        expect(await store.getConversation(betweenGuests)).toBeNull()
        expect(await store.listUserConversations(recentGuest.userId)).toHaveLength(1) // the shared group only
        expect((await store.getConversation(onlyGuests))?.memberCount).toBe(1)
        // then the next: its direct conversation, the group it leaves empty; the shared group keeps its message
        expect(await store.sweepGuests(cutoff, 10)).toEqual({ users: 1, conversations: 2 })
        expect(await store.getUser({ userId: oldGuest.userId })).toBeNull()
        expect(await store.getConversation(withFriend)).toBeNull()
        expect(await store.listMessages(withFriend, 0, 10)).toEqual([])
        expect(await store.getConversation(onlyGuests)).toBeNull()
        expect(await store.listMessages(onlyGuests, 0, 10)).toEqual([])
        expect(await store.getConversation(shared)).toMatchObject({ memberCount: 2, lastSeq: 1 })
        expect((await store.listMembers(shared, '', 10)).map((m) => m.userId)).toEqual(
          [friend.userId, recentGuest.userId].sort(),
        )
        expect(await store.getMessage(shared, guestMessage.message.messageId)).toMatchObject({
          senderId: oldGuest.userId,
        })
        expect(await store.listUserConversations(oldGuest.userId)).toEqual([])
        expect((await store.listUserConversations(friend.userId)).map((v) => v.conversation.conversationId)).toEqual([
          shared,
        ])
        // their friend request went with them: the same request can be made again
        await store.createFriendRequest(oldGuest.userId, friend.userId, now, [])
        // nothing left before the cutoff; a registered user and a recent guest are kept
        expect(await store.sweepGuests(cutoff, 10)).toEqual({ users: 0, conversations: 0 })
        expect(await store.getUser({ userId: oldMember.userId })).not.toBeNull()
        expect(await store.getUser({ userId: recentGuest.userId })).not.toBeNull()
      })

      it("promotes the oldest member of a group its swept guest admin leaves; the guest's invitations go with them", async () => {
        const guestAdmin = user({ username: null, guest: true, createdAt: 2_000 })
        const [older, younger] = [user(), user()]
        await store.insertUsers([guestAdmin, older, younger], [])
        const conversationId = uid('g')
        await store.createConversation(
          { conversationId, kind: 'group', name: 'G', announcement: '', createdAt: now },
          [
            { conversationId, userId: guestAdmin.userId, role: 'admin', joinedAt: now },
            { conversationId, userId: younger.userId, role: 'member', joinedAt: now + 2 },
            { conversationId, userId: older.userId, role: 'member', joinedAt: now + 1 },
          ],
          [],
        )
        const other = await group([older.userId])
        await store.invitations.invite(
          other,
          [{ conversationId: other, inviteeId: guestAdmin.userId, inviterId: older.userId, createdAt: now }],
          () => [],
        )
        await store.invitations.invite(
          conversationId,
          [{ conversationId, inviteeId: uid('u'), inviterId: guestAdmin.userId, createdAt: now }],
          () => [],
        )
        expect(await store.sweepGuests(10_000, 10)).toEqual({ users: 1, conversations: 0 })
        expect((await store.getMember(conversationId, older.userId))!.role).toBe('admin')
        expect((await store.getMember(conversationId, younger.userId))!.role).toBe('member')
        expect(await store.invitations.getInvitation(other, guestAdmin.userId)).toBeNull()
        expect(await store.invitations.listInvitations(guestAdmin.userId, 10)).toEqual([])
      })
    })

    describe('outbox', () => {
      it('lists pending rows in id order through the lease, marks them published, purges old published rows', async () => {
        const topic = uid('t')
        await store.appendOutbox([record(topic, 1), record(topic, 2)])
        await store.appendOutbox([{ topic, key: null, value: Buffer.from([0, 255]), headers: {} }])
        await rejectsWith(store.appendOutbox([record(topic, 3), { ...record(topic), topic: '' }]), 'bad_request')
        await withLease(async (lease) => {
          const mine = async () => (await lease.pending(100_000)).filter((r) => r.topic === topic)
          const rows = await mine()
          expect(rows.map((r) => r.key)).toEqual(['k1', 'k2', null])
          expect(rows[0]!.headers).toEqual({ n: '1' })
          expect(rows[2]!.value).toEqual(Buffer.from([0, 255]))
          expect(rows[0]!.id).toBeLessThan(rows[1]!.id)

          await lease.markPublished([rows[0]!.id, rows[1]!.id])
          expect((await mine()).map((r) => r.id)).toEqual([rows[2]!.id])
          await lease.markPublished([rows[2]!.id])
          expect(await lease.purgePublished(3_600_000)).toBe(0)
          await new Promise((r) => setTimeout(r, 20))
          expect(await lease.purgePublished(5)).toBeGreaterThanOrEqual(3)
        })
      })

      it('grants the relay lease to one holder at a time; a released lease reads nothing', async () => {
        const first = await store.acquireOutboxLease()
        expect(first).not.toBeNull()
        expect(await store.acquireOutboxLease()).toBeNull()
        await first!.release()
        await expect(first!.pending(1)).rejects.toThrow()
        const second = await store.acquireOutboxLease()
        expect(second).not.toBeNull()
        await second!.release()
      })
    })
  })
}
