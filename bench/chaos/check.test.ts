// The chaos check's rule for operations: a message must show what the edit and reaction records of history make of
// it in seq order, whatever order they were acked in.
import { describe, expect, it } from 'vitest'
import type { Message } from '../../src/contracts/payloads.js'
import { appTally, mismatched } from './check.js'

const record = (seq: number, fields: Partial<Message>): Message => ({
  messageId: `m${seq}`,
  conversationId: 'd_1',
  seq,
  senderId: 'u_a',
  content: '',
  sentAt: seq,
  status: 'normal',
  kind: 'text',
  targetId: '',
  replyTo: '',
  mentions: [],
  editedAt: 0,
  editCount: 0,
  editSeq: 0,
  reactions: [],
  pinnedAt: 0,
  ...fields,
})

describe('chaos check: operations against their targets', () => {
  const ops = [
    record(2, { kind: 'edit', targetId: 'm1', content: 'second' }),
    record(3, { kind: 'reaction', targetId: 'm1', content: '👍', senderId: 'u_b' }),
    record(4, { kind: 'edit', targetId: 'm1', content: 'third' }),
    record(5, { kind: 'reaction', targetId: 'm1', content: '🎉', senderId: 'u_b' }),
  ]

  it('a target showing the last edit by seq and each user’s last reaction matches', () => {
    const target = record(1, { content: 'third', reactions: [{ emoji: '🎉', userIds: ['u_b'] }] })
    expect(mismatched([target, ...ops])).toBe(0)
  })

  it('an earlier edit shown, a stale reaction, or a reaction missing each count', () => {
    expect(mismatched([record(1, { content: 'second', reactions: [{ emoji: '🎉', userIds: ['u_b'] }] }), ...ops])).toBe(
      1,
    )
    expect(mismatched([record(1, { content: 'third', reactions: [{ emoji: '👍', userIds: ['u_b'] }] }), ...ops])).toBe(
      1,
    )
    expect(mismatched([record(1, { content: 'third' }), ...ops])).toBe(1)
  })

  it('a recalled target and a history without operations are not counted', () => {
    expect(mismatched([record(1, { content: '', status: 'recalled' }), ...ops])).toBe(0)
    expect(mismatched([record(1, { content: 'hi' })])).toBe(0)
  })
})

describe('chaos check: what the library delivered to each app', () => {
  const stored = new Set([1, 2, 3, 4])

  it('every message of history once, in seq order: nothing counted', () => {
    expect(appTally([1, 2, 3, 4], stored)).toEqual({ missing: 0, duplicates: 0, outOfOrder: 0 })
  })

  it('a seq never delivered, delivered twice, or after a higher one each count', () => {
    expect(appTally([1, 2, 4], stored)).toEqual({ missing: 1, duplicates: 0, outOfOrder: 0 })
    expect(appTally([1, 2, 2, 3, 4], stored)).toEqual({ missing: 0, duplicates: 1, outOfOrder: 0 })
    expect(appTally([1, 3, 2, 4], stored)).toEqual({ missing: 0, duplicates: 0, outOfOrder: 1 })
    expect(appTally([], stored)).toEqual({ missing: 4, duplicates: 0, outOfOrder: 0 })
  })
})
