// The store contract, group invitations and the last admin: run on every driver by store.contract.ts (one store per driver, shared by
// the cases, so each uses ids and outbox topics of its own).
import { expect, it } from 'vitest'
import type { Store } from '../../src/ports/store.js'
import { uid, record, now, rejectsWith, storeHelpers } from './store-suite.js'

/** group invitations and the last admin; `store`: the suite's store (opened before the cases run) */
export function invitationCases(store: Store): void {
  const { pendingOf, group } = storeHelpers(store)
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
}
