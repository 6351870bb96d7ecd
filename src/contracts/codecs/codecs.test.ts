import { describe, expect, it } from 'vitest'
import { type Message, messageOf, textDefaults, visibleMessage } from '../../domain/message.js'
import { fromApiMessage, toApiMessage } from './api-message.js'
import { fromRepoMessage, toRepoMessage } from './repo-message.js'

const message: Message = {
  messageId: 'm1',
  conversationId: 'c1',
  seq: 7,
  senderId: 'u1',
  content: 'hello',
  sentAt: 1_700_000_000_000,
  status: 'normal',
  ...textDefaults,
}

const image: Message = {
  ...message,
  messageId: 'm2',
  kind: 'image',
  content: '',
  attachment: {
    attachmentId: 'att_1',
    mime: 'image/png',
    size: 1234,
    name: 'cat.png',
    sha256: 'ab'.repeat(32),
    width: 640,
    height: 480,
    durationMs: 0,
  },
}

describe('message codecs', () => {
  it('carry a message through each gRPC format unchanged, the sender under each format’s name', () => {
    const repo = toRepoMessage({ ...message, idempotencyKey: 'k1' })
    expect(repo.sender_id).toBe('u1')
    expect(repo.idempotency_key).toBe('k1')
    expect(fromRepoMessage(repo)).toEqual(message)
    const api = toApiMessage(message)
    expect(api.sender_user_id).toBe('u1')
    expect(fromApiMessage(api)).toEqual(message)
  })

  it('carry an image message’s attachment through each format, and none on a text message', () => {
    expect(fromRepoMessage(toRepoMessage(image))).toEqual(image)
    expect(fromApiMessage(toApiMessage(image))).toEqual(image)
    expect(toRepoMessage(message).attachment).toBeNull()
    expect(fromRepoMessage(toRepoMessage(message))).not.toHaveProperty('attachment')
  })

  it('refuse a status no role writes', () => {
    expect(() => fromRepoMessage({ ...toRepoMessage(message), status: 'edited' })).toThrow(/unknown message status/)
    expect(() => fromApiMessage({ ...toApiMessage(message), status: '' })).toThrow(/unknown message status/)
  })
})

describe('the domain message', () => {
  it('keeps only its own fields', () => {
    expect(messageOf({ ...message, idempotencyKey: 'k1' } as Message)).toEqual(message)
  })

  it('never shows the content of a recalled or deleted message, and keeps its place', () => {
    expect(visibleMessage(message)).toBe(message)
    for (const status of ['recalled', 'deleted'] as const)
      expect(visibleMessage({ ...message, status })).toEqual({ ...message, status, content: '' })
  })

  it('keeps its attachment, and hides it once recalled or deleted', () => {
    expect(messageOf({ ...image, idempotencyKey: 'k1' } as Message)).toEqual(image)
    expect(visibleMessage(image)).toBe(image)
    expect(visibleMessage({ ...image, status: 'recalled' })).not.toHaveProperty('attachment')
  })
})
