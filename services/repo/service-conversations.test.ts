// RepoService over the in-memory store and cache, called in process as --role=all does: direct conversations,
// groups, members, invitations and the conversation list (test/helpers/repo-service.ts).
import { describe, expect, it } from 'vitest'
import { directConversationId } from './service.js'
import { api, event, group, pending, rejectsWith, setUpRepo } from '../../test/helpers/repo-service.js'

describe('repo service', () => {
  setUpRepo()

  describe('conversations', () => {
    it('gives a pair of users the same direct conversation every time, in either order', async () => {
      const first = await api.EnsureDirectConversation({ user_a: 'ann', user_b: 'bob' })
      const again = await api.EnsureDirectConversation({ user_a: 'bob', user_b: 'ann' })
      expect(first.created).toBe(true)
      expect(again.created).toBe(false)
      expect(again.conversation).toEqual(first.conversation)
      expect(first.conversation).toMatchObject({
        conversation_id: directConversationId('ann', 'bob'),
        kind: 'direct',
        member_count: 2,
        last_seq: 0,
      })
      await rejectsWith(api.EnsureDirectConversation({ user_a: 'ann', user_b: 'ann' }), 'bad_request')
      await rejectsWith(
        api.AddMembers({ conversation_id: first.conversation!.conversation_id, user_ids: ['eve'] }),
        'bad_request',
      )
    })

    it('creates groups with the creator as admin, adds and removes members with their events', async () => {
      const created = await api.CreateGroup({
        name: 'team',
        creator_id: 'ann',
        member_ids: ['bob', 'ann', 'cat', 'bob'],
        events: [event('t.groups', 'created')],
      })
      const id = created.conversation_id
      expect(created).toMatchObject({ kind: 'group', name: 'team', member_count: 3, last_seq: 0 })
      expect(await api.GetConversation({ conversation_id: id })).toEqual(created)
      expect(await api.GetMember({ conversation_id: id, user_id: 'ann' })).toMatchObject({ role: 'admin' })
      expect(await api.GetMember({ conversation_id: id, user_id: 'bob' })).toMatchObject({ role: 'member' })
      await rejectsWith(api.GetMember({ conversation_id: id, user_id: 'eve' }), 'not_found')
      await rejectsWith(api.GetConversation({ conversation_id: 'g_nope' }), 'not_found')

      expect(
        await api.AddMembers({
          conversation_id: id,
          user_ids: ['cat', 'dan', 'eve'],
          events: [event('t.groups', 'added')],
        }),
      ).toEqual({ added_user_ids: ['dan', 'eve'] })
      expect(
        await api.AddMembers({ conversation_id: id, user_ids: ['dan'], events: [event('t.groups', 'noop')] }),
      ).toEqual({ added_user_ids: [] })
      expect(await api.AddMembers({ conversation_id: id, user_ids: ['fay'], role: 'admin' })).toEqual({
        added_user_ids: ['fay'],
      })
      expect(await api.GetMember({ conversation_id: id, user_id: 'fay' })).toMatchObject({ role: 'admin' })
      await rejectsWith(api.AddMembers({ conversation_id: id, user_ids: ['gil'], role: 'owner' }), 'bad_request')
      await rejectsWith(api.AddMembers({ conversation_id: 'g_nope', user_ids: ['gil'] }), 'not_found')

      await api.RemoveMember({ conversation_id: id, user_id: 'eve', events: [event('t.groups', 'removed')] })
      await api.RemoveMember({ conversation_id: id, user_id: 'eve', events: [event('t.groups', 'removed-again')] })
      expect((await api.GetConversation({ conversation_id: id })).member_count).toBe(5)
      expect((await pending('t.groups')).map((r) => r.key)).toEqual(['created', 'added', 'removed'])

      // an invitation list computed before another add got there: only the users really added are invited
      const invites = ['fay', 'hal', 'ivy'].map((u) => event('t.invites', u))
      expect(
        await api.AddMembers({
          conversation_id: id,
          user_ids: ['fay', 'hal', 'ivy'],
          events: [...invites, event('t.invites', id)],
        }),
      ).toEqual({ added_user_ids: ['hal', 'ivy'] })
      // fay was a member already: her invitation is dropped; an event keyed by something else stays
      expect((await pending('t.invites')).map((r) => r.key)).toEqual(['hal', 'ivy', id])

      const withText = await api.SetAnnouncement({
        conversation_id: id,
        text: 'hello all',
        events: [event('t.groups', 'announced')],
      })
      expect(withText.announcement).toBe('hello all')
      await rejectsWith(api.SetAnnouncement({ conversation_id: 'g_nope', text: 'x' }), 'not_found')
    })

    it('tells contacts apart, invites only the not yet members nor invited, and lists, accepts and declines invitations', async () => {
      const id = await group('ivan', ['jo'])
      await api.EnsureDirectConversation({ user_a: 'ivan', user_b: 'kit' })
      expect(
        (await api.ContactsAmong({ user_id: 'ivan', candidate_ids: ['jo', 'kit', 'lee', 'jo'] })).contact_ids.sort(),
      ).toEqual(['jo', 'kit'])

      const invites = ['jo', 'lee', 'max'].map((u) => event('t.invitations', u))
      expect(
        await api.InviteMembers({
          conversation_id: id,
          inviter_id: 'ivan',
          user_ids: ['jo', 'lee', 'max'],
          events: invites,
        }),
      ).toEqual({ invited_user_ids: ['lee', 'max'] })
      expect(
        await api.InviteMembers({
          conversation_id: id,
          inviter_id: 'ivan',
          user_ids: ['lee'],
          events: [event('t.invitations', 'lee')],
        }),
      ).toEqual({ invited_user_ids: [] })
      // jo is a member: his invitation event is dropped with him
      expect((await pending('t.invitations')).map((r) => r.key)).toEqual(['lee', 'max'])
      await rejectsWith(
        api.InviteMembers({ conversation_id: 'g_nope', inviter_id: 'ivan', user_ids: ['lee'] }),
        'not_found',
      )
      const direct = (await api.EnsureDirectConversation({ user_a: 'ivan', user_b: 'kit' })).conversation!
        .conversation_id
      await rejectsWith(
        api.InviteMembers({ conversation_id: direct, inviter_id: 'ivan', user_ids: ['lee'] }),
        'bad_request',
      )

      expect(await api.GetInvitation({ conversation_id: id, invitee_id: 'lee' })).toMatchObject({
        conversation_id: id,
        invitee_id: 'lee',
        inviter_id: 'ivan',
        conversation_name: 'G',
      })
      expect((await api.ListInvitations({ invitee_id: 'lee' })).invitations.map((i) => i.conversation_id)).toEqual([id])
      await rejectsWith(api.GetMember({ conversation_id: id, user_id: 'lee' }), 'not_found')

      // the member page cache sees the accept at once
      expect((await api.ListMembers({ conversation_id: id, limit: 10 })).members).toHaveLength(2)
      expect(
        await api.AcceptInvitation({ conversation_id: id, invitee_id: 'lee', events: [event('t.answers', 'yes')] }),
      ).toMatchObject({ conversation_id: id, user_id: 'lee', role: 'member' })
      expect((await api.ListMembers({ conversation_id: id, limit: 10 })).members).toHaveLength(3)
      await rejectsWith(api.AcceptInvitation({ conversation_id: id, invitee_id: 'lee' }), 'not_found')
      await api.DeclineInvitation({ conversation_id: id, invitee_id: 'max', events: [event('t.answers', 'no')] })
      await rejectsWith(api.DeclineInvitation({ conversation_id: id, invitee_id: 'max' }), 'not_found')
      await rejectsWith(api.GetMember({ conversation_id: id, user_id: 'max' }), 'not_found')
      expect((await api.ListInvitations({ invitee_id: 'max' })).invitations).toEqual([])
      expect((await pending('t.answers')).map((r) => r.key)).toEqual(['yes', 'no'])
    })

    it('promotes the member named when the last admin goes, and refuses that removal without one', async () => {
      const id = await group('nia', ['oz', 'pam'])
      await rejectsWith(
        api.RemoveMember({ conversation_id: id, user_id: 'nia', events: [event('t.promote', 'x')] }),
        'conflict',
      )
      await rejectsWith(api.RemoveMember({ conversation_id: id, user_id: 'nia', promote_user_id: 'zed' }), 'conflict')
      expect((await api.GetConversation({ conversation_id: id })).member_count).toBe(3)
      await api.RemoveMember({
        conversation_id: id,
        user_id: 'nia',
        promote_user_id: 'pam',
        events: [event('t.promote', 'pam')],
      })
      expect(await api.GetMember({ conversation_id: id, user_id: 'pam' })).toMatchObject({ role: 'admin' })
      expect(
        (await api.ListMembers({ conversation_id: id, limit: 10 })).members.map((m) => [m.user_id, m.role]),
      ).toEqual([
        ['oz', 'member'],
        ['pam', 'admin'],
      ])
      expect((await pending('t.promote')).map((r) => r.key)).toEqual(['pam'])
    })

    it('pages members by cursor, and a membership change is seen at once despite the page cache', async () => {
      const members = Array.from({ length: 12 }, (_, i) => `m${String(i).padStart(2, '0')}`)
      const id = await group('a-admin', members)
      const all = async (limit: number) => {
        const ids: string[] = []
        let cursor = ''
        for (let pages = 0; pages < 100; pages++) {
          const page = await api.ListMembers({ conversation_id: id, after_user_id: cursor, limit })
          ids.push(...page.members.map((m) => m.user_id))
          if (!page.next_cursor) return ids
          cursor = page.next_cursor
        }
        throw new Error('no end of pages')
      }
      expect(await all(5)).toEqual(['a-admin', ...members])
      expect(await all(13)).toEqual(['a-admin', ...members])
      await api.AddMembers({ conversation_id: id, user_ids: ['m05x'] })
      await api.RemoveMember({ conversation_id: id, user_id: 'm11' })
      expect(await all(5)).toEqual(['a-admin', ...members.slice(0, 6), 'm05x', ...members.slice(6, 11)])
      expect((await api.ListMembers({ conversation_id: id })).members).toHaveLength(13)
    })

    it("lists a user's conversations with last and read seqs", async () => {
      const id = await group('reader', ['writer'])
      for (let i = 0; i < 3; i++) await api.StoreMessage({ conversation_id: id, sender_id: 'writer', content: `m${i}` })
      await api.SetReadSeq({ conversation_id: id, user_id: 'reader', seq: 2 })
      const { conversations } = await api.ListUserConversations({ user_id: 'reader' })
      expect(conversations).toEqual([
        {
          conversation: expect.objectContaining({ conversation_id: id, last_seq: 3 }),
          read_seq: 2,
          role: 'admin',
          peer_user_id: '',
          peer_read_seq: 0,
        },
      ])
    })
  })
})
