import { describe, expect, it } from 'vitest'
import { type Message, textDefaults } from '../../src/domain/message.js'
import { pushPreview, pushTargets } from './route.js'

const message = (over: Partial<Message>): Message => ({
  ...textDefaults,
  messageId: 'm',
  conversationId: 'c',
  seq: 1,
  senderId: 'ann',
  content: 'hi',
  sentAt: 1,
  status: 'normal',
  ...over,
})

describe('pushTargets', () => {
  it('pushes a message to every offline member, the mentioned ones in batches of their own', () => {
    expect(pushTargets(message({}), ['bob', 'cy'])).toEqual({ plain: ['bob', 'cy'], mentioned: [] })
    expect(pushTargets(message({ mentions: ['cy'] }), ['bob', 'cy'])).toEqual({ plain: ['bob'], mentioned: ['cy'] })
    expect(pushTargets(message({ mentions: ['@all'] }), ['bob', 'cy'])).toEqual({ plain: [], mentioned: ['bob', 'cy'] })
  })

  it('pushes an operation to nobody but the members it mentions', () => {
    expect(pushTargets(message({ kind: 'reaction', content: '👍' }), ['bob'])).toEqual({ plain: [], mentioned: [] })
    expect(pushTargets(message({ kind: 'edit', mentions: ['bob'] }), ['bob', 'cy'])).toEqual({
      plain: [],
      mentioned: ['bob'],
    })
  })
})

describe('pushPreview', () => {
  const attachment = {
    attachmentId: 'att',
    mime: '',
    size: 1,
    name: '',
    sha256: '',
    width: 0,
    height: 0,
    durationMs: 0,
  }
  it('says what an attachment message is, with its caption; text as it is, cut to 100 characters', () => {
    expect(pushPreview(message({}))).toBe('hi')
    expect(pushPreview(message({ content: 'é'.repeat(150) }))).toBe('é'.repeat(100))
    expect(pushPreview(message({ kind: 'image', content: '', attachment }))).toBe('Photo')
    expect(pushPreview(message({ kind: 'image', content: 'the view', attachment }))).toBe('Photo: the view')
    expect(
      pushPreview(message({ kind: 'voice', content: '', attachment: { ...attachment, durationMs: 12_400 } })),
    ).toBe('Voice message 0:12')
    expect(
      pushPreview(message({ kind: 'voice', content: '', attachment: { ...attachment, durationMs: 75_000 } })),
    ).toBe('Voice message 1:15')
    expect(pushPreview(message({ kind: 'file', content: '', attachment: { ...attachment, name: 'q3.pdf' } }))).toBe(
      'q3.pdf',
    )
    expect(pushPreview(message({ kind: 'file', content: '', attachment }))).toBe('File')
  })
})
