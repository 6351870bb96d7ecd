import { describe, expect, it } from 'vitest'
import { type Message, textDefaults } from '../../src/domain/message.js'
import { pushTargets } from './route.js'

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
