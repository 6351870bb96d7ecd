import { expect, it } from 'vitest'
import type { OutboxRecord } from '../../src/ports/store.js'
import type { StoreFixture } from './store.contract.js'
import { createGroup, lateStore, now, storeHelpers, uid, describeOnStore } from './store-suite.js'

export function moderationContract(driver: string, open: () => Promise<StoreFixture>): void {
  describeOnStore(`store contract, moderation: ${driver}`, open, (store) => {
    const { pendingOf } = storeHelpers(lateStore(() => store))
    const row = (topic: string, key: string): OutboxRecord => ({ topic, key, value: Buffer.from('e'), headers: {} })

    const group = async (members: string[]) => (await createGroup(store, members)).conversationId

    it('blocks one way, reads both ways, lists newest first, and unblocks', async () => {
      const [a, b, c, d] = [uid('a'), uid('b'), uid('c'), uid('d')]
      const m = store.moderation
      expect(await m.block({ userId: a, blockedId: b, createdAt: now })).toBe(true)
      expect(await m.block({ userId: a, blockedId: b, createdAt: now + 5 })).toBe(false)
      expect(await m.block({ userId: a, blockedId: c, createdAt: now + 1 })).toBe(true)
      expect(await m.block({ userId: d, blockedId: a, createdAt: now })).toBe(true)
      expect(await m.listBlocks(a, 10)).toEqual([
        { userId: a, blockedId: c, createdAt: now + 1 },
        { userId: a, blockedId: b, createdAt: now },
      ])
      expect(await m.listBlocks(a, 1)).toHaveLength(1)
      expect(await m.blockedAmong(a, [b, c, d, uid('e')])).toEqual(new Set([b, c, d]))
      expect(await m.blockedAmong(b, [a, c])).toEqual(new Set([a]))
      expect(await m.blockedAmong(a, [])).toEqual(new Set())
      expect(await m.unblock(a, b)).toBe(true)
      expect(await m.unblock(a, b)).toBe(false)
      expect(await m.unblock(b, d)).toBe(false)
      expect(await m.blockedAmong(b, [a])).toEqual(new Set())
    })

    it('mutes and unmutes a conversation per user', async () => {
      const [a, b] = [uid('a'), uid('b')]
      const g = await group([a, b])
      const m = store.moderation
      expect(await m.setConversationMuted(a, g, true)).toBe(true)
      expect(await m.setConversationMuted(a, g, true)).toBe(false)
      expect(await m.mutedConversations(a)).toEqual(new Set([g]))
      expect(await m.mutedConversations(b)).toEqual(new Set())
      expect(await m.mutedAmong(g, [a, b])).toEqual(new Set([a]))
      expect(await m.setConversationMuted(a, g, false)).toBe(true)
      expect(await m.setConversationMuted(a, g, false)).toBe(false)
      expect(await m.mutedAmong(g, [a, b])).toEqual(new Set())
    })

    it('mutes a member until a time with its outbox rows, only members, and unmutes', async () => {
      const topic = uid('mute-contract')
      const [a, b, stranger] = [uid('a'), uid('b'), uid('s')]
      const g = await group([a, b])
      const m = store.moderation
      expect(await m.memberMutedUntil(g, b)).toBe(0)
      expect(await m.muteMember(g, stranger, now + 1000, [row(topic, stranger)])).toBe(false)
      expect(await m.muteMember(g, b, now + 1000, [row(topic, b)])).toBe(true)
      expect(await m.memberMutedUntil(g, b)).toBe(now + 1000)
      expect(await m.muteMember(g, b, now + 5000, [row(topic, b)])).toBe(true)
      expect(await m.memberMutedUntil(g, b)).toBe(now + 5000)
      expect(await m.unmuteMember(g, b, [row(topic, b)])).toBe(true)
      expect(await m.unmuteMember(g, b, [row(topic, b)])).toBe(false)
      expect(await m.memberMutedUntil(g, b)).toBe(0)
      expect((await pendingOf(topic)).map((r) => r.key)).toEqual([b, b, b])
    })

    it('bans in one transaction: the member, their invitation and mute go, the ban stays until unbanned', async () => {
      const topic = uid('ban-contract')
      const [admin, member, invitee, other] = [uid('a'), uid('m'), uid('i'), uid('o')]
      const g = await group([admin, member, other])
      const m = store.moderation
      await store.invitations.invite(
        g,
        [{ conversationId: g, inviteeId: invitee, inviterId: admin, createdAt: now }],
        () => [],
      )
      await m.muteMember(g, member, now + 60_000, [])

      expect(
        await m.ban({ conversationId: g, userId: member, bannedBy: admin, createdAt: now }, [row(topic, member)]),
      ).toBe(true)
      expect(
        await m.ban({ conversationId: g, userId: invitee, bannedBy: admin, createdAt: now + 1 }, [row(topic, invitee)]),
      ).toBe(true)
      expect(
        await m.ban({ conversationId: g, userId: member, bannedBy: admin, createdAt: now + 2 }, [row(topic, 'again')]),
      ).toBe(false)

      expect(await store.getMember(g, member)).toBeNull()
      expect((await store.getConversation(g))!.memberCount).toBe(2)
      expect(await store.invitations.getInvitation(g, invitee)).toBeNull()
      expect(await m.memberMutedUntil(g, member)).toBe(0)
      expect(await m.bannedAmong(g, [member, invitee, other, admin])).toEqual(new Set([member, invitee]))
      expect(await m.listBans(g, 10)).toEqual([
        { conversationId: g, userId: invitee, bannedBy: admin, createdAt: now + 1 },
        { conversationId: g, userId: member, bannedBy: admin, createdAt: now },
      ])

      expect(await m.unban(g, member, [row(topic, member)])).toBe(true)
      expect(await m.unban(g, member, [row(topic, 'again')])).toBe(false)
      expect(await m.bannedAmong(g, [member, invitee])).toEqual(new Set([invitee]))
      // unbanning restores nothing: the user is not a member until added again
      expect(await store.getMember(g, member)).toBeNull()
      expect((await pendingOf(topic)).map((r) => r.key)).toEqual([member, invitee, member])
    })

    it('refuses to ban from a conversation that does not exist, writing nothing', async () => {
      const topic = uid('ban-missing')
      await expect(
        store.moderation.ban({ conversationId: uid('g'), userId: uid('u'), bannedBy: uid('a'), createdAt: now }, [
          row(topic, 'k'),
        ]),
      ).rejects.toMatchObject({ code: 'not_found' })
      expect(await pendingOf(topic)).toEqual([])
    })
  })
}
