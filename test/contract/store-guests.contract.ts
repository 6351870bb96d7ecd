// The store contract, guest expiry: run on every driver by store.contract.ts (one store per driver, shared by
// the cases, so each uses ids and outbox topics of its own).
import { expect, it } from 'vitest'
import type { Store } from '../../src/ports/store.js'
import { uid, now, storeHelpers } from './store-suite.js'

/** guest expiry; `store`: the suite's store (opened before the cases run) */
export function guestExpiryCases(store: Store): void {
  const { user, group, draft, plainHooks } = storeHelpers(store)
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
}
