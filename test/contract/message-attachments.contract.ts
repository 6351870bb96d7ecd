import { expect, it } from 'vitest'
import type { MessageAttachment } from '../../src/domain/message.js'
import type { MessageDraft, MessageRow, StoreMessageHooks } from '../../src/ports/store.js'
import type { StoreFixture } from './store.contract.js'
import { createGroup, textDraft, uid, describeOnStore } from './store-suite.js'

const attachmentOf = (over: Partial<MessageAttachment> = {}): MessageAttachment => ({
  attachmentId: uid('att'),
  mime: 'image/png',
  size: 2048,
  name: 'café photo.png',
  sha256: 'ab'.repeat(32),
  width: 640,
  height: 480,
  durationMs: 0,
  ...over,
})

export function messageAttachmentsContract(driver: string, open: () => Promise<StoreFixture>): void {
  describeOnStore(`store contract, message attachments: ${driver}`, open, (store) => {
    const written: MessageRow[] = []
    const hooks: StoreMessageHooks = {
      outbox: (m) => {
        written.push(m)
        return [{ topic: 'attachments-contract', key: m.conversationId, value: Buffer.from('x'), headers: {} }]
      },
    }

    const conversation = async (members: string[]) => (await createGroup(store, members)).conversationId
    const draft = (conversationId: string, over: Partial<MessageDraft> = {}) =>
      textDraft(conversationId, { content: '', ...over })
    const send = async (conversationId: string, attachment: MessageAttachment, kind: MessageDraft['kind'] = 'image') =>
      (await store.storeMessage(draft(conversationId, { kind, attachment }), hooks)).message

    it('stores an image message with its attachment; every read and the outbox hook see it, a text message none', async () => {
      const c = await conversation(['ann', 'bob'])
      const a = attachmentOf()
      const m = await send(c, a)
      expect(m.attachment).toEqual(a)
      expect(m.kind).toBe('image')
      expect(written.at(-1)?.attachment).toEqual(a)
      expect((await store.getMessage(c, m.messageId))?.attachment).toEqual(a)
      const text = (await store.storeMessage(draft(c, { content: 'hi' }), hooks)).message
      const page = await store.listMessages(c, 0, 10)
      expect(page.map((p) => p.attachment)).toEqual([a, undefined])
      expect(page[1]).not.toHaveProperty('attachment')
      expect(text).not.toHaveProperty('attachment')
    })

    it('keeps a voice message’s duration and a file’s name as given', async () => {
      const c = await conversation(['ann'])
      const voice = attachmentOf({ mime: 'audio/ogg', width: 0, height: 0, durationMs: 12_345, name: '' })
      const file = attachmentOf({ mime: 'application/pdf', width: 0, height: 0, name: 'report «Q3».pdf' })
      const v = await send(c, voice, 'voice')
      const f = await send(c, file, 'file')
      expect((await store.getMessage(c, v.messageId))?.attachment).toEqual(voice)
      expect((await store.getMessage(c, f.messageId))?.attachment).toEqual(file)
    })

    it('keeps the attachment of messages inserted with their seq (async persistence)', async () => {
      const c = await conversation(['ann', 'bob'])
      const a = attachmentOf()
      const row: MessageRow = { ...draft(c, { kind: 'image', attachment: a }), seq: 1 }
      const [inserted] = await store.insertMessages([row])
      expect(inserted?.attachment).toEqual(a)
      expect((await store.getMessage(c, row.messageId))?.attachment).toEqual(a)
      expect(await store.attachments.sharedWith(a.attachmentId, 'bob')).toBe(true)
    })

    it('shares an attachment with the members of each conversation it was sent in, and no one else', async () => {
      const first = await conversation(['ann', 'bob'])
      const second = await conversation(['ann', 'cy'])
      const a = attachmentOf()
      expect(await store.attachments.sharedWith(a.attachmentId, 'bob')).toBe(false)
      await send(first, a)
      expect(await store.attachments.sharedWith(a.attachmentId, 'bob')).toBe(true)
      expect(await store.attachments.sharedWith(a.attachmentId, 'cy')).toBe(false)
      expect(await store.attachments.sharedWith(a.attachmentId, 'dan')).toBe(false)
      expect(await store.attachments.sharedWith(uid('att'), 'bob')).toBe(false)
      // sent again elsewhere: the members there may have it too
      await send(second, a)
      expect(await store.attachments.sharedWith(a.attachmentId, 'cy')).toBe(true)
      // a member who leaves loses it
      expect(await store.removeMember(second, 'cy', [])).toBe(true)
      expect(await store.attachments.sharedWith(a.attachmentId, 'cy')).toBe(false)
    })

    it('shares it no longer once the message carrying it is recalled or deleted', async () => {
      for (const change of [
        { status: 'recalled', hard: false },
        { status: 'deleted', hard: false },
        { status: 'deleted', hard: true },
      ] as const) {
        const c = await conversation(['ann', 'bob'])
        const a = attachmentOf()
        const m = await send(c, a)
        expect(await store.attachments.sharedWith(a.attachmentId, 'bob')).toBe(true)
        await store.updateMessageStatus(c, m.messageId, change, [])
        expect(await store.attachments.sharedWith(a.attachmentId, 'bob'), JSON.stringify(change)).toBe(false)
      }
    })
  })
}
