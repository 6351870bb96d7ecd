// RepoService over the in-memory store and cache, called in process as --role=all does: users, friends,
// presence, events published without a data change, name rules and health (test/helpers/repo-service.ts).
import { describe, expect, it } from 'vitest'
import { MemoryBus } from '../../src/drivers/memory/bus.js'
import { MemoryCache } from '../../src/drivers/memory/cache.js'
import { MemoryStore } from '../../src/drivers/memory/store.js'
import { Presence } from '../../src/presence/presence.js'
import { startRepo } from './index.js'
import { api, cache, cfg, event, log, pending, rejectsWith, setUpRepo } from '../../test/helpers/repo-service.js'

describe('repo service', () => {
  setUpRepo()

  describe('users', () => {
    it('creates, finds and updates users; a taken username is username_taken', async () => {
      const alice = await api.CreateUser({
        username: 'alice',
        password_hash: 'scrypt$1',
        display_name: 'Alice',
        events: [event('t.users', 'alice')],
      })
      expect(alice).toMatchObject({ username: 'alice', display_name: 'Alice', guest: false, password_hash: 'scrypt$1' })
      expect(alice.user_id).toMatch(/^u_/)
      expect(await api.GetUser({ user_id: alice.user_id })).toEqual(alice)
      expect(await api.GetUser({ username: 'alice' })).toEqual(alice)
      await rejectsWith(api.CreateUser({ username: 'alice', password_hash: 'x' }), 'username_taken')
      await rejectsWith(api.GetUser({ user_id: 'u_nobody' }), 'not_found')
      await rejectsWith(api.GetUser({}), 'bad_request')
      await rejectsWith(api.CreateUser({ password_hash: 'x' }), 'bad_request')

      const guest = await api.CreateUser({ guest: true, display_name: 'Visitor' })
      expect(guest).toMatchObject({ username: '', guest: true, display_name: 'Visitor' })
      const renamed = await api.UpdateUser({
        user_id: guest.user_id,
        display_name: 'Renamed',
        events: [event('t.users', 'renamed')],
      })
      expect(renamed.display_name).toBe('Renamed')
      await rejectsWith(api.UpdateUser({ user_id: 'u_nobody', display_name: 'x' }), 'not_found')
      expect((await pending('t.users')).map((r) => r.key)).toEqual(['alice', 'renamed'])

      const bulk = await api.CreateUsers({ users: [{ username: 'b1' }, { username: 'b2' }] })
      expect(bulk.users.map((u) => u.username)).toEqual(['b1', 'b2'])
      await rejectsWith(api.CreateUsers({ users: [{ username: 'b3' }, { username: 'b1' }] }), 'username_taken')
      await rejectsWith(api.GetUser({ username: 'b3' }), 'not_found')
    })
  })

  describe('friends, presence, events', () => {
    it('creates and accepts friend requests', async () => {
      await api.CreateFriendRequest({ from_user_id: 'f1', to_user_id: 'f2', events: [event('t.friends', 'requested')] })
      await rejectsWith(api.CreateFriendRequest({ from_user_id: 'f1', to_user_id: 'f2' }), 'already_exists')
      await rejectsWith(api.CreateFriendRequest({ from_user_id: 'f1', to_user_id: 'f1' }), 'bad_request')
      await rejectsWith(api.AcceptFriendRequest({ from_user_id: 'f2', to_user_id: 'f1' }), 'not_found')
      await api.AcceptFriendRequest({ from_user_id: 'f1', to_user_id: 'f2', events: [event('t.friends', 'accepted')] })
      expect((await pending('t.friends')).map((r) => r.key)).toEqual(['requested', 'accepted'])
    })

    it('looks up presence registered by gateways', async () => {
      const presence = new Presence(cache, { ttlMs: 60_000 })
      await presence.register('p1', 'gw-1', 'c1')
      await presence.register('p1', 'gw-2', 'c2')
      await presence.register('p2', 'gw-2', 'c3')
      expect(await api.LookupPresence({ user_ids: ['p1', 'p2', 'p3', 'p1'] })).toEqual({
        presence: [
          { user_id: 'p1', gateway_ids: ['gw-1', 'gw-2'] },
          { user_id: 'p2', gateway_ids: ['gw-2'] },
          { user_id: 'p3', gateway_ids: [] },
        ],
      })
    })

    it('publishes events without a data change; a string value is base64, as over gRPC', async () => {
      await api.PublishEvents({
        events: [
          { topic: 't.pub', key: 'u1', value: Buffer.from('raw') },
          { topic: 't.pub', value: Buffer.from('hi').toString('base64') },
        ],
      })
      await api.PublishEvents({ events: [] })
      const rows = await pending('t.pub')
      expect(rows.map((r) => [r.key, r.value.toString(), r.headers])).toEqual([
        ['u1', 'raw', {}],
        [null, 'hi', {}],
      ])
      await rejectsWith(api.PublishEvents({ events: [{ topic: '', value: Buffer.from('x') }] }), 'bad_request')
    })
  })

  it('checks the name rules itself: invisible characters refused in usernames, stripped from display names', async () => {
    await rejectsWith(api.CreateUser({ username: 'ab\u200Bc', password_hash: 'x' }), 'invalid_name')
    await rejectsWith(api.CreateUser({ username: 'abc\u202E', password_hash: 'x' }), 'invalid_name')
    await rejectsWith(api.CreateUser({ guest: true, display_name: '\u200B\u2066' }), 'invalid_name')
    const u = await api.CreateUser({ username: `n${Date.now()}`, display_name: ' A\u202Enn ', password_hash: 'x' })
    expect(u).toMatchObject({ display_name: 'Ann', discoverable: false })
    await rejectsWith(api.CreateUser({ username: u.username.toUpperCase(), password_hash: 'x' }), 'username_taken')
    // one field at a time; a blank name is no name
    expect(await api.UpdateUser({ user_id: u.user_id, discoverable: true })).toMatchObject({
      display_name: 'Ann',
      discoverable: true,
    })
    await rejectsWith(api.UpdateUser({ user_id: u.user_id, display_name: '\u200B' }), 'invalid_name')
    await rejectsWith(api.UpdateUser({ user_id: u.user_id }), 'bad_request')
    expect(await api.GetUser({ user_id: u.user_id })).toMatchObject({ display_name: 'Ann', discoverable: true })
  })

  it('reports health, and refuses calls once stopping', async () => {
    const other = await startRepo({
      cfg,
      bus: new MemoryBus({ defaultPartitions: 1 }),
      log,
      store: new MemoryStore(),
      cache: new MemoryCache(),
      relay: { start: false },
    })
    // a relay that was never started is a standby, and ready
    expect(await other.role.health()).toEqual({
      status: 'ok',
      checks: { store: { ok: true }, cache: { ok: true }, bus: { ok: true }, outbox_relay: { ok: true } },
    })
    await other.role.stop()
    await rejectsWith(other.api.GetUser({ user_id: 'x' }), 'unavailable')
  })
})
