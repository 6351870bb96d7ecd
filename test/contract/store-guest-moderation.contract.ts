// The store contract, guest expiry and moderation: a swept guest leaves no block, mute or ban behind (either way),
// on every driver. Run by store.contract.ts on the suite's shared store, with ids of its own.
import { expect, it } from 'vitest'
import type { Store } from '../../src/ports/store.js'
import { now, storeHelpers } from './store-suite.js'

export function guestModerationCases(store: Store): void {
  const { user, group } = storeHelpers(store)
  it("a swept guest's blocks, mutes and bans go with it, both ways; the others' stay", async () => {
    const guest = user({ username: null, guest: true, createdAt: 700 })
    const friend = user()
    const other = user()
    await store.insertUsers([guest, friend, other], [])
    const shared = await group([friend.userId, guest.userId, other.userId])
    const banning = await group([friend.userId, guest.userId])
    const m = store.moderation
    await m.block({ userId: guest.userId, blockedId: friend.userId, createdAt: now })
    await m.block({ userId: friend.userId, blockedId: guest.userId, createdAt: now })
    await m.block({ userId: friend.userId, blockedId: other.userId, createdAt: now })
    await m.setConversationMuted(guest.userId, shared, true)
    await m.setConversationMuted(other.userId, shared, true)
    await m.muteMember(shared, guest.userId, now + 60_000, [])
    await m.muteMember(shared, other.userId, now + 60_000, [])
    await m.ban({ conversationId: banning, userId: guest.userId, bannedBy: friend.userId, createdAt: now }, [])

    // only this guest is older than 800 among the guests still stored by this suite's earlier cases
    expect((await store.sweepGuests(800, 10)).users).toBeGreaterThanOrEqual(1)
    expect(await store.getUser({ userId: guest.userId })).toBeNull()

    expect((await m.listBlocks(friend.userId, 10)).map((b) => b.blockedId)).toEqual([other.userId])
    expect(await m.listBlocks(guest.userId, 10)).toEqual([])
    expect([...(await m.blockedAmong(friend.userId, [guest.userId, other.userId]))]).toEqual([other.userId])
    expect(await m.mutedConversations(guest.userId)).toEqual(new Set())
    expect([...(await m.mutedAmong(shared, [guest.userId, other.userId]))]).toEqual([other.userId])
    expect(await m.memberMutedUntil(shared, guest.userId)).toBe(0)
    expect(await m.memberMutedUntil(shared, other.userId)).toBe(now + 60_000)
    expect(await m.listBans(banning, 10)).toEqual([])
  })
}
