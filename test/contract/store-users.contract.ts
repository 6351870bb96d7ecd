// The store contract, users and friend requests: run on every driver by store.contract.ts (one store per driver, shared by
// the cases, so each uses ids and outbox topics of its own).
import { randomUUID } from 'node:crypto'
import { expect, it } from 'vitest'
import type { Store, UserRow } from '../../src/ports/store.js'
import { uid, record, now, rejectsWith, storeHelpers } from './store-suite.js'

/** users; `store`: the suite's store (opened before the cases run) */
export function userCases(store: Store): void {
  const { pendingOf, user, group } = storeHelpers(store)
  it('inserts, finds by id and username, updates the display name with its outbox rows', async () => {
    const topic = uid('t')
    const u = user()
    await store.insertUsers([u], [record(topic, 1)])
    expect(await store.getUser({ userId: u.userId })).toEqual(u)
    expect(await store.getUser({ username: u.username! })).toEqual(u)
    expect(await store.getUser({ userId: 'nobody' })).toBeNull()
    expect(await store.updateUser(u.userId, { displayName: 'Renamed' }, [record(topic, 2)])).toEqual({
      ...u,
      displayName: 'Renamed',
    })
    // one field at a time: the other stays
    expect(await store.updateUser(u.userId, { discoverable: true }, [])).toEqual({
      ...u,
      displayName: 'Renamed',
      discoverable: true,
    })
    expect(await store.getUser({ userId: u.userId })).toMatchObject({ displayName: 'Renamed', discoverable: true })
    expect(await store.updateUser('nobody', { displayName: 'X' }, [record(topic, 3)])).toBeNull()
    expect((await pendingOf(topic)).map((r) => r.key)).toEqual(['k1', 'k2'])
  })

  it('tells which ids name users, exactly and across chunks', async () => {
    const users = Array.from({ length: 1_200 }, () => user({ username: null, guest: true }))
    await store.insertUsers(users, [])
    const asked = [...users.map((u) => u.userId), 'nobody', `${users[0]!.userId} `, users[1]!.userId]
    expect([...(await store.existingUserIds(asked))].sort()).toEqual(users.map((u) => u.userId).sort())
    expect(await store.existingUserIds([])).toEqual(new Set())
  })

  it('gets users by id in id order, skipping unknown ids', async () => {
    const [a, b] = [user(), user({ username: null, guest: true })]
    await store.insertUsers([a, b], [])
    expect(await store.getUsers([b.userId, 'nobody', a.userId, b.userId])).toEqual(
      [a, b].sort((x, y) => (x.userId < y.userId ? -1 : 1)),
    )
    expect(await store.getUsers([])).toEqual([])
  })

  it('searches users by username or display-name prefix, case-insensitively, paged by user id', async () => {
    const tag = `Zq${randomUUID().slice(0, 8)}`
    const users = [
      user({ username: `${tag.toLowerCase()}-ann`, displayName: 'Ann' }),
      user({ username: null, guest: true, displayName: `${tag} Bob` }),
      user({ username: `x${tag}`, displayName: `${tag.toUpperCase()}_cy` }),
      user({ username: `x${tag}`.replace('x', 'y'), displayName: `not ${tag}` }), // neither starts with the tag
    ]
    await store.insertUsers(users, [])
    const hits = users
      .slice(0, 3)
      .map((u) => u.userId)
      .sort()
    const search = (prefix: string, afterUserId: string, limit: number) =>
      store.searchUsers({ prefix, afterUserId, limit })
    expect((await search(tag, '', 10)).map((u) => u.userId)).toEqual(hits)
    const first = await search(tag.toUpperCase(), '', 2)
    expect(first.map((u) => u.userId)).toEqual(hits.slice(0, 2))
    expect((await search(tag, first[1]!.userId, 2)).map((u) => u.userId)).toEqual(hits.slice(2))
    // LIKE's wildcards are plain characters in a prefix
    expect(await search(`${tag.slice(0, 4)}%`, '', 10)).toEqual([])
    expect(await search(`${tag.slice(0, 4)}_`, '', 10)).toEqual([])
  })

  it('scopes a search to contacts, the discoverable, and the one exact normalized username', async () => {
    const tag = `Sc${randomUUID().slice(0, 8)}`
    const [me, contact, stranger, shy, open] = ['me', 'contact', 'stranger', 'shy', 'open'].map((n) =>
      user({ username: `${tag}-${n}`, displayName: `${tag} ${n}`, discoverable: n === 'open' }),
    ) as [UserRow, UserRow, UserRow, UserRow, UserRow]
    await store.insertUsers([me, contact, stranger, shy, open], [])
    // the caller is found before sharing any conversation
    expect(
      (
        await store.searchUsers({
          prefix: tag,
          afterUserId: '',
          limit: 10,
          scope: { contactsOf: me.userId, discoverable: false, exactUsername: null },
        })
      ).map((u) => u.userId),
    ).toEqual([me.userId])
    await group([me.userId, contact.userId])
    const ids = (rows: UserRow[]) => rows.map((u) => u.userId)
    const sorted = (...us: UserRow[]) => us.map((u) => u.userId).sort()
    const find = (prefix: string, scope: { discoverable: boolean; exactUsername: string | null }, after = '') =>
      store.searchUsers({ prefix, afterUserId: after, limit: 10, scope: { contactsOf: me.userId, ...scope } })
    // contacts: the caller and whoever shares a conversation with them, by prefix
    expect(ids(await find(tag, { discoverable: false, exactUsername: null }))).toEqual(sorted(me, contact))
    // plus the discoverable
    expect(ids(await find(tag, { discoverable: true, exactUsername: null }))).toEqual(sorted(me, contact, open))
    // plus the exact username, normalized, whatever the prefix
    const exact = `${tag}-stranger`.toLowerCase()
    expect(ids(await find(tag.toUpperCase(), { discoverable: true, exactUsername: exact }))).toEqual(
      sorted(me, contact, open, stranger),
    )
    expect(ids(await find('zz', { discoverable: false, exactUsername: exact }))).toEqual([stranger.userId])
    expect(ids(await find('zz', { discoverable: false, exactUsername: exact }, stranger.userId))).toEqual([])
    // a prefix of a username is no exact username
    expect(ids(await find('zz', { discoverable: true, exactUsername: exact.slice(0, -1) }))).toEqual([])
    // paged by user id, the exact match included
    const all = sorted(me, contact, open, stranger)
    const page = await store.searchUsers({
      prefix: tag,
      afterUserId: all[1]!,
      limit: 10,
      scope: { contactsOf: me.userId, discoverable: true, exactUsername: exact },
    })
    expect(ids(page)).toEqual(all.slice(2))
  })

  it('holds usernames unique once normalized (NFKC, case) and finds them by that form', async () => {
    const base = `nm${randomUUID().slice(0, 8)}`
    const alice = user({ username: `${base}Alice` })
    await store.insertUsers([alice], [])
    for (const lookAlike of [`${base}alice`, `${base}ALICE`, `${base}ａｌｉｃｅ`.normalize('NFKD')])
      await rejectsWith(store.insertUsers([user({ username: lookAlike })], []), 'username_taken')
    // full-width letters fold to ASCII under NFKC
    await rejectsWith(store.insertUsers([user({ username: `${base}ＡＬＩＣＥ` })], []), 'username_taken')
    // twice in one batch
    await rejectsWith(
      store.insertUsers([user({ username: `${base}Bob` }), user({ username: `${base}bob` })], []),
      'username_taken',
    )
    expect(await store.getUser({ username: `${base}bob` })).toBeNull()
    // login's lookup: the exact name, or any form of it
    for (const asked of [`${base}Alice`, `${base}alice`, `${base}ALİCE`.replace('İ', 'I'), `${base}ａｌｉｃｅ`])
      expect((await store.getUser({ username: asked }))?.userId, asked).toBe(alice.userId)
    expect(await store.getUser({ username: `${base}alic` })).toBeNull()
  })

  it('stores guests without a username', async () => {
    const g = user({ username: null, guest: true })
    const h = user({ username: null, guest: true })
    await store.insertUsers([g, h], [])
    expect(await store.getUser({ userId: g.userId })).toEqual(g)
  })

  it('refuses a taken username with username_taken, writing none of the batch', async () => {
    const topic = uid('t')
    const taken = user()
    await store.insertUsers([taken], [])
    const fresh = user()
    await rejectsWith(store.insertUsers([fresh, user({ username: taken.username })], [record(topic)]), 'username_taken')
    await rejectsWith(store.insertUsers([fresh, user({ username: fresh.username })], [record(topic)]), 'username_taken')
    expect(await store.getUser({ userId: fresh.userId })).toBeNull()
    expect(await pendingOf(topic)).toEqual([])
  })
}

/** friend requests; `store`: the suite's store (opened before the cases run) */
export function friendRequestCases(store: Store): void {
  const { pendingOf } = storeHelpers(store)
  it('creates once, accepts a pending request, refuses the rest', async () => {
    const [a, b, c] = [uid('u'), uid('u'), uid('u')]
    const topic = uid('t')
    await store.createFriendRequest(a, b, now, [record(topic, 1)])
    await rejectsWith(store.createFriendRequest(a, b, now, [record(topic, 2)]), 'already_exists')
    await rejectsWith(store.acceptFriendRequest(b, a, now, [record(topic, 3)]), 'not_found')
    await store.acceptFriendRequest(a, b, now, [record(topic, 4)])
    await rejectsWith(store.acceptFriendRequest(a, b, now, [record(topic, 5)]), 'not_found')
    // friends already, either way round
    await rejectsWith(store.createFriendRequest(b, a, now, [record(topic, 6)]), 'already_exists')
    await store.createFriendRequest(c, a, now, [])
    expect((await pendingOf(topic)).map((x) => x.key)).toEqual(['k1', 'k4'])
  })
}
