import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CatchUp } from './catch-up.js'
import { Timeline } from './timeline.js'
import type { Message } from './types.js'

const msg = (seq: number, conversationId = 'd_1'): Message => ({
  messageId: `m_${conversationId}_${seq}`,
  conversationId,
  seq,
  senderId: 'u_1',
  content: `#${seq}`,
  sentAt: seq,
  status: 'normal',
  kind: 'text',
  targetId: '',
  replyTo: '',
  mentions: [],
  editedAt: 0,
  editCount: 0,
  reactions: [],
  pinnedAt: 0,
})
const seqs = (ds: Array<{ message: Message }>) => ds.map((d) => d.message.seq)

describe('Timeline', () => {
  it('delivers in order, drops duplicates, holds a message above a gap until a sync', () => {
    const t = new Timeline('d_1')
    expect(seqs(t.live(msg(1)))).toEqual([1])
    expect(t.live(msg(1))).toEqual([])
    expect(t.live(msg(3))).toEqual([]) // 2 is missing: held
    expect(t.gapped).toBe(true)
    expect(seqs(t.live(msg(2)))).toEqual([2, 3]) // 2 came after all: 3 follows it
    expect(t.gapped).toBe(false)
    expect(t.high).toBe(3)
  })

  it('takes a gap that a complete sync does not fill as final (a deleted message), never waiting on it', () => {
    const t = new Timeline('d_1', 4)
    t.live(msg(7))
    t.live(msg(9))
    const out = t.synced([msg(5), msg(7), msg(9)], true) // 6 and 8 were deleted
    expect(seqs(out)).toEqual([5, 7, 9])
    expect(out.map((d) => d.source)).toEqual(['sync', 'sync', 'sync'])
    expect(t.gapped).toBe(false)
    expect(t.live(msg(5))).toEqual([]) // a late copy of what the sync gave
  })

  it('starts from the seq the app holds: nothing at or below it is delivered again', () => {
    const t = new Timeline('d_1', 10)
    expect(t.live(msg(10))).toEqual([])
    expect(t.synced([msg(9), msg(11)], true).map((d) => d.message.seq)).toEqual([11])
  })

  it('delivers (flagged late) a message history did not have yet when a gap was closed', () => {
    const t = new Timeline('d_1')
    t.live(msg(1))
    t.live(msg(3))
    t.synced([msg(3)], true) // 2 not stored yet (async persistence)
    const late = t.live(msg(2))
    expect(late).toEqual([{ message: msg(2), source: 'live', late: true }])
  })
})

describe('CatchUp', () => {
  it('whatever the pushes (lost, doubled, reordered), the app ends with history once each and in order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 60 }),
        fc.array(fc.tuple(fc.nat(80), fc.boolean()), { maxLength: 120 }),
        fc.array(fc.nat(60), { maxLength: 10 }),
        async (n, pushes, deleted) => {
          const history = Array.from({ length: n }, (_, i) => msg(i + 1)).filter((m) => !deleted.includes(m.seq))
          const got: number[] = []
          const c = new CatchUp({
            list: async () => [{ conversationId: 'd_1', kind: 'direct', lastSeq: n, readSeq: 0 }],
            page: async (_id, after, limit) => {
              const rest = history.filter((m) => m.seq > after)
              return { messages: rest.slice(0, limit), hasMore: rest.length > limit }
            },
            deliver: (d) => got.push(d.message.seq),
            pageSize: 7,
          })
          for (const [i, dup] of pushes) {
            const m = history[i % Math.max(1, history.length)]
            if (!m) continue
            c.live(m)
            if (dup) c.live(m)
          }
          await c.all()
          await c.sync('d_1')
          expect(got).toEqual(history.map((m) => m.seq))
        },
      ),
      { numRuns: 200 },
    )
  })

  it('a followed conversation starts where the app said: only what is newer is delivered', async () => {
    const history = Array.from({ length: 10 }, (_, i) => msg(i + 1))
    const got: number[] = []
    const c = new CatchUp({
      list: async () => [{ conversationId: 'd_1', kind: 'direct', lastSeq: 10, readSeq: 0 }],
      page: async (_id, after) => ({ messages: history.filter((m) => m.seq > after), hasMore: false }),
      deliver: (d) => got.push(d.message.seq),
    })
    c.follow('d_1', 7)
    await c.all()
    expect(got).toEqual([8, 9, 10])
  })

  it('backfills only the latest messages of a conversation it holds nothing of, when told', async () => {
    const history = Array.from({ length: 30 }, (_, i) => msg(i + 1))
    const got: number[] = []
    const c = new CatchUp({
      list: async () => [{ conversationId: 'd_1', kind: 'direct', lastSeq: 30, readSeq: 0 }],
      page: async (_id, after) => ({ messages: history.filter((m) => m.seq > after), hasMore: false }),
      deliver: (d) => got.push(d.message.seq),
      backfill: 5,
    })
    expect((await c.all()).messages).toBe(5)
    expect(got).toEqual([26, 27, 28, 29, 30])
  })
})
