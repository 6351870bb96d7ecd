import { describe, expect, it } from 'vitest'
import type { OfflinePush } from '../../../src/contracts/payloads.js'
import { withoutMuted } from './worker.js'

const push = (over: Partial<OfflinePush> = {}): OfflinePush => ({
  pushId: 'p1',
  userIds: ['u1', 'u2', 'u3'],
  conversationId: 'c1',
  messageId: 'm1',
  seq: 1,
  senderId: 'u0',
  preview: 'hi',
  sentAt: 1,
  ...over,
})

/** a repo whose MutedAmong answers that `muted` muted the conversation, and records what it was asked */
const repoMuting = (muted: string[]) => {
  const asked: string[][] = []
  return {
    asked,
    MutedAmong: async (req: { user_ids?: string[] }) => {
      const ids = req.user_ids ?? []
      asked.push(ids)
      return { user_ids: ids.filter((u) => muted.includes(u)) }
    },
  }
}

describe('withoutMuted', () => {
  it('drops the users who muted the conversation, and the push when nobody is left', async () => {
    expect((await withoutMuted(repoMuting(['u2']), push()))?.userIds).toEqual(['u1', 'u3'])
    expect(await withoutMuted(repoMuting(['u1', 'u2', 'u3']), push())).toBeNull()
    expect(await withoutMuted(repoMuting([]), push())).toEqual(push())
  })

  it('a mention wins over a mute: a mentioned batch is pushed to all its users', async () => {
    const repo = repoMuting(['u1', 'u2', 'u3'])
    expect((await withoutMuted(repo, push({ mentioned: true })))?.userIds).toEqual(['u1', 'u2', 'u3'])
    expect(repo.asked).toEqual([])
  })
})
