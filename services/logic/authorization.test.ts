// The authorization rules of logic and the events it hands to repo, against the real repo service on the
// in-memory store and cache. A recording proxy in front of repo shows exactly what logic asked repo to commit.
import { beforeAll, describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { configKeys, type GochatConfig } from '../../src/config/index.js'
import type { EventEnvelope } from '../../src/contracts/events.js'
import type { OutboxEvent } from '../../src/contracts/generated/gochat/repo/v1/OutboxEvent.js'
import { topics } from '../../src/contracts/topics.js'
import { MemoryBus } from '../../src/drivers/memory/bus.js'
import { MemoryCache } from '../../src/drivers/memory/cache.js'
import { MemoryStore } from '../../src/drivers/memory/store.js'
import { createLogger } from '../../src/observability/log.js'
import type { LogicApi, RepoApi } from '../../src/rpc/api.js'
import { startRepo } from '../repo/index.js'
import { createAuth } from './auth.js'
import { createBulkUsers } from './bulk-users.js'
import { createConversations } from './conversations.js'
import { createRetention } from './retention.js'
import type { LogicDeps } from './deps.js'
import { createFriends } from './friends.js'
import { createGroupAdder } from './group-adds.js'
import { createModeration } from './moderation.js'
import { createInvitations } from './invitations.js'
import { createMessages, RECALL_WINDOW_MS, SYNC_MAX_PAGE } from './messages.js'
import { createLoginThrottle } from './login-throttle.js'
import { HashSlots } from './passwords.js'
import { createTokens } from '../../src/auth/tokens.js'
import { createTyping } from './typing.js'
import { createUsers } from './users.js'
import { createUploads } from './uploads.js'
import { testBlobs } from '../../test/helpers/blobs.js'

const defaults = Object.fromEntries(Object.entries(configKeys).map(([k, v]) => [k, v.default])) as GochatConfig
const cfg: GochatConfig = { ...defaults, max_frame_bytes: 1024, admin_secret: 'test-admin-secret-0123' }
const t = topics(cfg)

interface Call {
  method: string
  req: { events?: OutboxEvent[] } & Record<string, unknown>
  res: Promise<unknown>
}

let calls: Call[] = []
let logic: LogicApi
/** the same logic with small add limits (group_adds_per_call 3, group_adds_per_day 5), and with group_adds=direct */
let limited: Pick<LogicApi, 'CreateGroup' | 'AddGroupMembers'>
let directAdds: Pick<LogicApi, 'CreateGroup'>
let messages: ReturnType<typeof createMessages>
let clock = Date.now()
const tokens = createTokens({ secret: cfg.jwt_secret, ttlSeconds: 60 })

beforeAll(async () => {
  const bus = new MemoryBus({ defaultPartitions: 1 })
  const cache = new MemoryCache()
  const { api } = await startRepo({ cfg, bus, log: createLogger(), store: new MemoryStore(), cache })
  const recorded = new Proxy(api, {
    get: (target, method: string) => (req: Call['req']) => {
      const res = (target[method as keyof RepoApi] as (r: unknown) => Promise<unknown>)(req)
      calls.push({ method, req, res })
      return res
    },
  })
  const deps: LogicDeps = { repo: recorded, topics: t }
  const m = createMessages(deps, {
    maxContentBytes: cfg.max_frame_bytes,
    editWindowMs: cfg.message_edit_window_seconds * 1000,
    nowMs: () => clock,
  })
  messages = m
  logic = {
    ...createAuth(deps, tokens, {
      throttle: createLoginThrottle({ cache, maxFailures: 10, lockoutSeconds: 60 }),
      hashing: new HashSlots(2, 100),
      cache,
    }),
    ...createConversations(deps, createGroupAdder(deps, cache, cfg)),
    ...createInvitations(deps),
    ...createModeration(deps, () => clock),
    ...createUsers(deps, 'exact'),
    ...createTyping(deps),
    ...createFriends(deps),
    ...createBulkUsers(deps, tokens, cfg.admin_secret),
    ...createUploads({ repo: recorded, blobs: testBlobs() }, cfg),
    ...createRetention(deps, 0),
  }
  limited = createConversations(
    deps,
    createGroupAdder(deps, cache, { ...cfg, group_adds_per_call: 3, group_adds_per_day: 5 }),
  )
  directAdds = createConversations(deps, createGroupAdder(deps, cache, { ...cfg, group_adds: 'direct' }))
})

const uniq = () => randomUUID().slice(0, 8)
const user = async () => (await logic.Register({ username: `u${uniq()}`, password: 'secret-pass' })).user_id

/** the events logic handed to repo with one call, decoded */
function eventsOf(method: string): Array<{ topic: string; key: string; event: EventEnvelope }> {
  const call = calls.filter((c) => c.method === method).at(-1)
  return (call?.req.events ?? []).map((e) => ({
    topic: e.topic!,
    key: e.key!,
    event: JSON.parse(Buffer.from(e.value as Buffer).toString()) as EventEnvelope,
  }))
}

async function direct() {
  const [a, b] = [await user(), await user()]
  const { conversation_id } = await logic.CreateDirect({ user_id: a, peer_user_id: b })
  return { a, b, conv: conversation_id }
}

/** a group of strangers: each is invited and accepts */
async function group(memberCount = 2) {
  const admin = await user()
  const members = await Promise.all(Array.from({ length: memberCount }, user))
  const { conversation_id } = await logic.CreateGroup({ user_id: admin, name: 'team', member_ids: members })
  for (const m of members) {
    await logic.AcceptInvitation({ user_id: m, conversation_id })
    await new Promise((resolve) => setTimeout(resolve, 2)) // joined in this order (the oldest is promoted)
  }
  return { admin, members, conv: conversation_id }
}

const send = (conv: string, from: string, content = 'hi', key = uniq()) =>
  messages.SendMessage({ conversation_id: conv, sender_user_id: from, content, idempotency_key: key })

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

describe('conversations', () => {
  it('gives a pair the same direct conversation from either side', async () => {
    const { a, b, conv } = await direct()
    const again = await logic.CreateDirect({ user_id: b, peer_user_id: a })
    expect(again).toEqual({ conversation_id: conv, created: false })
  })

  it('refuses a direct conversation with yourself or an unknown user', async () => {
    const a = await user()
    await expect(logic.CreateDirect({ user_id: a, peer_user_id: a })).rejects.toMatchObject({ code: 'bad_request' })
    await expect(logic.CreateDirect({ user_id: a, peer_user_id: 'u_nobody' })).rejects.toMatchObject({
      code: 'not_found',
    })
  })

  it('invites strangers with group.invitation.created: members only once they accept', async () => {
    const admin = await user()
    const members = [await user(), await user()]
    const created = await logic.CreateGroup({ user_id: admin, name: 'team', member_ids: members })
    const conv = created.conversation_id
    expect(created).toMatchObject({ added_user_ids: [], invited_user_ids: members })
    const invited = eventsOf('InviteMembers')
    expect(invited.map((e) => e.key).sort()).toEqual([...members].sort())
    for (const e of invited) {
      expect(e.topic).toBe(t.notifications)
      expect(e.event).toMatchObject({
        event_type: 'group.invitation.created',
        target_user_id: e.key,
        payload: { conversation_id: conv, name: 'team', inviter_id: admin },
      })
    }
    // invited is not a member: no conversation, no send
    expect((await logic.ListConversations({ user_id: members[0]! })).conversations).toEqual([])
    await expect(send(conv, members[0]!)).rejects.toMatchObject({ code: 'not_member' })
    expect((await logic.ListInvitations({ user_id: members[0]! })).invitations).toEqual([
      expect.objectContaining({ conversation_id: conv, name: 'team', inviter_id: admin }),
    ])

    await logic.AcceptInvitation({ user_id: members[0]!, conversation_id: conv })
    expect(eventsOf('AcceptInvitation').map((e) => [e.key, e.event.event_type, e.event.payload])).toEqual([
      [admin, 'group.invitation.accepted', { conversation_id: conv, name: 'team', user_id: members[0] }],
    ])
    const list = await logic.ListConversations({ user_id: members[0]! })
    expect(list.conversations).toContainEqual(
      expect.objectContaining({
        conversation_id: conv,
        kind: 'group',
        name: 'team',
        last_seq: 0,
        read_seq: 0,
        role: 'member',
        announcement: '',
        peer_user_id: '',
      }),
    )
    expect((await send(conv, members[0]!)).message?.seq).toBe(1)
    expect((await logic.ListInvitations({ user_id: members[0]! })).invitations).toEqual([])
    await expect(logic.AcceptInvitation({ user_id: members[0]!, conversation_id: conv })).rejects.toMatchObject({
      code: 'not_found',
    })

    await logic.DeclineInvitation({ user_id: members[1]!, conversation_id: conv })
    expect(eventsOf('DeclineInvitation').map((e) => [e.key, e.event.event_type])).toEqual([
      [admin, 'group.invitation.declined'],
    ])
    await expect(send(conv, members[1]!)).rejects.toMatchObject({ code: 'not_member' })
    await expect(logic.AcceptInvitation({ user_id: members[1]!, conversation_id: conv })).rejects.toMatchObject({
      code: 'not_found',
    })
  })

  it('adds people who share a conversation with the adder, and everyone under group_adds=direct', async () => {
    const admin = await user()
    const [contact, stranger] = [await user(), await user()]
    await logic.CreateDirect({ user_id: admin, peer_user_id: contact })
    const res = await logic.CreateGroup({ user_id: admin, name: 'mixed', member_ids: [contact, stranger] })
    expect(res).toMatchObject({ added_user_ids: [contact], invited_user_ids: [stranger] })
    expect(eventsOf('AddMembers').map((e) => [e.key, e.event.event_type])).toEqual([[contact, 'group.invited']])
    expect(
      (await logic.ListGroupMembers({ user_id: admin, conversation_id: res.conversation_id })).members,
    ).toHaveLength(2)

    const open = await directAdds.CreateGroup({ user_id: admin, name: 'open', member_ids: [stranger] })
    expect(open).toMatchObject({ added_user_ids: [stranger], invited_user_ids: [] })
  })

  it('limits adds per call and per day for non-admins, changing nothing when it refuses; the admin secret is not limited', async () => {
    const admin = await user()
    const people = await Promise.all(Array.from({ length: 6 }, user))
    calls = []
    await expect(
      limited.CreateGroup({ user_id: admin, name: 'big', member_ids: people.slice(0, 4) }),
    ).rejects.toMatchObject({ code: 'too_large' })
    expect(calls.filter((c) => c.method === 'CreateGroup')).toEqual([])
    const { conversation_id } = await limited.CreateGroup({
      user_id: admin,
      name: 'ok',
      member_ids: people.slice(0, 3),
    })
    await limited.AddGroupMembers({ user_id: admin, conversation_id, user_ids: people.slice(3, 5) })
    // 5 of 5 used today: one more is refused, and invites nobody
    calls = []
    await expect(
      limited.AddGroupMembers({ user_id: admin, conversation_id, user_ids: [people[5]!] }),
    ).rejects.toMatchObject({ code: 'rate_limited' })
    await expect(
      limited.CreateGroup({ user_id: admin, name: 'again', member_ids: [people[5]!] }),
    ).rejects.toMatchObject({
      code: 'rate_limited',
    })
    expect(calls.filter((c) => ['CreateGroup', 'AddMembers', 'InviteMembers'].includes(c.method))).toEqual([])
    // the refused ones took nothing from the budget of another user; a group without others is no add
    await limited.CreateGroup({ user_id: admin, name: 'alone', member_ids: [] })
    await limited.CreateGroup({ user_id: people[0]!, name: 'theirs', member_ids: [people[5]!] })
    // the deployment's admin secret adds directly, unlimited; a wrong one is refused
    const res = await limited.AddGroupMembers({
      user_id: admin,
      conversation_id,
      user_ids: [people[5]!],
      admin_secret: cfg.admin_secret!,
    })
    expect(res).toEqual({ added_user_ids: [people[5]], invited_user_ids: [] })
    await expect(
      limited.AddGroupMembers({
        user_id: admin,
        conversation_id,
        user_ids: [people[5]!],
        admin_secret: 'wrong-secret',
      }),
    ).rejects.toMatchObject({ code: 'forbidden' })
  })

  it('promotes the oldest member when the last admin leaves, with group.admin.promoted', async () => {
    const { admin, members, conv } = await group(3)
    await logic.RemoveGroupMember({ user_id: admin, conversation_id: conv, member_id: admin })
    const [promoted] = eventsOf('RemoveMember')
    expect(promoted).toMatchObject({
      topic: t.messageEvents,
      key: conv,
      event: {
        event_type: 'group.admin.promoted',
        conversation_id: conv,
        operator_id: admin,
        payload: { user_id: members[0], previous_admin_id: admin },
      },
    })
    const roles = await logic.ListGroupMembers({ user_id: members[0]!, conversation_id: conv })
    expect(roles.members.find((m) => m.user_id === members[0])?.role).toBe('admin')
    // the new admin can add; a member leaving promotes nobody
    await logic.RemoveGroupMember({ user_id: members[1]!, conversation_id: conv, member_id: members[1]! })
    expect(eventsOf('RemoveMember')).toEqual([])
    // an admin who is not the last one leaves without promotion
    await logic.AddGroupMembers({ user_id: members[0]!, conversation_id: conv, user_ids: [members[2]!] })
  })

  it('a validly signed token of a user that does not exist creates no conversation and sends nothing', async () => {
    const a = await user()
    const ghost = 'u_ghost' + uniq()
    await expect(logic.CreateDirect({ user_id: ghost, peer_user_id: a })).rejects.toMatchObject({ code: 'not_found' })
    await expect(logic.CreateGroup({ user_id: ghost, name: 'g', member_ids: [a] })).rejects.toMatchObject({
      code: 'not_found',
    })
    await expect(logic.CreateGroup({ user_id: ghost, name: 'g', member_ids: [] })).rejects.toMatchObject({
      code: 'not_found',
    })
    expect((await logic.ListConversations({ user_id: a })).conversations).toEqual([])
    const { conversation_id } = await logic.CreateDirect({ user_id: a, peer_user_id: await user() })
    await expect(send(conversation_id, ghost)).rejects.toMatchObject({ code: 'not_member' })
  })

  it('logout revokes that token only, everywhere the cache is shared; twice is fine', async () => {
    const username = `u${uniq()}`
    const { token } = await logic.Register({ username, password: 'secret-pass' })
    const other = (await logic.Login({ username, password: 'secret-pass' })).token
    expect((await logic.VerifyToken({ token })).user_id).toMatch(/^u_/)
    await logic.Logout({ token })
    await expect(logic.VerifyToken({ token })).rejects.toMatchObject({ code: 'invalid_token' })
    await logic.Logout({ token })
    expect((await logic.VerifyToken({ token: other })).user_id).toMatch(/^u_/)
    await expect(logic.Logout({ token: 'not-a-token' })).rejects.toMatchObject({ code: 'invalid_token' })
  })

  it('refuses groups with unknown members', async () => {
    const a = await user()
    await expect(logic.CreateGroup({ user_id: a, name: 'x', member_ids: ['u_nobody'] })).rejects.toMatchObject({
      code: 'not_found',
    })
    await expect(logic.CreateGroup({ user_id: a, name: '  ', member_ids: [] })).rejects.toMatchObject({
      code: 'bad_request',
    })
  })

  it('checks new members with one FindUsers call a thousand, and names an unknown one', async () => {
    const { users } = await logic.BulkCreateUsers({ admin_secret: cfg.admin_secret!, count: 1500, name_prefix: 'many' })
    const ids = users.map((u) => u.user_id)
    const admin = await user()
    calls = []
    // more than group_adds_per_call: the admin path (benchmarks), which adds everyone directly
    const { conversation_id } = await logic.CreateGroup({
      user_id: admin,
      name: 'crowd',
      member_ids: ids,
      admin_secret: cfg.admin_secret!,
    })
    expect(calls.filter((c) => c.method === 'FindUsers').map((c) => (c.req.user_ids as string[]).length)).toEqual([
      1000, 501,
    ]) // the creator is checked in the same calls
    expect(calls.filter((c) => c.method === 'GetUser')).toEqual([])
    calls = []
    await expect(
      logic.AddGroupMembers({ user_id: admin, conversation_id, user_ids: [ids[0]!, 'u_nobody'] }),
    ).rejects.toMatchObject({ code: 'not_found', message: 'no such user: u_nobody' })
    expect(calls.filter((c) => c.method === 'AddMembers')).toEqual([])
  })

  it('lets only admins add members, and invites only those not yet in', async () => {
    const { admin, members, conv } = await group(1)
    const [newbie, outsider] = [await user(), await user()]
    await logic.CreateDirect({ user_id: admin, peer_user_id: newbie }) // a contact: added, not invited
    calls = []
    await expect(
      logic.AddGroupMembers({ user_id: members[0], conversation_id: conv, user_ids: [newbie] }),
    ).rejects.toMatchObject({ code: 'not_admin' })
    await expect(
      logic.AddGroupMembers({ user_id: outsider, conversation_id: conv, user_ids: [newbie] }),
    ).rejects.toMatchObject({ code: 'not_member' })
    expect(calls.filter((c) => c.method === 'AddMembers')).toHaveLength(0)
    await logic.AddGroupMembers({ user_id: admin, conversation_id: conv, user_ids: [newbie, members[0]!] })
    // logic hands repo an invitation per requested user; repo's transaction adds (and invites) only the newcomer
    const add = calls.find((c) => c.method === 'AddMembers')!
    expect(eventsOf('AddMembers').map((e) => [e.topic, e.key, e.event.event_type])).toEqual(
      [newbie, members[0]].map((u) => [t.notifications, u, 'group.invited']),
    )
    expect(await add.res).toEqual({ added_user_ids: [newbie] })
  })

  it('refuses group operations on a direct conversation', async () => {
    const { a, conv } = await direct()
    await expect(
      logic.AddGroupMembers({ user_id: a, conversation_id: conv, user_ids: [await user()] }),
    ).rejects.toMatchObject({ code: 'bad_request' })
  })

  it('lets admins remove anyone and members only themselves', async () => {
    const { admin, members, conv } = await group(3)
    const [m1, m2, m3] = members as [string, string, string]
    await expect(logic.RemoveGroupMember({ user_id: m1, conversation_id: conv, member_id: m2 })).rejects.toMatchObject({
      code: 'not_admin',
    })
    await logic.RemoveGroupMember({ user_id: m1, conversation_id: conv, member_id: m1 })
    await logic.RemoveGroupMember({ user_id: admin, conversation_id: conv, member_id: m2 })
    await expect(
      logic.RemoveGroupMember({ user_id: admin, conversation_id: conv, member_id: m2 }),
    ).rejects.toMatchObject({ code: 'not_found' })
    await expect(send(conv, m2)).rejects.toMatchObject({ code: 'not_member' })
    expect((await send(conv, m3)).message?.seq).toBe(1)
  })

  it("checks a direct conversation's sender with repo once, a group's sender at every send", async () => {
    const { a, b, conv } = await direct()
    await send(conv, a)
    calls = []
    await send(conv, a)
    await send(conv, b)
    await send(conv, b)
    // a's pair is known; b's is checked once (the kind is known already), then known
    expect(calls.map((c) => c.method).filter((m) => m === 'GetMember' || m === 'GetConversation')).toEqual([
      'GetMember',
    ])
    const eve = await user()
    await expect(send(conv, eve)).rejects.toMatchObject({ code: 'not_member' })
    await expect(send(conv, eve)).rejects.toMatchObject({ code: 'not_member' })
  })

  it('makes one repo call per direct send, and a block made after the first send refuses the next at once', async () => {
    const { a, b, conv } = await direct()
    await send(conv, a)
    calls = []
    await send(conv, a)
    // membership is known and the block/mute check rides on StoreMessage: nothing else is asked
    expect(calls.map((c) => c.method)).toEqual(['StoreMessage'])
    await logic.BlockUser({ user_id: b, peer_user_id: a })
    await expect(send(conv, a)).rejects.toMatchObject({ code: 'blocked' })
    await expect(send(conv, b)).rejects.toMatchObject({ code: 'blocked' })
    const history = await messages.SyncMessages({ conversation_id: conv, actor_user_id: b, after_sequence: 0 })
    expect(history.messages).toHaveLength(2)
    await logic.UnblockUser({ user_id: b, peer_user_id: a })
    await send(conv, a)
  })

  it('refuses a muted group member at once, however often they sent before', async () => {
    const { admin, members, conv } = await group(2)
    const [m1] = members as [string, string]
    await send(conv, m1)
    await logic.MuteMember({ user_id: admin, conversation_id: conv, member_id: m1, seconds: 60 })
    await expect(send(conv, m1)).rejects.toMatchObject({ code: 'muted' })
    await logic.MuteMember({ user_id: admin, conversation_id: conv, member_id: m1, seconds: 0 })
    await send(conv, m1)
  })

  it("refuses a group member's send at once after they are removed, however often they sent before", async () => {
    const { admin, members, conv } = await group(2)
    const [m1] = members as [string, string]
    await send(conv, m1)
    await send(conv, m1)
    calls = []
    await send(conv, m1)
    expect(calls.filter((c) => c.method === 'GetMember')).toHaveLength(1)
    await logic.RemoveGroupMember({ user_id: admin, conversation_id: conv, member_id: m1 })
    await expect(send(conv, m1)).rejects.toMatchObject({ code: 'not_member' })
  })

  it('lets only admins announce, with one event per member', async () => {
    const { admin, members, conv } = await group(2)
    await expect(
      logic.SetAnnouncement({ user_id: members[0], conversation_id: conv, text: 'mine' }),
    ).rejects.toMatchObject({ code: 'not_admin' })
    await logic.SetAnnouncement({ user_id: admin, conversation_id: conv, text: 'standup at 10' })
    const events = eventsOf('SetAnnouncement')
    expect(events.map((e) => e.key).sort()).toEqual([admin, ...members].sort())
    expect(events[0]!.event).toMatchObject({
      event_type: 'group.announcement.updated',
      payload: { conversation_id: conv, text: 'standup at 10', operator_id: admin },
    })
  })

  it('lets members read the retention and only admins (either member of a direct chat) set it, once per change', async () => {
    const { admin, members, conv } = await group(1)
    const outsider = await user()
    await expect(logic.GetRetention({ user_id: outsider, conversation_id: conv })).rejects.toMatchObject({
      code: 'not_member',
    })
    expect(await logic.GetRetention({ user_id: members[0], conversation_id: conv })).toEqual({
      retention_days: 0,
      ttl_seconds: 0,
      deployment_retention_days: 0,
    })
    await expect(
      logic.SetRetention({ user_id: members[0], conversation_id: conv, ttl_seconds: 60 }),
    ).rejects.toMatchObject({ code: 'not_admin' })
    await expect(
      logic.SetRetention({ user_id: admin, conversation_id: conv, retention_days: -1 }),
    ).rejects.toMatchObject({ code: 'bad_request' })
    calls = []
    await logic.SetRetention({ user_id: admin, conversation_id: conv, ttl_seconds: 60 })
    expect(eventsOf('SetRetention')[0]).toMatchObject({
      key: conv,
      event: { event_type: 'conversation.retention.updated', payload: { conversation_id: conv, ttl_seconds: 60 } },
    })
    expect(await logic.GetRetention({ user_id: members[0], conversation_id: conv })).toMatchObject({ ttl_seconds: 60 })
    const d = await direct()
    expect(await logic.SetRetention({ user_id: d.b, conversation_id: d.conv, retention_days: 7 })).toMatchObject({
      retention_days: 7,
    })
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

describe('messages', () => {
  it("stores a member's message and answers a repeated idempotency key with the first result", async () => {
    const { a, conv } = await direct()
    const first = await send(conv, a, 'hello', 'key-1')
    expect(first).toEqual({
      duplicate: false,
      message: expect.objectContaining({
        conversation_id: conv,
        seq: 1,
        sender_user_id: a,
        content: 'hello',
        status: 'normal',
      }),
    })
    const again = await send(conv, a, 'hello', 'key-1')
    expect(again).toMatchObject({ duplicate: true, message: { message_id: first.message!.message_id, seq: 1 } })
  })

  it('refuses empty, oversized and keyless messages', async () => {
    const { a, conv } = await direct()
    await expect(send(conv, a, '  \n')).rejects.toMatchObject({ code: 'bad_request' })
    await expect(send(conv, a, 'é'.repeat(cfg.max_frame_bytes / 2 + 1))).rejects.toMatchObject({ code: 'too_large' })
    await expect(send(conv, a, 'x', '')).rejects.toMatchObject({ code: 'bad_request' })
    expect((await send(conv, a, 'a'.repeat(cfg.max_frame_bytes))).message?.seq).toBe(1)
  })

  it('refuses send, sync and read to non-members', async () => {
    const { a, conv } = await direct()
    await send(conv, a)
    const eve = await user()
    calls = []
    await expect(send(conv, eve)).rejects.toMatchObject({ code: 'not_member' })
    await expect(
      messages.SyncMessages({ conversation_id: conv, actor_user_id: eve, after_sequence: 0 }),
    ).rejects.toMatchObject({ code: 'not_member' })
    await expect(messages.MarkRead({ user_id: eve, conversation_id: conv, seq: 1 })).rejects.toMatchObject({
      code: 'not_member',
    })
    await expect(send('d_no_such_conversation', eve)).rejects.toMatchObject({ code: 'not_member' })
    expect(calls.map((c) => c.method).filter((m) => m !== 'GetMember')).toEqual([])
  })

  it('syncs pages of 50 by default and at most 200', async () => {
    const { a, b, conv } = await direct()
    for (let i = 0; i < 230; i++) await send(conv, a, `m${i}`)
    const page = await messages.SyncMessages({ conversation_id: conv, actor_user_id: b, after_sequence: 0 })
    expect(page.messages.map((m) => m.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1))
    expect(page.has_more).toBe(true)
    const big = await messages.SyncMessages({
      conversation_id: conv,
      actor_user_id: b,
      after_sequence: 10,
      page_size: 1000,
    })
    expect(big.messages).toHaveLength(SYNC_MAX_PAGE)
    expect(big.messages[0]!.seq).toBe(11)
    const tail = await messages.SyncMessages({
      conversation_id: conv,
      actor_user_id: b,
      after_sequence: 210,
      page_size: 100,
    })
    expect(tail).toMatchObject({ has_more: false })
    expect(tail.messages).toHaveLength(20)
  })

  it('lets only the sender recall, within the recall window, with message.recalled', async () => {
    const { a, b, conv } = await direct()
    const { message } = await send(conv, a, 'oops')
    const id = message!.message_id
    await expect(messages.RecallMessage({ user_id: b, conversation_id: conv, message_id: id })).rejects.toMatchObject({
      code: 'not_sender',
    })
    await expect(
      messages.RecallMessage({ user_id: await user(), conversation_id: conv, message_id: id }),
    ).rejects.toMatchObject({ code: 'not_member' })
    await messages.RecallMessage({ user_id: a, conversation_id: conv, message_id: id })
    expect(eventsOf('UpdateMessageStatus')).toEqual([
      {
        topic: t.messageEvents,
        key: conv,
        event: expect.objectContaining({
          event_type: 'message.recalled',
          conversation_id: conv,
          operator_id: a,
          payload: { message_id: id, seq_id: 1 },
        }),
      },
    ])
    const synced = await messages.SyncMessages({ conversation_id: conv, actor_user_id: b, after_sequence: 0 })
    expect(synced.messages[0]).toMatchObject({ status: 'recalled', content: '' })

    const late = await send(conv, a, 'too late')
    clock = Date.now() + RECALL_WINDOW_MS + 1000
    try {
      await expect(
        messages.RecallMessage({ user_id: a, conversation_id: conv, message_id: late.message!.message_id }),
      ).rejects.toMatchObject({ code: 'forbidden' })
    } finally {
      clock = Date.now()
    }
  })

  it('lets the sender or a group admin delete, soft or hard, with message.deleted', async () => {
    const { admin, members, conv } = await group(2)
    const [m1, m2] = members as [string, string]
    const a = await send(conv, m1, 'first')
    const b = await send(conv, m1, 'second')
    await expect(
      messages.DeleteMessage({ conversation_id: conv, message_id: a.message!.message_id, actor_user_id: m2 }),
    ).rejects.toMatchObject({ code: 'forbidden' })
    await messages.DeleteMessage({ conversation_id: conv, message_id: a.message!.message_id, actor_user_id: m1 })
    expect(eventsOf('UpdateMessageStatus')[0]!.event).toMatchObject({
      event_type: 'message.deleted',
      operator_id: m1,
      payload: { message_id: a.message!.message_id, seq_id: 1, hard: false },
    })
    await messages.DeleteMessage({
      conversation_id: conv,
      message_id: b.message!.message_id,
      actor_user_id: admin,
      hard: true,
    })
    expect(eventsOf('UpdateMessageStatus')[0]!.event).toMatchObject({
      operator_id: admin,
      payload: { seq_id: 2, hard: true },
    })
    await expect(
      messages.DeleteMessage({ conversation_id: conv, message_id: 'm_nothing', actor_user_id: admin }),
    ).rejects.toMatchObject({ code: 'not_found' })
    const c = await send(conv, m2, 'third')
    const page = await messages.SyncMessages({ conversation_id: conv, actor_user_id: m2, after_sequence: 0 })
    expect(page.messages.map((m) => m.seq)).toEqual([c.message!.seq]) // deleted messages leave gaps
    await messages.MarkRead({ user_id: m2, conversation_id: conv, seq: 2 }) // a deleted seq can still be read up to
  })

  it('lets a direct-conversation member delete only their own messages', async () => {
    const { a, b, conv } = await direct()
    const { message } = await send(conv, a)
    await expect(
      messages.DeleteMessage({ conversation_id: conv, message_id: message!.message_id, actor_user_id: b }),
    ).rejects.toMatchObject({ code: 'forbidden' })
  })

  it('marks read with message.read, and refuses a seq beyond the last message', async () => {
    const { a, b, conv } = await direct()
    const { message } = await send(conv, a)
    await expect(messages.MarkRead({ user_id: b, conversation_id: conv, seq: 2 })).rejects.toMatchObject({
      code: 'bad_request',
    })
    await expect(messages.MarkRead({ user_id: b, conversation_id: conv, seq: 0 })).rejects.toMatchObject({
      code: 'bad_request',
    })
    await messages.MarkRead({ user_id: b, conversation_id: conv, seq: 1 })
    expect(eventsOf('SetReadSeq')).toEqual([
      {
        topic: t.messageEvents,
        key: conv,
        event: expect.objectContaining({
          event_type: 'message.read',
          conversation_id: conv,
          operator_id: b,
          payload: { message_id: message!.message_id, seq_id: 1 },
        }),
      },
    ])
    const list = await logic.ListConversations({ user_id: b })
    expect(list.conversations).toContainEqual(
      expect.objectContaining({
        conversation_id: conv,
        kind: 'direct',
        name: '',
        last_seq: 1,
        read_seq: 1,
        role: 'member',
        peer_user_id: a,
      }),
    )
  })
})
