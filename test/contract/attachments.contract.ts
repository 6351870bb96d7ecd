// The attachments concern of the store contract (test/contract/store.contract.ts runs it on every driver).
import { randomUUID } from 'node:crypto'
import { expect, it } from 'vitest'
import type { AttachmentRow } from '../../src/ports/attachments.js'
import type { Store } from '../../src/ports/store.js'

const now = Date.now()
const row = (ownerId: string, size: number, over: Partial<AttachmentRow> = {}): AttachmentRow => ({
  attachmentId: `att_${randomUUID().replace(/-/g, '')}`,
  ownerId,
  kind: 'image',
  mime: 'image/png',
  size,
  name: 'café photo.png',
  sha256: '',
  width: null,
  height: null,
  durationMs: null,
  thumbnail: null,
  state: 'pending',
  createdAt: now,
  expiresAt: now + 300_000,
  ...over,
})

export function attachmentCases(store: () => Store): void {
  it('keeps a pending attachment and completes it once, with what its bytes turned out to be', async () => {
    const a = row(`u-${randomUUID()}`, 1000)
    expect(await store().attachments.createAttachment(a, 10_000, now)).toBe(true)
    expect(await store().attachments.getAttachment(a.attachmentId)).toEqual(a)
    const thumbnail = { width: 320, height: 240, size: 812, mime: 'image/webp' }
    const facts = { size: 1000, sha256: 'ab'.repeat(32), width: 640, height: 480, durationMs: null, thumbnail }
    const done = await store().attachments.completeAttachment(a.attachmentId, facts)
    expect(done).toEqual({ ...a, ...facts, state: 'ready' })
    expect(await store().attachments.getAttachment(a.attachmentId)).toEqual(done)
    expect(await store().attachments.completeAttachment(a.attachmentId, facts)).toBeNull()
    expect(await store().attachments.completeAttachment('att_none', facts)).toBeNull()
    expect(await store().attachments.getAttachment('att_none')).toBeNull()
  })

  it('refuses a slot that would take its owner over the quota; expired pending slots no longer count', async () => {
    const owner = `u-${randomUUID()}`
    const a = store().attachments
    expect(await a.createAttachment(row(owner, 600), 1000, now)).toBe(true)
    const over = row(owner, 500)
    expect(await a.createAttachment(over, 1000, now)).toBe(false)
    expect(await a.getAttachment(over.attachmentId)).toBeNull()
    expect(await a.createAttachment(row(owner, 400, { kind: 'voice', mime: 'audio/ogg' }), 1000, now)).toBe(true)
    expect(await a.attachmentBytes(owner, now)).toBe(1000)
    // a slot that expired unused is dead weight no longer
    expect(await a.attachmentBytes(owner, now + 600_000)).toBe(0)
    expect(await a.createAttachment(row(owner, 900), 1000, now + 600_000)).toBe(true)
    // another owner has a quota of their own
    expect(await a.createAttachment(row(`u-${randomUUID()}`, 1000), 1000, now)).toBe(true)
  })

  it('lets no two slots at once slip under the quota together', async () => {
    const owner = `u-${randomUUID()}`
    const results = await Promise.all(
      Array.from({ length: 6 }, () => store().attachments.createAttachment(row(owner, 300), 1000, now)),
    )
    expect(results.filter(Boolean)).toHaveLength(3)
    expect(await store().attachments.attachmentBytes(owner, now)).toBe(900)
  })

  it('deletes an attachment, which frees its bytes', async () => {
    const owner = `u-${randomUUID()}`
    const a = row(owner, 700, { kind: 'file', mime: 'application/pdf', name: '' })
    await store().attachments.createAttachment(a, 1000, now)
    expect(await store().attachments.deleteAttachment(a.attachmentId)).toBe(true)
    expect(await store().attachments.deleteAttachment(a.attachmentId)).toBe(false)
    expect(await store().attachments.getAttachment(a.attachmentId)).toBeNull()
    expect(await store().attachments.attachmentBytes(owner, now)).toBe(0)
  })
}
