// Domain events on real infrastructure (docs/architecture.md, "Domain events"): every action produces exactly one
// envelope per person concerned, on its topic, keyed by its subject, with the documented fields; an action that is
// refused or whose transaction rolls back produces none; events addressed to connected users reach their sockets
// as `event` frames (docs/protocol.md). Topics are read by an independent kafkajs consumer, and once by kcat.
import { describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import {
  EventEnvelope,
  groupEventTypes,
  messageEventTypes,
  notificationTypes,
  userEventTypes,
} from '../../src/contracts/events.js'
import { repoClient } from '../../src/rpc/client.js'
import { KAFKA } from '../helpers/infra.js'
import { sleep, until } from '../helpers/until.js'
import { run, available, hasKcat, required, SETTLE_MS, isEvent, topicOf, cluster } from '../helpers/events-cluster.js'
import { repoAddr, seen, undecodable, sockets, user, connect, events, exactlyOne } from '../helpers/events-cluster.js'
import { onePerTarget, frameOf, framesOf, nowS, outboxRows, expectEnvelope } from '../helpers/events-cluster.js'
import { setUpEventsCluster, alice, bob, carol, dave, erin, aliceWs, bobWs } from '../helpers/events-cluster.js'
import { carolWs, erinWs, direct, sent, setUpCast, membersOf, memberCountOf } from '../helpers/events-cluster.js'
import { eraseUser, invitationRecord } from '../helpers/events-cluster.js'

describe.skipIf(!available)('domain events on a cluster (2 gateways)', () => {
  setUpEventsCluster()

  describe('presence', () => {
    it('connecting and disconnecting produces one user.online and one user.offline', async () => {
      const pat = await user('pat')
      const ws = await connect(0, pat.token)
      const online = await exactlyOne('user.online', (e) => e.user_id === pat.userId)
      expectEnvelope(online, topicOf.user, pat.userId)
      expect(online.event.payload).toEqual({ gateway_id: 'gw-1', last_seen: expect.any(Number) })
      expect(Math.abs((online.event.payload.last_seen as number) - nowS())).toBeLessThan(60)

      await ws.close()
      const offline = await exactlyOne('user.offline', (e) => e.user_id === pat.userId)
      expectEnvelope(offline, topicOf.user, pat.userId)
      expect(offline.event.payload).toEqual({ gateway_id: 'gw-1', last_seen: expect.any(Number) })
      expect(offline.event.payload.last_seen as number).toBeGreaterThanOrEqual(online.event.payload.last_seen as number)
      expect(events('user.online', (e) => e.user_id === pat.userId)).toHaveLength(1)
    })

    it('two devices on two gateways: online at the first connection, offline after the last', async () => {
      const quinn = await user('quinn')
      const phone = await connect(0, quinn.token)
      const online = await exactlyOne('user.online', (e) => e.user_id === quinn.userId)
      expect(online.event.payload.gateway_id).toBe('gw-1')
      const laptop = await connect(1, quinn.token)
      await phone.close()
      await sleep(SETTLE_MS)
      expect(events('user.online', (e) => e.user_id === quinn.userId)).toHaveLength(1)
      expect(events('user.offline', (e) => e.user_id === quinn.userId)).toHaveLength(0)

      await laptop.close()
      const offline = await exactlyOne('user.offline', (e) => e.user_id === quinn.userId)
      expectEnvelope(offline, topicOf.user, quinn.userId)
      expect(offline.event.payload).toEqual({ gateway_id: 'gw-2', last_seen: expect.any(Number) })
      expect(events('user.online', (e) => e.user_id === quinn.userId)).toHaveLength(1)
    })
  })

  describe('actions', () => {
    let group: string
    setUpCast()
    it('PATCH /v1/me produces user.profile.updated', async () => {
      await alice.rest.updateMe('Alice Liddell')
      const e = await exactlyOne('user.profile.updated', (x) => x.user_id === alice.userId)
      expectEnvelope(e, topicOf.user, alice.userId)
      expect(e.event.payload).toMatchObject({ display_name: 'Alice Liddell' })
    })

    it('reading produces message.read to every member socket; a read that moves nothing produces none', async () => {
      await bob.rest.read(direct, 2)
      const e = await exactlyOne('message.read', (x) => x.conversation_id === direct)
      expectEnvelope(e, topicOf.message, direct)
      expect(e.event).toMatchObject({
        conversation_id: direct,
        operator_id: bob.userId,
        payload: { message_id: sent[1]!.messageId, seq_id: 2 },
      })
      for (const s of [aliceWs, bobWs]) expect((await frameOf(s, e.event.event_id)).event).toEqual(e.event)

      await bob.rest.read(direct, 1) // behind the cursor: nothing changes
      await sleep(SETTLE_MS)
      expect(events('message.read', (x) => x.conversation_id === direct)).toHaveLength(1)
    })

    it('recalling produces message.recalled (once, also when the recall is repeated)', async () => {
      await alice.rest.recall(direct, sent[0]!.messageId)
      await alice.rest.recall(direct, sent[0]!.messageId)
      const e = await exactlyOne('message.recalled', (x) => x.conversation_id === direct)
      expectEnvelope(e, topicOf.message, direct)
      expect(e.event).toMatchObject({
        conversation_id: direct,
        operator_id: alice.userId,
        payload: { message_id: sent[0]!.messageId, seq_id: 1 },
      })
      for (const s of [aliceWs, bobWs]) expect((await frameOf(s, e.event.event_id)).event).toEqual(e.event)
    })

    it('deleting produces message.deleted', async () => {
      await alice.rest.deleteMessage(direct, sent[2]!.messageId, 'soft')
      const e = await exactlyOne('message.deleted', (x) => x.conversation_id === direct)
      expectEnvelope(e, topicOf.message, direct)
      expect(e.event).toMatchObject({
        conversation_id: direct,
        operator_id: alice.userId,
        payload: { message_id: sent[2]!.messageId, seq_id: 3 },
      })
      for (const s of [aliceWs, bobWs]) expect((await frameOf(s, e.event.event_id)).event).toEqual(e.event)
    })

    it('operations produce their events and mentions message.mentioned, each written with its record', async () => {
      const m = await alice.rest.send(direct, 'ops target', randomUUID(), { mentions: [bob.userId] })
      const mention = await exactlyOne(
        'message.mentioned',
        (x) => x.target_user_id === bob.userId && x.payload.message_id === m.messageId,
      )
      expectEnvelope(mention, topicOf.notification, bob.userId)
      expect((await frameOf(bobWs, mention.event.event_id)).event).toEqual(mention.event)
      const steps = [
        ['message.edited', alice, 'ops target, edited', 'edit'],
        ['message.reacted', bob, '👍', 'reaction'],
        ['message.unreacted', bob, '👍', 'unreaction'],
        ['message.pinned', bob, '', 'pin'], // a direct conversation: any member pins
        ['message.unpinned', alice, '', 'unpin'],
      ] as const
      for (const [type, who, content, kind] of steps) {
        const r = await who.rest.send(direct, content, randomUUID(), { kind, targetId: m.messageId })
        const e = await exactlyOne(type, (x) => x.payload.record_id === r.messageId)
        expectEnvelope(e, topicOf.message, direct)
        expect(e.event).toMatchObject({
          conversation_id: direct,
          operator_id: who.userId,
          payload: { message_id: m.messageId, seq_id: m.seq },
        })
        for (const s of [aliceWs, bobWs]) expect((await frameOf(s, e.event.event_id)).event).toEqual(e.event)
      }
      // @all: one notification keyed by the conversation, routed to every member
      const all = await bob.rest.send(direct, 'both of you', randomUUID(), { mentions: ['@all'] })
      const e = await exactlyOne('message.mentioned', (x) => x.payload.message_id === all.messageId)
      expectEnvelope(e, topicOf.notification, direct)
      for (const s of [aliceWs, bobWs]) expect((await frameOf(s, e.event.event_id)).event).toEqual(e.event)
    })

    it('creating a group and adding members produce group.invited per added contact, group.invitation.created per invited stranger', async () => {
      // bob shares a direct conversation with alice: added
      group = (await alice.rest.createGroup('Book club', [bob.userId])).conversationId
      const [forBob] = await onePerTarget('group.invited', [bob.userId], (e) => e.payload.conversation_id === group)
      expectEnvelope(forBob!, topicOf.notification, bob.userId)
      expect(forBob!.event).toMatchObject({
        target_user_id: bob.userId,
        payload: { conversation_id: group, name: 'Book club', inviter_id: alice.userId },
      })
      expect((await frameOf(bobWs, forBob!.event.event_id)).event).toEqual(forBob!.event)

      // bob is a member already; carol, dave and erin share nothing with alice: invited
      await alice.rest.addMembers(group, [bob.userId, carol.userId, dave.userId, erin.userId])
      const all = await onePerTarget(
        'group.invitation.created',
        [carol.userId, dave.userId, erin.userId],
        (e) => e.payload.conversation_id === group,
      )
      for (const s of all) {
        expectEnvelope(s, topicOf.notification, s.event.target_user_id!)
        expect(s.event.payload).toMatchObject({ conversation_id: group, name: 'Book club', inviter_id: alice.userId })
      }
      const forCarol = all.find((s) => s.event.target_user_id === carol.userId)!
      expect((await frameOf(carolWs, forCarol.event.event_id)).event).toEqual(forCarol.event)
      // notifications go to their target only
      expect(framesOf(aliceWs, forCarol.event.event_id)).toHaveLength(0)
      expect(framesOf(bobWs, forCarol.event.event_id)).toHaveLength(0)
      expect(events('group.invited', (e) => e.payload.conversation_id === group)).toHaveLength(1)

      // carol and dave accept (the inviter is told), erin declines
      await carol.rest.acceptInvitation(group)
      await dave.rest.acceptInvitation(group)
      await erin.rest.declineInvitation(group)
      const ofGroup = (e: EventEnvelope) => e.payload.conversation_id === group
      await until(
        () => events('group.invitation.accepted', ofGroup),
        (l) => l.length >= 2,
      )
      await sleep(SETTLE_MS)
      const accepted = events('group.invitation.accepted', ofGroup)
      expect(accepted).toHaveLength(2)
      for (const s of accepted) expectEnvelope(s, topicOf.notification, alice.userId)
      expect(accepted.map((s) => s.event.payload.user_id).sort()).toEqual([carol.userId, dave.userId].sort())
      const declined = await exactlyOne('group.invitation.declined', (e) => e.payload.conversation_id === group)
      expectEnvelope(declined, topicOf.notification, alice.userId)
      expect(declined.event.payload).toMatchObject({ user_id: erin.userId, name: 'Book club' })
      expect((await frameOf(aliceWs, declined.event.event_id)).event).toEqual(declined.event)
    })

    it('a friend request produces friend.requested, its acceptance friend.accepted', async () => {
      await carol.rest.requestFriend(erin.userId)
      const req = await exactlyOne('friend.requested', (e) => e.target_user_id === erin.userId)
      expectEnvelope(req, topicOf.notification, erin.userId)
      expect(req.event.payload).toMatchObject({ from_user_id: carol.userId })
      expect((await frameOf(erinWs, req.event.event_id)).event).toEqual(req.event)

      await erin.rest.acceptFriend(carol.userId)
      const acc = await exactlyOne('friend.accepted', (e) => e.target_user_id === carol.userId)
      expectEnvelope(acc, topicOf.notification, carol.userId)
      expect(acc.event.payload).toMatchObject({ user_id: erin.userId })
      expect((await frameOf(carolWs, acc.event.event_id)).event).toEqual(acc.event)
      expect(framesOf(erinWs, acc.event.event_id)).toHaveLength(0)
    })

    it('setting the announcement produces group.announcement.updated for every member', async () => {
      await alice.rest.announce(group, 'Chapter 3 by Friday')
      const all = await onePerTarget(
        'group.announcement.updated',
        [alice.userId, bob.userId, carol.userId, dave.userId],
        (e) => e.payload.conversation_id === group,
      )
      for (const s of all) {
        expectEnvelope(s, topicOf.notification, s.event.target_user_id!)
        expect(s.event.payload).toMatchObject({
          conversation_id: group,
          text: 'Chapter 3 by Friday',
          operator_id: alice.userId,
        })
      }
      for (const [ws, who] of [
        [aliceWs, alice],
        [bobWs, bob],
        [carolWs, carol],
      ] as const) {
        const mine = all.find((s) => s.event.target_user_id === who.userId)!
        expect((await frameOf(ws, mine.event.event_id)).event).toEqual(mine.event)
      }
    })

    it("the last admin's leaving produces one group.admin.promoted for the group, to every member", async () => {
      const club = (await bob.rest.createGroup('Leavers', [alice.userId])).conversationId // alice: bob's direct peer
      await bob.rest.removeMember(club, bob.userId)
      const e = await exactlyOne('group.admin.promoted', (ev) => ev.conversation_id === club)
      expectEnvelope(e, topicOf.message, club)
      expect(e.event).toMatchObject({
        conversation_id: club,
        operator_id: bob.userId,
        payload: { user_id: alice.userId, previous_admin_id: bob.userId },
      })
      expect((await frameOf(aliceWs, e.event.event_id)).event).toEqual(e.event)
    })

    it("an admin's mutes and bans, and a retention change, produce their events", async () => {
      const mod = (await bob.rest.createGroup('Moderated', [alice.userId])).conversationId // alice: bob's direct peer
      await bob.rest.call('POST', `/v1/groups/${mod}/mutes`, { userId: alice.userId, seconds: 60 })
      await bob.rest.call('DELETE', `/v1/groups/${mod}/mutes/${alice.userId}`)
      await bob.rest.call('POST', `/v1/groups/${mod}/bans`, { userId: alice.userId })
      await bob.rest.call('DELETE', `/v1/groups/${mod}/bans/${alice.userId}`)
      for (const type of ['muted', 'unmuted', 'banned', 'unbanned'].map((t) => `group.member.${t}`)) {
        const e = await exactlyOne(type, (ev) => ev.conversation_id === mod)
        expectEnvelope(e, topicOf.message, mod)
        expect(e.event).toMatchObject({ operator_id: bob.userId, payload: { user_id: alice.userId } })
      }
      await bob.rest.call('PUT', `/v1/conversations/${mod}/retention`, { retentionDays: 7, ttlSeconds: 0 })
      const r = await exactlyOne('conversation.retention.updated', (ev) => ev.conversation_id === mod)
      expectEnvelope(r, topicOf.notification, mod)
      expect(r.event.payload).toMatchObject({ conversation_id: mod, retention_days: 7, ttl_seconds: 0 })
    })

    it('erasing a user produces user.tokens.revoked, delivered to their own connection', async () => {
      const zed = await user('zed')
      const zedWs = await connect(0, zed.token)
      const erased = await eraseUser(zed.userId)
      expect(erased.code, erased.stderr).toBe(0)
      const e = await exactlyOne('user.tokens.revoked', (x) => x.user_id === zed.userId)
      expectEnvelope(e, topicOf.user, zed.userId)
      expect(e.event.payload).toMatchObject({ revocation_id: `user:${zed.userId}`, reason: 'erased' })
      expect((await frameOf(zedWs, e.event.event_id)).event).toEqual(e.event)
    })

    it('actions refused by authorization produce no event and write no outbox row', async () => {
      const before = seen.length
      const rows = await outboxRows()
      const refused = async (p: Promise<unknown>, status: number) => expect(p).rejects.toMatchObject({ status })
      await refused(bob.rest.announce(group, 'bob was here'), 403) // not an admin
      await refused(bob.rest.addMembers(group, [erin.userId]), 403) // not an admin
      await refused(bob.rest.recall(direct, sent[1]!.messageId), 403) // not the sender
      await refused(bob.rest.deleteMessage(direct, sent[1]!.messageId, 'hard'), 403) // not the sender, no admins in direct chats
      await refused(erin.rest.read(direct, 2), 403) // not a member
      await refused(dave.rest.acceptFriend(erin.userId), 404) // no pending request
      await sleep(SETTLE_MS)
      expect(seen.slice(before).filter((s) => !s.event.event_type.startsWith('user.'))).toEqual([])
      expect(await outboxRows()).toBe(rows)
    })

    it('a member id that only MySQL thinks names a user is refused with no event', async () => {
      // MariaDB compares VARCHARs ignoring trailing spaces: "u_x " finds user "u_x", but is not that user's id
      const before = seen.length
      const members = () => membersOf(group)
      const was = await members()
      // refused as malformed at the edge of logic (ids never carry surrounding whitespace)
      await expect(alice.rest.addMembers(group, [`${erin.userId} `])).rejects.toMatchObject({
        status: 400,
        code: 'bad_request',
      })
      await expect(alice.rest.createGroup('Spaces', [`${erin.userId} `])).rejects.toMatchObject({ status: 400 })
      await expect(carol.rest.requestFriend(`${dave.userId} `)).rejects.toMatchObject({ status: 400 })
      await sleep(SETTLE_MS)
      expect(await members()).toEqual(was)
      expect(seen.slice(before).filter((s) => !s.event.event_type.startsWith('user.'))).toEqual([])
    })

    it('a mutation that fails inside its transaction rolls back its change and its events', async () => {
      // repo's AddMembers as logic calls it, with two ids MySQL takes for the same primary key: the members insert
      // fails inside the transaction, after the group was locked and before the outbox rows were written
      const repo = repoClient(repoAddr, 'logic', { secret: cluster.rpcSecret })
      try {
        const before = seen.length
        const rows = await outboxRows()
        const countOf = () => memberCountOf(group)
        const members = () => membersOf(group)
        const [wasCount, wasMembers] = [await countOf(), await members()]
        const invitation = (target: string) => invitationRecord(group, alice.userId, target)
        const add = (ids: string[]) =>
          repo.AddMembers({ conversation_id: group, user_ids: ids, role: 'member', events: ids.map(invitation) })
        // the driver's text stays in repo's log
        await expect(add([erin.userId, `${erin.userId} `])).rejects.toMatchObject({
          code: 'internal',
          message: 'internal error',
        })
        await sleep(SETTLE_MS)
        expect(await countOf()).toBe(wasCount)
        expect(await members()).toEqual(wasMembers)
        expect(await outboxRows()).toBe(rows)
        expect(seen.slice(before).filter((s) => !s.event.event_type.startsWith('user.'))).toEqual([])
        expect(erinWs.frames.filter((f) => isEvent(f) && f.event.event_type === 'group.invited')).toEqual([])

        // the same call with one id commits: the member and the event
        await add([erin.userId])
        const e = await exactlyOne('group.invited', (x) => x.target_user_id === erin.userId)
        expect(e.event.payload.conversation_id).toBe(group)
        expect(await countOf()).toBe(wasCount + 1)
      } finally {
        repo.close()
      }
    })
  })

  it.skipIf(!hasKcat && !required)('kcat reads the events as plain JSON', async () => {
    if (!hasKcat) throw new Error('kcat is not installed (GOCHAT_REQUIRE_INFRA=1 needs it): apt-get install kcat')
    const { stdout } = await run('kcat', ['-C', '-b', KAFKA, '-t', topicOf.user, '-o', 'beginning', '-e', '-q', '-J'], {
      timeout: 30_000,
    })
    const records = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { topic: string; partition: number; key: string; payload: string })
    const ids: string[] = []
    for (const r of records) {
      const e = EventEnvelope.parse(JSON.parse(r.payload))
      expect(userEventTypes).toContain(e.event_type)
      expect(r.key).toBe(e.user_id)
      ids.push(e.event_id)
    }
    // the same records the kafkajs observer read
    const observed = () => new Set(seen.filter((s) => s.topic === topicOf.user).map((s) => s.event.event_id))
    await until(observed, (o) => ids.every((id) => o.has(id)))
    expect(new Set(ids)).toEqual(observed())
    expect(records.map((r) => (JSON.parse(r.payload) as EventEnvelope).event_type)).toEqual(
      expect.arrayContaining(['user.online', 'user.offline', 'user.profile.updated']),
    )
  })

  it('every record is a valid envelope on the topic of its type, keyed by its subject, published once', () => {
    expect(undecodable).toEqual([])
    for (const s of seen) {
      const e = s.event
      if ((userEventTypes as readonly string[]).includes(e.event_type))
        expect([s.topic, s.key]).toEqual([topicOf.user, e.user_id])
      else if ((messageEventTypes as readonly string[]).includes(e.event_type)) {
        expect([s.topic, s.key]).toEqual([topicOf.message, e.conversation_id])
        expect(e.operator_id).toBeTruthy()
        expect(e.payload).toMatchObject({ message_id: expect.any(String), seq_id: expect.any(Number) })
      } else if ((groupEventTypes as readonly string[]).includes(e.event_type)) {
        expect([s.topic, s.key]).toEqual([topicOf.message, e.conversation_id])
        expect(e.operator_id).toBeTruthy()
      } else if ((notificationTypes as readonly string[]).includes(e.event_type))
        // a notification for every member (message.mentioned of @all) names the conversation instead
        expect([s.topic, s.key]).toEqual([topicOf.notification, e.target_user_id ?? e.conversation_id])
      else throw new Error(`unknown event type ${e.event_type}`)
    }
    const ids = seen.map((s) => s.event.event_id)
    expect(new Set(ids).size).toBe(ids.length)
    // and each reached a socket at most once
    for (const ws of sockets) {
      const got = ws.frames.filter(isEvent).map((f) => f.event.event_id)
      expect(new Set(got).size).toBe(got.length)
    }
    // every event type of the catalog was exercised
    expect(new Set(seen.map((s) => s.event.event_type))).toEqual(
      new Set([...userEventTypes, ...messageEventTypes, ...groupEventTypes, ...notificationTypes]),
    )
  })
})
