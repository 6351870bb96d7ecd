import { describe, expect, it } from 'vitest'
import { type Message, operationKinds, textDefaults } from './message.js'
import { applyOperation, isEmoji, MAX_EMOJI_BYTES, operationEvents, operations } from './operations.js'

const target: Message = {
  ...textDefaults,
  messageId: 'm1',
  conversationId: 'c1',
  seq: 1,
  senderId: 'ann',
  content: 'hi',
  sentAt: 1,
  status: 'normal',
}
const op = (over: Partial<Message>): Message => ({ ...target, messageId: 'op', seq: 5, targetId: 'm1', ...over })

describe('isEmoji', () => {
  it('takes one emoji with its modifiers, joiners and flags; nothing else', () => {
    for (const e of ['👍', '👍🏽', '👨‍👩‍👧', '🇫🇷', '1️⃣', '❤️']) expect(isEmoji(e), e).toBe(true)
    for (const s of ['', 'a', '1', '#', 'ok', '👍👍', '👍 ', 'x'.repeat(10_240), '🏽'.repeat(MAX_EMOJI_BYTES)])
      expect(isEmoji(s), s).toBe(false)
  })
})

describe('applyOperation', () => {
  it('applies an edit only from the sender, and only when it is later by seq than the current text', () => {
    expect(applyOperation(target, op({ kind: 'edit', content: 'new', sentAt: 9 }))).toEqual({
      message: { ...target, content: 'new', editedAt: 9, editCount: 1, editSeq: 5 },
    })
    expect(applyOperation(target, op({ kind: 'edit', senderId: 'bob' }))).toMatchObject({
      refused: { code: 'not_sender' },
    })
    const edited = { ...target, content: 'later', editSeq: 7, editCount: 1 }
    expect(applyOperation(edited, op({ kind: 'edit', content: 'older' }))).toEqual({
      message: { ...edited, editCount: 2 },
    })
  })

  it('counts an edit older by seq than the current text without taking its text; the same record once', () => {
    const newer = op({ kind: 'edit', messageId: 'e2', seq: 7, content: 'newer', sentAt: 7 })
    const older = op({ kind: 'edit', messageId: 'e1', seq: 6, content: 'older', sentAt: 6 })
    const afterNewer = (applyOperation(target, newer) as { message: Message }).message
    expect(applyOperation(afterNewer, newer)).toEqual({ message: afterNewer })
    expect(applyOperation(afterNewer, older)).toEqual({
      message: { ...target, content: 'newer', editedAt: 7, editSeq: 7, editCount: 2 },
    })
  })

  it('refuses operations on recalled or deleted messages and on other operations', () => {
    for (const status of ['recalled', 'deleted'] as const)
      expect(applyOperation({ ...target, status }, op({ kind: 'pin' }))).toMatchObject({
        refused: { code: 'conflict' },
      })
    expect(applyOperation({ ...target, kind: 'reaction' }, op({ kind: 'pin' }))).toMatchObject({
      refused: { code: 'bad_request' },
    })
  })

  it('moves a user’s reaction to the new emoji and removes it on unreaction', () => {
    const reacted = applyOperation(target, op({ kind: 'reaction', senderId: 'bob', content: '👍' }))
    expect(reacted).toEqual({ message: { ...target, reactions: [{ emoji: '👍', userIds: ['bob'] }] } })
    const moved = applyOperation(
      (reacted as { message: Message }).message,
      op({ kind: 'reaction', senderId: 'bob', content: '🎉' }),
    )
    expect((moved as { message: Message }).message.reactions).toEqual([{ emoji: '🎉', userIds: ['bob'] }])
    const removed = applyOperation(
      (moved as { message: Message }).message,
      op({ kind: 'unreaction', senderId: 'bob', content: '' }),
    )
    expect((removed as { message: Message }).message.reactions).toEqual([])
  })

  it('pins once and unpins', () => {
    const pinned = (applyOperation(target, op({ kind: 'pin', sentAt: 3 })) as { message: Message }).message
    expect(pinned.pinnedAt).toBe(3)
    expect(applyOperation(pinned, op({ kind: 'pin', sentAt: 4 }))).toEqual({ message: pinned })
    expect(applyOperation(pinned, op({ kind: 'unpin' }))).toEqual({ message: { ...pinned, pinnedAt: 0 } })
  })
})

describe('the operations table', () => {
  it('has one entry per operation kind, each with its own event', () => {
    expect(Object.keys(operations).sort()).toEqual([...operationKinds].sort())
    expect(new Set(operationEvents).size).toBe(operationKinds.length)
    expect(operations.pin).toMatchObject({ who: 'admin', content: 'none', event: 'message.pinned' })
    expect(operations.edit.who).toBe('sender')
  })
})
