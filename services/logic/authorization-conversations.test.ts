// The authorization rules of logic for direct conversations and groups (members, admins, sends, retention), and
// the events it hands to repo, against the real repo service on the in-memory store and cache
// (test/helpers/logic-authorization.ts: a recording proxy in front of repo shows what logic asked it to commit).
import { describe, expect, it } from 'vitest'
import {
  resetCalls,
  calls,
  cfg,
  direct,
  directAdds,
  eventsOf,
  group,
  limited,
  logic,
  messages,
  send,
  setUpLogic,
  t,
  uniq,
  user,
} from '../../test/helpers/logic-authorization.js'

setUpLogic()

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
    resetCalls()
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
    resetCalls()
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
    resetCalls()
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
    resetCalls()
    await expect(
      logic.AddGroupMembers({ user_id: admin, conversation_id, user_ids: [ids[0]!, 'u_nobody'] }),
    ).rejects.toMatchObject({ code: 'not_found', message: 'no such user: u_nobody' })
    expect(calls.filter((c) => c.method === 'AddMembers')).toEqual([])
  })

  it('lets only admins add members, and invites only those not yet in', async () => {
    const { admin, members, conv } = await group(1)
    const [newbie, outsider] = [await user(), await user()]
    await logic.CreateDirect({ user_id: admin, peer_user_id: newbie }) // a contact: added, not invited
    resetCalls()
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
    resetCalls()
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
    resetCalls()
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
    resetCalls()
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
    resetCalls()
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
