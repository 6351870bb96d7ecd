// The authorization rules of logic for accounts and friends, and the events it hands to repo, against the real
// repo service on the in-memory store and cache (test/helpers/logic-authorization.ts).
import { describe, expect, it } from 'vitest'
import type { RepoApi } from '../../src/rpc/api.js'
import { createBulkUsers } from './bulk-users.js'
import {
  calls,
  cfg,
  eventsOf,
  logic,
  setUpLogic,
  t,
  tokens,
  uniq,
  user,
} from '../../test/helpers/logic-authorization.js'

setUpLogic()

describe('accounts', () => {
  it('registers, logs in, refuses wrong passwords and taken usernames', async () => {
    const username = `u${uniq()}`
    const reg = await logic.Register({ username, password: 'secret-pass', display_name: 'Ann' })
    expect((await tokens.verify(reg.token)).userId).toBe(reg.user_id)
    expect((await logic.Login({ username, password: 'secret-pass' })).user_id).toBe(reg.user_id)
    await expect(logic.Login({ username, password: 'secret-pasS' })).rejects.toMatchObject({
      code: 'invalid_credentials',
    })
    await expect(logic.Login({ username: 'nobody-here', password: 'secret-pass' })).rejects.toMatchObject({
      code: 'invalid_credentials',
    })
    await expect(logic.Register({ username, password: 'other-pass' })).rejects.toMatchObject({ code: 'username_taken' })
    await expect(logic.Register({ username: 'x', password: 'secret-pass' })).rejects.toMatchObject({
      code: 'bad_request',
    })
    await expect(logic.Register({ username: `u${uniq()}`, password: '123' })).rejects.toMatchObject({
      code: 'bad_request',
    })
    expect(await logic.GetMe({ user_id: reg.user_id })).toEqual({
      user_id: reg.user_id,
      username,
      display_name: 'Ann',
      guest: false,
      discoverable: false,
    })
    // one name whatever its case: taken for registration, found at login
    await expect(logic.Register({ username: username.toUpperCase(), password: 'secret-pass' })).rejects.toMatchObject({
      code: 'username_taken',
    })
    expect((await logic.Login({ username: username.toUpperCase(), password: 'secret-pass' })).user_id).toBe(reg.user_id)
  })

  it('creates guests, which cannot log in with a password', async () => {
    const g = await logic.Guest({})
    const me = await logic.GetMe({ user_id: g.user_id })
    expect(me).toMatchObject({ guest: true, username: '' })
    expect(me.display_name).toMatch(/^guest-/)
    expect((await logic.VerifyToken({ token: g.token })).user_id).toBe(g.user_id)
    await expect(logic.VerifyToken({ token: `${g.token}x` })).rejects.toMatchObject({ code: 'invalid_token' })
  })

  it('updates the display name with a user.profile.updated event keyed by user', async () => {
    const u = await user()
    expect(await logic.UpdateMe({ user_id: u, display_name: '  New Name ' })).toMatchObject({
      display_name: 'New Name',
    })
    expect(eventsOf('UpdateUser')).toEqual([
      {
        topic: t.userEvents,
        key: u,
        event: expect.objectContaining({
          event_type: 'user.profile.updated',
          user_id: u,
          payload: { display_name: 'New Name' },
        }),
      },
    ])
  })

  it('creates users in bulk with tokens, for the admin secret only', async () => {
    await expect(logic.BulkCreateUsers({ admin_secret: 'wrong', count: 3 })).rejects.toMatchObject({
      code: 'forbidden',
    })
    // the token-signing key is not the admin secret
    await expect(logic.BulkCreateUsers({ admin_secret: cfg.jwt_secret, count: 3 })).rejects.toMatchObject({
      code: 'forbidden',
    })
    await expect(logic.BulkCreateUsers({ admin_secret: cfg.admin_secret!, count: 0 })).rejects.toMatchObject({
      code: 'bad_request',
    })
    await expect(logic.BulkCreateUsers({ admin_secret: cfg.admin_secret!, count: 10_001 })).rejects.toMatchObject({
      code: 'bad_request',
      message: 'count must be 1 to 10000',
    })
    const off = createBulkUsers({ repo: {} as RepoApi, topics: t }, tokens, null)
    await expect(off.BulkCreateUsers({ admin_secret: '', count: 1 })).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('off'),
    })
    const { users } = await logic.BulkCreateUsers({ admin_secret: cfg.admin_secret!, count: 2500, name_prefix: 'load' })
    expect(users).toHaveLength(2500)
    expect(new Set(users.map((u) => u.user_id)).size).toBe(2500)
    expect(calls.filter((c) => c.method === 'CreateUsers').length).toBeGreaterThanOrEqual(3)
    expect((await tokens.verify(users[2499]!.token)).userId).toBe(users[2499]!.user_id)
    expect((await logic.GetMe({ user_id: users[0]!.user_id })).username).toMatch(/^load-/)
  })
})

describe('friends', () => {
  it('notifies the addressee of a request and the requester of the acceptance', async () => {
    const [a, b] = [await user(), await user()]
    await expect(logic.RequestFriend({ user_id: a, peer_user_id: a })).rejects.toMatchObject({ code: 'bad_request' })
    await expect(logic.AcceptFriend({ user_id: b, peer_user_id: a })).rejects.toMatchObject({ code: 'not_found' })
    await logic.RequestFriend({ user_id: a, peer_user_id: b })
    expect(eventsOf('CreateFriendRequest')).toEqual([
      {
        topic: t.notifications,
        key: b,
        event: expect.objectContaining({
          event_type: 'friend.requested',
          target_user_id: b,
          payload: expect.objectContaining({ from_user_id: a }),
        }),
      },
    ])
    await logic.AcceptFriend({ user_id: b, peer_user_id: a })
    expect(eventsOf('AcceptFriendRequest')).toEqual([
      {
        topic: t.notifications,
        key: a,
        event: expect.objectContaining({
          event_type: 'friend.accepted',
          target_user_id: a,
          payload: expect.objectContaining({ user_id: b }),
        }),
      },
    ])
  })
})
