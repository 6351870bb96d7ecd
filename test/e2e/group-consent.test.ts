// Issue 23, "anyone can put anyone in a group" and "the only admin leaves", over real HTTP and WebSockets against
// `gochat up`: a stranger's group gives invitations, not memberships, so its posts reach nobody until an invitee
// accepts (then they do) or declines (then nothing); the invitee hears of the invitation live; adds are limited per
// call and per day (413 too_large, 429 rate_limited, nothing changes), the admin secret adds directly; and when the
// last admin leaves, the oldest member is promoted and every member is told. The same suite runs on a cluster on
// real infrastructure, with people spread over two gateways (the day's budget is shared through Redis).
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RestClient } from '../../src/client/rest.js'
import { SocketClient, type ServerFrame } from '../../src/client/socket.js'
import { useCluster } from '../helpers/cluster-run.js'
import { infraAvailable } from '../helpers/infra.js'
import { startUp } from '../helpers/up.js'

const PER_CALL = 4
const PER_DAY = 10
const LIMITS = { GOCHAT_GROUP_ADDS_PER_CALL: String(PER_CALL), GOCHAT_GROUP_ADDS_PER_DAY: String(PER_DAY) }

describe('group consent and the last admin against gochat up', () => {
  let up: Awaited<ReturnType<typeof startUp>>
  beforeAll(async () => {
    up = await startUp([], LIMITS)
  }, 60_000)
  afterAll(async () => {
    await up?.stop()
  })
  consentSuite(() => ({ urls: [up.url], adminSecret: up.adminSecret }))
})

describe.skipIf(!(await infraAvailable('kafka', 'mysql', 'redis')))('group consent on a cluster (2 gateways)', () => {
  const c = useCluster('consent', { env: LIMITS })
  consentSuite(() => ({ urls: c.cluster.gatewayUrls, adminSecret: c.cluster.adminSecret }))
})

function consentSuite(target: () => { urls: string[]; adminSecret: string }) {
  const sockets: SocketClient[] = []
  let people = 0
  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.close()))
  })

  /** a registered user on the next gateway, with a socket there; `rest(i)` talks to gateway i */
  const person = async (name: string) => {
    const { urls } = target()
    const url = urls[people++ % urls.length]!
    const rest = new RestClient(url)
    const s = await rest.register(`${name}${randomUUID().slice(0, 8)}`, 'secret-pass', name)
    const ws = await SocketClient.connect(url, s.token)
    sockets.push(ws)
    await ws.ping() // registered in presence once the upgrade is done
    const at = (i: number) => new RestClient(urls[i % urls.length]!, s.token)
    return { rest, ws, at, ...s }
  }
  const eventOf = (ws: SocketClient, type: string, conversationId: string) =>
    ws.waitFor(
      (f) =>
        f.op === 'event' &&
        f.event.event_type === type &&
        ((f.event.payload as Record<string, unknown>)?.conversation_id === conversationId ||
          f.event.conversation_id === conversationId),
      10_000,
      `${type} of ${conversationId}`,
    ) as Promise<Extract<ServerFrame, { op: 'event' }>>
  const groupsOf = async (rest: RestClient) =>
    (await rest.conversations()).conversations.filter((c) => c.kind === 'group').map((c) => c.conversationId)

  it("a stranger's group invites instead of adding; its posts reach an invitee only once they accept", async () => {
    const stranger = await person('Stranger')
    const [ann, bob] = [await person('Ann'), await person('Bob')]
    const g = await stranger.rest.createGroup('free stuff', [ann.userId, bob.userId])
    expect(g).toMatchObject({ added: [], invited: [ann.userId, bob.userId] })
    const gid = g.conversationId

    // told live, listed, and not a member
    const note = await eventOf(ann.ws, 'group.invitation.created', gid)
    expect(note.event).toMatchObject({
      target_user_id: ann.userId,
      payload: { conversation_id: gid, name: 'free stuff', inviter_id: stranger.userId },
    })
    expect((await ann.rest.invitations()).invitations).toEqual([
      {
        conversationId: gid,
        name: 'free stuff',
        inviter: { userId: stranger.userId, displayName: 'Stranger' },
        createdAt: expect.any(Number),
      },
    ])
    expect(await groupsOf(ann.rest)).toEqual([])
    await expect(ann.rest.history(gid)).rejects.toMatchObject({ status: 403, code: 'not_member' })

    // the stranger posts: nobody else is in the group, so nobody else gets it (once it reached the stranger's own
    // socket, it has been routed to every member there was)
    const first = await stranger.rest.send(gid, 'buy now', randomUUID())
    await stranger.ws.waitForMessage(gid, first.seq)
    expect(ann.ws.messages(gid)).toEqual([])
    // ann accepts: a member, told to the inviter; the next post reaches her live, the earlier one by sync
    expect(await ann.rest.acceptInvitation(gid)).toEqual({ conversationId: gid })
    const accepted = await eventOf(stranger.ws, 'group.invitation.accepted', gid)
    expect(accepted.event.payload).toMatchObject({ conversation_id: gid, user_id: ann.userId })
    expect(await groupsOf(ann.rest)).toEqual([gid])
    const second = await stranger.rest.send(gid, 'still here', randomUUID())
    await ann.ws.waitForMessage(gid, second.seq)
    expect(ann.ws.messages(gid).map((m) => m.seq)).toEqual([second.seq])
    expect((await ann.rest.history(gid)).messages.map((m) => m.seq)).toEqual([first.seq, second.seq])
    await expect(ann.rest.acceptInvitation(gid)).rejects.toMatchObject({ status: 404, code: 'not_found' })

    // bob declines: nothing of the group reaches him, ever
    await bob.rest.declineInvitation(gid)
    const declined = await eventOf(stranger.ws, 'group.invitation.declined', gid)
    expect(declined.event.payload).toMatchObject({ user_id: bob.userId })
    const third = await stranger.rest.send(gid, 'last chance', randomUUID())
    await ann.ws.waitForMessage(gid, third.seq)
    expect(bob.ws.messages(gid)).toEqual([])
    expect(await groupsOf(bob.rest)).toEqual([])
    expect((await bob.rest.invitations()).invitations).toEqual([])
    await expect(bob.rest.send(gid, 'let me in', randomUUID())).rejects.toMatchObject({ status: 403 })
  })

  it('adds people who already share a conversation with the adder, and invites the rest', async () => {
    const [ann, friend, stranger] = [await person('Ann'), await person('Friend'), await person('Other')]
    await ann.rest.direct(friend.userId)
    const g = await ann.rest.createGroup('mixed', [friend.userId, stranger.userId])
    expect(g).toMatchObject({ added: [friend.userId], invited: [stranger.userId] })
    await eventOf(friend.ws, 'group.invited', g.conversationId)
    expect(await groupsOf(friend.rest)).toEqual([g.conversationId])
    expect(await groupsOf(stranger.rest)).toEqual([])
  })

  it('refuses more than group_adds_per_call a call and group_adds_per_day a day, changing nothing', async () => {
    const spammer = await person('Spammer')
    const targets = await Promise.all(Array.from({ length: PER_DAY + 2 }, (_, i) => person(`T${i}`)))
    const ids = targets.map((t) => t.userId)
    const before = await groupsOf(spammer.rest)
    await expect(spammer.rest.createGroup('spam', ids.slice(0, PER_CALL + 1))).rejects.toMatchObject({
      status: 413,
      code: 'too_large',
    })
    expect(await groupsOf(spammer.rest)).toEqual(before)
    // the day's budget: PER_DAY people in calls of PER_CALL
    const { conversationId } = await spammer.rest.createGroup('spam', ids.slice(0, PER_CALL))
    // through every gateway: one budget, wherever the calls land
    for (let i = PER_CALL, k = 1; i < PER_DAY; i += PER_CALL, k++)
      await spammer.at(k).addMembers(conversationId, ids.slice(i, Math.min(i + PER_CALL, PER_DAY)))
    await expect(spammer.at(0).addMembers(conversationId, [ids[PER_DAY]!])).rejects.toMatchObject({
      status: 429,
      code: 'rate_limited',
    })
    await expect(spammer.at(1).createGroup('more', [ids[PER_DAY]!])).rejects.toMatchObject({ status: 429 })
    expect((await targets[PER_DAY]!.rest.invitations()).invitations).toEqual([])
    expect(await groupsOf(spammer.rest)).toEqual([...before, conversationId].sort())
    // a wrong admin secret is refused; the deployment's adds directly, past the limits
    await expect(spammer.rest.addMembers(conversationId, [ids[PER_DAY]!], 'not-the-secret')).rejects.toMatchObject({
      status: 403,
      code: 'forbidden',
    })
    expect(await spammer.rest.addMembers(conversationId, ids.slice(PER_DAY), target().adminSecret)).toEqual({
      added: ids.slice(PER_DAY),
      invited: [],
    })
    expect(await groupsOf(targets[PER_DAY]!.rest)).toEqual([conversationId])
  })

  it('promotes the oldest member when the only admin leaves, and tells every member', async () => {
    const owner = await person('Owner')
    const [first, second] = [await person('First'), await person('Second')]
    const { conversationId: gid } = await owner.rest.createGroup('club', [first.userId, second.userId])
    await first.rest.acceptInvitation(gid)
    await new Promise((resolve) => setTimeout(resolve, 5))
    await second.rest.acceptInvitation(gid)
    await owner.rest.removeMember(gid, owner.userId)
    for (const m of [first, second]) {
      const e = await eventOf(m.ws, 'group.admin.promoted', gid)
      expect(e.event).toMatchObject({
        conversation_id: gid,
        payload: { user_id: first.userId, previous_admin_id: owner.userId },
      })
    }
    const roles = await first.rest.call<{ members: Array<{ userId: string; role: string }> }>(
      'GET',
      `/v1/conversations/${gid}/members`,
    )
    expect(roles.members.map((m) => [m.userId, m.role]).sort()).toEqual(
      [
        [first.userId, 'admin'],
        [second.userId, 'member'],
      ].sort(),
    )
    // the new admin administers; the old owner shares no conversation with them any more: invited back
    expect(await first.rest.addMembers(gid, [owner.userId])).toEqual({ added: [], invited: [owner.userId] })
  })
}
