// The store port's contract for `gochat users erase`: RetentionStore.eraseSent tombstones exactly the named records
// of one sender (idempotently, seqs gap-free), and UserChanges.erase turns the account into a tombstone whose
// username is free for someone else. Run by the memory, SQLite and MariaDB suites, each on a store of its own.
import { randomUUID } from 'node:crypto'
import { expect, it } from 'vitest'
import { ERASED_PASSWORD_HASH } from '../../src/ports/store.js'
import type { StoreFixture } from './store.contract.js'
import { textDraft, uid, describeOnStore } from './store-suite.js'

export function erasureContract(driver: string, open: () => Promise<StoreFixture>): void {
  describeOnStore(`store contract, erasure: ${driver}`, open, (store) => {
    const draft = (conversationId: string, senderId: string, content: string) =>
      textDraft(conversationId, { senderId, content, sentAt: Date.now(), mentions: ['bob'] })

    it('eraseSent tombstones the named records of the sender only, once, keeping seqs and senders', async () => {
      const c = uid('g')
      await store.createConversation(
        { conversationId: c, kind: 'group', name: 'G', announcement: '', createdAt: 1 },
        ['ann', 'bob'].map((userId) => ({ conversationId: c, userId, role: 'member' as const, joinedAt: 1 })),
        [],
      )
      for (const [who, text] of [
        ['ann', 'one'],
        ['bob', 'two'],
        ['ann', 'three'],
      ])
        await store.storeMessage(draft(c, who!, text!), { outbox: () => [] })
      const keys = [1, 2, 3, 9].map((seq) => ({ conversationId: c, seq }))
      const erased = await store.retention.eraseSent('ann', keys)
      expect(erased.map((e) => e.seq)).toEqual([1, 3])
      expect(erased.every((e) => e.attachmentId === '' && e.conversationId === c)).toBe(true)
      expect(await store.retention.eraseSent('ann', keys)).toEqual([])
      const history = await store.listMessages(c, 0, 10)
      expect(history.map((m) => [m.seq, m.senderId, m.kind, m.content, m.mentions])).toEqual([
        [1, 'ann', 'expired', '', []],
        [2, 'bob', 'text', 'two', ['bob']],
        [3, 'ann', 'expired', '', []],
      ])
    })

    it("eraseSent takes the sender's reactions off other people's messages, and leaves the others'", async () => {
      const c = uid('g')
      await store.createConversation(
        { conversationId: c, kind: 'group', name: 'G', announcement: '', createdAt: 1 },
        ['ann', 'bob'].map((userId) => ({ conversationId: c, userId, role: 'member' as const, joinedAt: 1 })),
        [],
      )
      const hooks = { outbox: () => [] }
      const target = (await store.storeMessage(draft(c, 'bob', 'react to me'), hooks)).message
      const react = (who: string, emoji: string) =>
        store.storeMessage(
          { ...draft(c, who, emoji), kind: 'reaction', targetId: target.messageId, mentions: [] },
          hooks,
        )
      await react('ann', '👍')
      await react('bob', '👍')
      await react('ann', '🎉')
      expect((await store.getMessage(c, target.messageId))?.reactions).toHaveLength(2)
      const erased = await store.retention.eraseSent(
        'ann',
        [2, 4].map((seq) => ({ conversationId: c, seq })),
      )
      expect(erased.map((e) => e.seq)).toEqual([2, 4])
      expect((await store.getMessage(c, target.messageId))?.reactions).toEqual([{ emoji: '👍', userIds: ['bob'] }])
    })

    it('UserChanges.erase frees the username and leaves no usable password', async () => {
      const name = `e${randomUUID().slice(0, 8)}`
      const user = (userId: string) => ({
        userId,
        username: name,
        displayName: name,
        guest: false,
        passwordHash: 'h',
        createdAt: 1,
        discoverable: true,
      })
      const id = uid('u')
      await store.insertUsers([user(id)], [])
      const after = await store.updateUser(id, { displayName: 'Deleted user', discoverable: false, erase: true }, [])
      expect(after).toMatchObject({
        userId: id,
        username: null,
        displayName: 'Deleted user',
        passwordHash: ERASED_PASSWORD_HASH,
      })
      expect(await store.getUser({ userId: id })).toEqual(after)
      expect(await store.getUser({ username: name })).toBeNull()
      const next = uid('u')
      await store.insertUsers([user(next)], [])
      expect((await store.getUser({ username: name }))?.userId).toBe(next)
    })
  })
}
