import { afterEach, describe, expect, it, vi } from 'vitest'
import { type CommitOffset, PendingCommits } from './pending-commits.js'

describe('PendingCommits', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('commits the latest offset of every partition once per interval, not once per batch', async () => {
    vi.useFakeTimers()
    const commits: CommitOffset[][] = []
    const pending = new PendingCommits(
      async (o) => void commits.push(o),
      100,
      () => undefined,
    )
    pending.add('t', 0, '5')
    pending.add('t', 1, '3')
    pending.add('t', 0, '9')
    expect(commits).toEqual([])
    await vi.advanceTimersByTimeAsync(100)
    expect(commits).toEqual([
      [
        { topic: 't', partition: 0, offset: '9' },
        { topic: 't', partition: 1, offset: '3' },
      ],
    ])
    await vi.advanceTimersByTimeAsync(500)
    expect(commits).toHaveLength(1) // nothing new, no commit
  })

  it('keeps the offsets of a failed commit for the next flush, unless a newer one came meanwhile', async () => {
    const commits: CommitOffset[][] = []
    const errors: unknown[] = []
    let fail = true
    let release: () => void = () => undefined
    const pending = new PendingCommits(
      async (o) => {
        await new Promise<void>((r) => (release = r))
        if (fail) throw new Error('rebalancing')
        commits.push(o)
      },
      60_000,
      (err) => errors.push(err),
    )
    pending.add('t', 0, '5')
    pending.add('t', 1, '7')
    const first = pending.flush()
    await Promise.resolve()
    pending.add('t', 1, '8') // handled while the commit was in flight
    release()
    await first
    expect(errors).toHaveLength(1)
    fail = false
    const second = pending.flush()
    await new Promise((r) => setImmediate(r))
    release()
    await second
    expect(commits).toEqual([
      [
        { topic: 't', partition: 1, offset: '8' },
        { topic: 't', partition: 0, offset: '5' },
      ],
    ])
    pending.clear()
  })

  it('runs flushes one after another, so an older offset never lands after a newer one', async () => {
    const order: string[] = []
    const pending = new PendingCommits(
      async (o) => {
        await new Promise((r) => setTimeout(r, o[0]!.offset === '1' ? 30 : 0))
        order.push(o[0]!.offset)
      },
      60_000,
      () => undefined,
    )
    pending.add('t', 0, '1')
    const a = pending.flush()
    await new Promise((r) => setImmediate(r)) // the first commit is in flight
    pending.add('t', 0, '2')
    const b = pending.flush()
    await Promise.all([a, b])
    expect(order).toEqual(['1', '2'])
  })

  it('after a rebalance, forgets the partitions this member no longer holds', async () => {
    const commits: CommitOffset[][] = []
    const pending = new PendingCommits(
      async (o) => void commits.push(o),
      60_000,
      () => undefined,
    )
    pending.add('t', 0, '5')
    pending.add('t', 1, '6')
    pending.add('u', 0, '7')
    pending.keepOnly({ t: [1] })
    await pending.flush()
    expect(commits).toEqual([[{ topic: 't', partition: 1, offset: '6' }]])
  })
})
