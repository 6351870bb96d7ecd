// pushable(): no push to users who muted the conversation nor to erased users (user-wide revocation, `gochat users
// erase`); null when nobody is left.
import { describe, expect, it } from 'vitest'
import type { OfflinePush } from '../../../src/contracts/payloads.js'
import type { RepoApi } from '../../../src/rpc/api.js'
import { pushable } from './worker.js'

const push: OfflinePush = {
  pushId: 'p1',
  userIds: ['alice', 'bob', 'carol'],
  conversationId: 'c1',
  messageId: 'm1',
  seq: 1,
  senderId: 'dave',
  preview: 'hi',
  sentAt: 0,
}

function repo(muted: string[], revoked: string[]) {
  return {
    MutedAmong: async ({ user_ids }: { user_ids: string[] }) => ({
      user_ids: user_ids.filter((u) => muted.includes(u)),
    }),
    CheckRevoked: async ({ jtis }: { jtis: string[] }) => ({ revoked_jtis: jtis.filter((j) => revoked.includes(j)) }),
  } as unknown as Pick<RepoApi, 'MutedAmong' | 'CheckRevoked'>
}

describe('pushable', () => {
  it('keeps the push as it is when nobody muted it or was erased', async () => {
    expect(await pushable(repo([], []), push)).toBe(push)
  })

  it('drops the muted and the erased', async () => {
    expect((await pushable(repo(['bob'], ['user:alice']), push))?.userIds).toEqual(['carol'])
  })

  it("ignores a revocation of one token (a logout): only the user's whole revocation stops their pushes", async () => {
    expect((await pushable(repo([], ['alice', 'some-jti']), push))?.userIds).toEqual(['alice', 'bob', 'carol'])
  })

  it('a mention wins over a mute (muting is not even asked), never over an erase', async () => {
    const mentioned = { ...push, mentioned: true }
    expect((await pushable(repo(['alice', 'bob', 'carol'], []), mentioned))?.userIds).toEqual(['alice', 'bob', 'carol'])
    expect((await pushable(repo(['bob'], ['user:alice']), mentioned))?.userIds).toEqual(['bob', 'carol'])
  })

  it('is null when nobody is left', async () => {
    expect(await pushable(repo(['bob'], ['user:alice', 'user:carol']), push)).toBeNull()
  })
})
