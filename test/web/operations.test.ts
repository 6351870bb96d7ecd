// web/operations.js (addMessages and the records it applies), without a browser: operation records are applied to
// their targets once, the last by seq per register wins whatever order they arrive in, and a message read by sync is
// not changed again by the records it already shows.
import { describe, expect, it } from 'vitest'

type Conv = { id: string; lastSeq: number; msgs: Map<number, Rec> }
// @ts-expect-error the page is plain JavaScript, without declarations
const page = (await import('../../web/operations.js')) as {
  addMessages: (c: Conv, records: Rec[], fetched?: boolean) => void
  isOperation: (m: Rec) => boolean
}
const { addMessages, isOperation } = page

type Rec = { seq: number; senderId: string; kind?: string; targetId?: string; content?: string; [k: string]: unknown }
const msg = (seq: number, senderId = 'u_a', content = `m${seq}`): Rec => ({
  messageId: `m_${seq}`,
  conversationId: 'd_1',
  seq,
  senderId,
  content,
  sentAt: seq * 1000,
  status: 'normal',
  kind: 'text',
  reactions: [],
  editSeq: 0,
  editCount: 0,
  pinnedAt: 0,
})
const op = (seq: number, kind: string, target: number, senderId: string, content = ''): Rec => ({
  ...msg(seq, senderId, content),
  kind,
  targetId: `m_${target}`,
})
const conv = (): Conv => ({ id: 'd_1', lastSeq: 0, msgs: new Map<number, Rec>() })
const target = (c: Conv, seq = 1) => c.msgs.get(seq)!

describe('operation records on the page', () => {
  it('applies edits, reactions and pins live, and keeps the records without showing them as messages', () => {
    const c = conv()
    addMessages(c, [msg(1)])
    addMessages(c, [op(2, 'edit', 1, 'u_a', 'fixed')])
    addMessages(c, [op(3, 'reaction', 1, 'u_b', '👍')])
    addMessages(c, [op(4, 'reaction', 1, 'u_a', '👍')])
    addMessages(c, [op(5, 'reaction', 1, 'u_b', '🎉')]) // one emoji per user: replaces Bob's 👍
    addMessages(c, [op(6, 'pin', 1, 'u_b')])
    expect(target(c)).toMatchObject({
      content: 'fixed',
      editCount: 1,
      editSeq: 2,
      editedAt: 2000,
      pinnedAt: 6000,
      reactions: [
        { emoji: '👍', userIds: ['u_a'] },
        { emoji: '🎉', userIds: ['u_b'] },
      ],
    })
    expect(c.lastSeq).toBe(6)
    addMessages(c, [op(7, 'unreaction', 1, 'u_a', ''), op(8, 'unpin', 1, 'u_a')])
    expect(target(c)).toMatchObject({ reactions: [{ emoji: '🎉', userIds: ['u_b'] }], pinnedAt: 0 })
  })

  it('ends in the same state whatever order records arrive in, and applies a re-delivered one once', () => {
    const records = [
      op(2, 'edit', 1, 'u_a', 'first edit'),
      op(3, 'reaction', 1, 'u_b', '👍'),
      op(4, 'edit', 1, 'u_a', 'second edit'),
      op(5, 'unreaction', 1, 'u_b', '👍'),
      op(6, 'reaction', 1, 'u_b', '😮'),
    ]
    const inOrder = conv()
    addMessages(inOrder, [msg(1)])
    for (const r of records) addMessages(inOrder, [r])
    const reversed = conv()
    addMessages(reversed, [msg(1)])
    for (const r of [...records].reverse()) addMessages(reversed, [r])
    for (const r of records) addMessages(reversed, [r]) // the push after the ack
    for (const c of [inOrder, reversed])
      expect(target(c)).toMatchObject({
        content: 'second edit',
        editSeq: 4,
        reactions: [{ emoji: '😮', userIds: ['u_b'] }],
      })
    expect(target(inOrder).editCount).toBe(2)
  })

  it('does not apply again what a message read by sync already shows, from its page or an older one', () => {
    const c = conv()
    // sync read the target after the edit and the reaction: it shows both
    const read = {
      ...msg(1),
      content: 'edited',
      editCount: 1,
      editSeq: 2,
      reactions: [{ emoji: '👍', userIds: ['u_b'] }],
    }
    addMessages(c, [read, op(2, 'edit', 1, 'u_a', 'edited'), op(3, 'reaction', 1, 'u_b', '👍')], true)
    expect(target(c)).toMatchObject({ editCount: 1, reactions: [{ emoji: '👍', userIds: ['u_b'] }] })
    // a later record applies over it; an older page's records (below what the target shows) change nothing
    addMessages(c, [op(4, 'unreaction', 1, 'u_b', '')])
    expect(target(c).reactions).toEqual([])
    const older = conv()
    addMessages(older, [op(5, 'unreaction', 1, 'u_b', '')], true) // held before the target is
    addMessages(older, [{ ...msg(1), reactions: [] }, op(3, 'reaction', 1, 'u_b', '👍')], true)
    expect(target(older).reactions).toEqual([])
    // a pushed copy of a message the page already holds (its own send, acknowledged first) keeps what was applied
    addMessages(c, [msg(1)])
    expect(target(c).reactions).toEqual([])
    expect(target(c).content).toBe('edited')
  })

  it('leaves recalled targets, unknown targets and unknown kinds alone', () => {
    const c = conv()
    addMessages(c, [{ ...msg(1), status: 'recalled', content: '' }])
    addMessages(c, [op(2, 'edit', 1, 'u_a', 'too late'), op(3, 'reaction', 9, 'u_b', '👍'), op(4, 'poll', 1, 'u_a')])
    expect(target(c)).toMatchObject({ content: '', editCount: 0 })
    expect([...c.msgs.keys()]).toEqual([1, 2, 3, 4])
  })

  it('treats only edit, reaction, unreaction, pin and unpin as operations: attachments and system lines are messages', () => {
    for (const kind of ['edit', 'reaction', 'unreaction', 'pin', 'unpin'])
      expect(isOperation({ ...msg(1), kind })).toBe(true)
    for (const kind of ['text', 'image', 'file', 'voice', 'system'])
      expect(isOperation({ ...msg(1), kind })).toBe(false)
    const c = conv()
    const attachment = { attachmentId: 'att_1', mime: 'image/png', size: 10, name: 'a.png', sha256: 'x' }
    addMessages(c, [
      { ...msg(1), kind: 'image', content: '', attachment },
      { ...msg(2), kind: 'system', content: 'joined' },
    ])
    expect(target(c, 1)).toMatchObject({ kind: 'image', attachment })
    expect(target(c, 2)).toMatchObject({ kind: 'system', content: 'joined' })
  })
})
