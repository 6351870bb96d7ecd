import { expect, it } from 'vitest'
import { type MessageAttachment, textDefaults } from '../../src/domain/message.js'
import type { AttachmentRow } from '../../src/ports/attachments.js'
import type { MessageDraft, StoreMessageHooks } from '../../src/ports/store.js'
import type { StoreFixture } from './store.contract.js'
import { createGroup, now, uid, describeOnStore } from './store-suite.js'

const HOUR = 3_600_000

export function attachmentLifecycleContract(driver: string, open: () => Promise<StoreFixture>): void {
  describeOnStore(`store contract, attachment lifecycle: ${driver}`, open, (store) => {
    const hooks: StoreMessageHooks = {
      outbox: (m) => [{ topic: 'lifecycle-contract', key: m.conversationId, value: Buffer.from('x'), headers: {} }],
    }

    /** a ready attachment of ann's, created at `createdAt` */
    async function attachment(createdAt = now, state: AttachmentRow['state'] = 'ready'): Promise<string> {
      const attachmentId = uid('att')
      const row: AttachmentRow = {
        attachmentId,
        ownerId: 'ann',
        kind: 'image',
        mime: 'image/png',
        size: 100,
        name: '',
        sha256: state === 'ready' ? 'ab'.repeat(32) : '',
        width: 10,
        height: 10,
        durationMs: null,
        thumbnail: state === 'ready' ? { width: 10, height: 10, size: 50, mime: 'image/webp' } : null,
        state,
        createdAt,
        expiresAt: createdAt + 300_000,
      }
      expect(await store.attachments.createAttachment(row, 1e12, createdAt)).toBe(true)
      return attachmentId
    }
    const conversation = async () => (await createGroup(store, ['ann'])).conversationId
    const descriptor = (attachmentId: string): MessageAttachment => ({
      attachmentId,
      mime: 'image/png',
      size: 100,
      name: '',
      sha256: 'ab'.repeat(32),
      width: 10,
      height: 10,
      durationMs: 0,
    })
    async function send(conversationId: string, attachmentId: string) {
      const draft: MessageDraft = {
        messageId: uid('m'),
        conversationId,
        senderId: 'ann',
        content: '',
        sentAt: now,
        status: 'normal',
        idempotencyKey: uid('k'),
        ...textDefaults,
        kind: 'image',
        attachment: descriptor(attachmentId),
      }
      return (await store.storeMessage(draft, hooks)).message
    }
    const setStatus = (conversationId: string, messageId: string, status: 'recalled' | 'deleted') =>
      store.updateMessageStatus(conversationId, messageId, { status, hard: false }, [])

    it('releases an attachment only once no shown message carries it: a forward keeps it, a recall does not', async () => {
      const a = await attachment()
      const [first, second] = [await conversation(), await conversation()]
      const m1 = await send(first, a)
      const m2 = await send(second, a)
      expect(await store.attachments.releaseAttachment(a)).toBe(false)
      await setStatus(first, m1.messageId, 'recalled')
      // still carried by the forward
      expect(await store.attachments.releaseAttachment(a)).toBe(false)
      expect(await store.attachments.getAttachment(a)).not.toBeNull()
      await setStatus(second, m2.messageId, 'deleted')
      expect(await store.attachments.releaseAttachment(a)).toBe(true)
      expect(await store.attachments.getAttachment(a)).toBeNull()
      // idempotent: nothing left to release
      expect(await store.attachments.releaseAttachment(a)).toBe(false)
    })

    it('lists as orphans, oldest first, the attachments before the cut-off that no shown message carries', async () => {
      const base = now - 1000 * HOUR
      const pending = await attachment(base + 1, 'pending')
      const unsent = await attachment(base + 2)
      const sent = await attachment(base + 3)
      const recalled = await attachment(base + 4)
      const recent = await attachment(now)
      const c = await conversation()
      await send(c, sent)
      await setStatus(c, (await send(c, recalled)).messageId, 'recalled')
      const orphans = await store.attachments.orphanAttachments(now - HOUR, 1000)
      const ours = orphans.filter((id) => [pending, unsent, sent, recalled, recent].includes(id))
      expect(ours).toEqual([pending, unsent, recalled])
      expect(await store.attachments.orphanAttachments(now - HOUR, 1)).toHaveLength(1)
    })
  })
}
