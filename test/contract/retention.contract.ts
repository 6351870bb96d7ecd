import { expect, it } from 'vitest'
import type { MessageAttachment } from '../../src/domain/message.js'
import { DAY_MS } from '../../src/ports/retention.js'
import type { MessageDraft, OutboxRecord, StoreMessageHooks } from '../../src/ports/store.js'
import type { StoreFixture } from './store.contract.js'
import { createGroup, now, rejectsWith, textDraft, uid, describeOnStore } from './store-suite.js'

export function retentionContract(driver: string, open: () => Promise<StoreFixture>): void {
  describeOnStore(`store contract, retention: ${driver}`, open, (store) => {
    const hooks: StoreMessageHooks = { outbox: () => [] }
    const topic = uid('retention-contract')
    const record = (): OutboxRecord => ({ topic, key: 'k', value: Buffer.from('v'), headers: {} })
    const pendingOnTopic = async () => {
      const lease = await store.acquireOutboxLease()
      if (!lease) throw new Error('the outbox lease is held elsewhere')
      try {
        return (await lease.pending(100_000)).filter((r) => r.topic === topic).length
      } finally {
        await lease.release()
      }
    }

    const conversation = async () => (await createGroup(store, ['ann', 'bob'])).conversationId
    const send = async (conversationId: string, over: Partial<MessageDraft> = {}) =>
      (await store.storeMessage(textDraft(conversationId, over), hooks)).message
    const attachment = (): MessageAttachment => ({
      attachmentId: uid('att'),
      mime: 'image/png',
      size: 10,
      name: 'p.png',
      sha256: 'ab'.repeat(32),
      width: 1,
      height: 1,
      durationMs: 0,
    })
    const sweep = (nowMs: number, limit = 500, defaultRetentionDays = 0) =>
      store.retention.expireMessages({ nowMs, defaultRetentionDays }, limit)

    it('keeps settings per conversation: none at first, the same again writes no outbox, bad ones change nothing', async () => {
      const c = await conversation()
      expect(await store.retention.getRetention(c)).toEqual({ retentionDays: 0, ttlSeconds: 0 })
      expect(await store.retention.getRetention(uid('nope'))).toBeNull()
      expect(
        await store.retention.setRetention(uid('nope'), { retentionDays: 1, ttlSeconds: 0 }, [record()]),
      ).toBeNull()
      const set = { retentionDays: 7, ttlSeconds: 30 }
      expect(await store.retention.setRetention(c, set, [record()])).toEqual(set)
      expect(await store.retention.setRetention(c, set, [record()])).toEqual(set)
      expect(await pendingOnTopic()).toBe(1)
      await rejectsWith(
        store.retention.setRetention(c, { retentionDays: -1, ttlSeconds: 0 }, [record()]),
        'bad_request',
      )
      await rejectsWith(store.retention.setRetention(c, { retentionDays: 0, ttlSeconds: 1.5 }, []), 'bad_request')
      await rejectsWith(store.retention.setRetention(c, { retentionDays: 99_999, ttlSeconds: 0 }, []), 'bad_request')
      expect(await store.retention.getRetention(c)).toEqual(set)
      expect(await pendingOnTopic()).toBe(1)
    })

    it('disappearing messages: records past the ttl become tombstones, seqs stay gap-free, a second sweep does nothing', async () => {
      const c = await conversation()
      await store.retention.setRetention(c, { retentionDays: 0, ttlSeconds: 60 }, [])
      const a = attachment()
      const old1 = await send(c, { sentAt: now - 120_000, mentions: ['bob'] })
      const old2 = await send(c, { sentAt: now - 90_000, kind: 'image', content: 'caption', attachment: a })
      await send(c, { sentAt: now - 10_000, replyTo: old1.messageId })
      const expired = await sweep(now)
      expect(expired.filter((e) => e.conversationId === c)).toEqual([
        { conversationId: c, messageId: old1.messageId, seq: 1, attachmentId: '' },
        { conversationId: c, messageId: old2.messageId, seq: 2, attachmentId: a.attachmentId },
      ])
      const page = await store.listMessages(c, 0, 10)
      expect(page.map((m) => [m.seq, m.kind, m.content])).toEqual([
        [1, 'expired', ''],
        [2, 'expired', ''],
        [3, 'text', 'hello'],
      ])
      expect(page[0]).toMatchObject({ messageId: old1.messageId, senderId: 'ann', sentAt: old1.sentAt, mentions: [] })
      expect(page[1]!.attachment).toBeUndefined()
      expect(page[2]!.reply).toMatchObject({ messageId: old1.messageId, snippet: '' })
      expect((await store.getMessage(c, old2.messageId))?.kind).toBe('expired')
      expect((await sweep(now)).filter((e) => e.conversationId === c)).toEqual([])
      expect(await store.maxSeq(c)).toBe(3)
      expect((await send(c)).seq).toBe(4)
    })

    it('names an attachment only once no record carries it: one sent again elsewhere stays', async () => {
      const c = await conversation()
      await store.retention.setRetention(c, { retentionDays: 0, ttlSeconds: 60 }, [])
      const keeps = await conversation()
      const a = attachment()
      const m = await send(c, { sentAt: now - 120_000, kind: 'file', content: '', attachment: a })
      await send(keeps, { kind: 'file', content: '', attachment: a })
      expect((await sweep(now)).filter((e) => e.conversationId === c)).toEqual([
        { conversationId: c, messageId: m.messageId, seq: 1, attachmentId: '' },
      ])
      expect((await store.listMessages(keeps, 0, 10))[0]?.attachment).toEqual(a)
    })

    it('sweeps in bounded batches', async () => {
      const c = await conversation()
      await store.retention.setRetention(c, { retentionDays: 0, ttlSeconds: 1 }, [])
      for (let i = 0; i < 5; i++) await send(c, { sentAt: now - 60_000 + i })
      const mine = async () => (await sweep(now, 2)).filter((e) => e.conversationId === c).length
      const counts = [await mine(), await mine(), await mine(), await mine()]
      expect(counts.reduce((a, b) => a + b, 0)).toBe(5)
      expect(Math.max(...counts)).toBeLessThanOrEqual(2)
      expect((await store.listMessages(c, 0, 10)).every((m) => m.kind === 'expired')).toBe(true)
    })

    it('the shortest limit wins: the deployment, the conversation retention, its ttl; a conversation never lengthens it', async () => {
      const keepsLonger = await conversation()
      await store.retention.setRetention(keepsLonger, { retentionDays: 3650, ttlSeconds: 0 }, [])
      const shorter = await conversation()
      await store.retention.setRetention(shorter, { retentionDays: 1, ttlSeconds: 0 }, [])
      const plain = await conversation()
      const longOld = await send(keepsLonger, { sentAt: now - 2 * DAY_MS })
      const dayOld = await send(shorter, { sentAt: now - 2 * DAY_MS })
      const plainOld = await send(plain, { sentAt: now - 2 * DAY_MS })
      const recent = await send(plain, { sentAt: now - 3_600_000 })
      // without a deployment limit, only the conversation's own applies
      const first = (await sweep(now)).map((e) => e.messageId)
      expect(first).toContain(dayOld.messageId)
      expect(first).not.toContain(plainOld.messageId)
      expect(first).not.toContain(longOld.messageId)
      // the deployment keeps a day: older records go, the conversation's ten years notwithstanding
      const second = (await sweep(now, 500, 1)).map((e) => e.messageId)
      expect(second).toEqual(expect.arrayContaining([longOld.messageId, plainOld.messageId]))
      expect(second).not.toContain(recent.messageId)
      expect((await store.getMessage(plain, recent.messageId))?.content).toBe('hello')
    })

    it('an expired record refuses operations; a soft-deleted one loses its content and stays out of history', async () => {
      const c = await conversation()
      await store.retention.setRetention(c, { retentionDays: 0, ttlSeconds: 60 }, [])
      const gone = await send(c, { sentAt: now - 120_000 })
      const deleted = await send(c, { sentAt: now - 120_000, content: 'secret' })
      await store.updateMessageStatus(c, deleted.messageId, { status: 'deleted', hard: false }, [])
      await sweep(now)
      await rejectsWith(
        store.storeMessage(textDraft(c, { kind: 'reaction', content: '👍', targetId: gone.messageId }), hooks),
        'conflict',
      )
      expect((await store.getMessage(c, deleted.messageId))?.content).toBe('')
      expect((await store.listMessages(c, 0, 10)).map((m) => m.messageId)).toEqual([gone.messageId])
    })

    it("pages a user's records by (conversation, seq), every kind and status, and no one else's", async () => {
      const sender = uid('sender')
      const [c1, c2] = [await conversation(), await conversation()].sort()
      const mine = [
        await send(c2, { senderId: sender, content: 'two-1' }),
        await send(c1, { senderId: sender, content: 'one-1' }),
      ]
      await send(c1, { content: 'not mine' })
      const recalled = await send(c1, { senderId: sender, content: 'one-3' })
      await store.updateMessageStatus(c1, recalled.messageId, { status: 'recalled', hard: false }, [])
      mine.push(await send(c1, { senderId: sender, kind: 'reaction', content: '👍', targetId: mine[1]!.messageId }))
      const pages: string[][] = []
      for (let after = { conversationId: '', seq: 0 }; ; ) {
        const page = await store.retention.sentBy(sender, after, 2)
        if (page.length === 0) break
        pages.push(page.map((m) => `${m.conversationId === c1 ? 'c1' : 'c2'}:${m.seq}:${m.kind}:${m.status}`))
        after = { conversationId: page.at(-1)!.conversationId, seq: page.at(-1)!.seq }
      }
      expect(pages).toEqual([
        ['c1:1:text:normal', 'c1:3:text:recalled'],
        ['c1:4:reaction:normal', 'c2:1:text:normal'],
      ])
      expect(await store.retention.sentBy(uid('nobody'), { conversationId: '', seq: 0 }, 10)).toEqual([])
    })
  })
}
