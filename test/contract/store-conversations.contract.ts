// The store contract, conversations and their members: run on every driver by store.contract.ts (one store per driver, shared by
// the cases, so each uses ids and outbox topics of its own).
import { randomUUID } from 'node:crypto'
import { expect, it } from 'vitest'
import type { Store, MemberRow } from '../../src/ports/store.js'
import { uid, record, now, rejectsWith, storeHelpers } from './store-suite.js'

/** conversations and members; `store`: the suite's store (opened before the cases run) */
export function conversationCases(store: Store): void {
  const { pendingOf, group, draft, plainHooks } = storeHelpers(store)
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
    expect((await store.setAnnouncement(conversationId, 'new rules', [record(topic)]))!.announcement).toBe('new rules')
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
}
