// Issue 28, moderation, over real HTTP and WebSockets against `gochat up` and a cluster on real infrastructure: a
// block refuses direct sends both ways (nothing stored) and hides the two from each other's search; a muted
// conversation still delivers by sync but gets no offline push (the webhook provider records every push); an
// admin's member mute refuses that member's sends `muted`; a ban removes the member, and re-adds take an admin; each
// admin action reaches the members as an event and, on the cluster, the audit topic on Kafka (`gochat tail audit`).
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RestClient } from '../../src/client/rest.js'
import { SocketClient, type ServerFrame } from '../../src/client/socket.js'
import { runGochat } from '../helpers/cli.js'
import { useCluster } from '../helpers/cluster-run.js'
import { infraAvailable, KAFKA } from '../helpers/infra.js'
import { startUp } from '../helpers/up.js'
import { sleep, waitUntil } from '../helpers/until.js'
import { startReceiver, type Receiver } from '../helpers/webhook.js'

let receiver: Receiver
const pushEnv = () => ({ GOCHAT_PUSH_PROVIDER: 'webhook', GOCHAT_PUSH_ENDPOINT: receiver.url })
beforeAll(async () => {
  receiver = await startReceiver()
})
afterAll(async () => {
  await receiver?.close()
})

describe('moderation against gochat up', () => {
  let up: Awaited<ReturnType<typeof startUp>>
  beforeAll(async () => {
    up = await startUp([], pushEnv())
  }, 60_000)
  afterAll(async () => {
    await up?.stop()
  })
  moderationSuite(() => ({ urls: [up.url] }))
})

describe.skipIf(!(await infraAvailable('kafka', 'mysql', 'redis')))('moderation on a cluster (2 gateways)', () => {
  const c = useCluster('moder', {
    get env() {
      return pushEnv()
    },
  })
  moderationSuite(() => ({ urls: c.cluster.gatewayUrls, topicPrefix: c.prefix }))
})

interface AuditLine {
  value: { actor: string; action: string; target: string; details: Record<string, unknown> }
}

function moderationSuite(target: () => { urls: string[]; topicPrefix?: string }) {
  const sockets: SocketClient[] = []
  let people = 0
  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.close()))
  })

  /** a registered user on the next gateway; `online` also opens a socket there */
  const person = async (name: string, online = true) => {
    const { urls } = target()
    const url = urls[people++ % urls.length]!
    const rest = new RestClient(url)
    const username = `${name.toLowerCase()}${randomUUID().slice(0, 8)}`
    const s = await rest.register(username, 'secret-pass', name)
    const ws = online ? await SocketClient.connect(url, s.token) : undefined
    if (ws) {
      sockets.push(ws)
      await ws.ping()
    }
    return { rest, ws, username, ...s }
  }
  const refused = (p: Promise<unknown>, status: number, code: string) =>
    expect(p).rejects.toMatchObject({ status, code })
  const send = (rest: RestClient, conversationId: string, content: string) =>
    rest.send(conversationId, content, randomUUID())
  const eventOf = (ws: SocketClient, type: string, conversationId: string) =>
    ws.waitFor(
      (f) => f.op === 'event' && f.event.event_type === type && f.event.conversation_id === conversationId,
      10_000,
      `${type} of ${conversationId}`,
    ) as Promise<Extract<ServerFrame, { op: 'event' }>>

  it("a block refuses the direct conversation's sends both ways, stores nothing, and hides each from the other's search", async () => {
    const [ann, bob] = [await person('Ann'), await person('Bob')]
    const { conversationId: d } = await ann.rest.direct(bob.userId)
    await send(bob.rest, d, 'before')
    await refused(ann.rest.call('POST', '/v1/blocks', { userId: ann.userId }), 400, 'bad_request')
    await ann.rest.call('POST', '/v1/blocks', { userId: bob.userId })
    expect(await ann.rest.call('GET', '/v1/blocks')).toMatchObject({
      blocks: [{ userId: bob.userId, displayName: 'Bob' }],
    })

    await refused(send(bob.rest, d, 'after'), 403, 'blocked')
    await refused(send(ann.rest, d, 'after'), 403, 'blocked')
    await refused(bob.rest.direct(ann.userId), 403, 'blocked')
    expect((await ann.rest.history(d)).messages.map((m) => m.content)).toEqual(['before'])
    const found = await bob.rest.call<{ users: { userId: string }[] }>('GET', `/v1/users?q=${ann.username}`)
    expect(found.users).toEqual([])
    const presence = await bob.rest.call<{ presence: unknown[] }>('GET', `/v1/users/presence?ids=${ann.userId}`)
    expect(presence.presence).toEqual([{ userId: ann.userId, online: false }])

    await ann.rest.call('DELETE', `/v1/blocks/${bob.userId}`)
    await send(bob.rest, d, 'again')
    expect((await ann.rest.history(d)).messages.map((m) => m.content)).toEqual(['before', 'again'])
  })

  it('a muted conversation is delivered by sync but pushes nothing; an unmuted one pushes', async () => {
    const ann = await person('Ann')
    const [bob, cat] = [await person('Bob', false), await person('Cat', false)]
    const { conversationId: muted } = await ann.rest.direct(bob.userId)
    const { conversationId: loud } = await ann.rest.direct(cat.userId)
    expect(await bob.rest.call('PUT', `/v1/conversations/${muted}/mute`, { muted: true })).toEqual({ muted: true })
    await refused(cat.rest.call('PUT', `/v1/conversations/${muted}/mute`, {}), 403, 'not_member')
    expect((await bob.rest.conversations()).conversations.find((c) => c.conversationId === muted)).toMatchObject({
      muted: true,
    })

    const pushedTo = (conversationId: string) =>
      receiver.bodies.filter((b) => (b as { conversationId: string }).conversationId === conversationId)
    await send(ann.rest, muted, 'quiet')
    await send(ann.rest, loud, 'loud')
    await waitUntil(() => pushedTo(loud).length === 1, 15_000, 50)
    await sleep(1_000) // the muted conversation's push, had there been one, was produced before the loud one's
    expect(pushedTo(muted)).toEqual([])
    expect((await bob.rest.history(muted)).messages.map((m) => m.content)).toEqual(['quiet'])
  })

  it('an admin mutes a member for a time: their sends are refused `muted`; a member may not mute; unmuting lets them send', async () => {
    const [ann, bob] = [await person('Ann'), await person('Bob')]
    await ann.rest.direct(bob.userId) // contacts: bob is added, not invited
    const { conversationId: g } = await ann.rest.createGroup('team', [bob.userId])
    await refused(bob.rest.call('POST', `/v1/groups/${g}/mutes`, { userId: ann.userId, seconds: 60 }), 403, 'not_admin')
    const before = Date.now()
    const { mutedUntil } = await ann.rest.call<{ mutedUntil: number }>('POST', `/v1/groups/${g}/mutes`, {
      userId: bob.userId,
      seconds: 60,
    })
    expect(mutedUntil).toBeGreaterThanOrEqual(before + 60_000)
    const told = await eventOf(bob.ws!, 'group.member.muted', g)
    expect(told.event).toMatchObject({ operator_id: ann.userId, payload: { user_id: bob.userId, until: mutedUntil } })
    await refused(send(bob.rest, g, 'let me speak'), 403, 'muted')
    await send(ann.rest, g, 'the admin still speaks')
    await ann.rest.call('DELETE', `/v1/groups/${g}/mutes/${bob.userId}`)
    await send(bob.rest, g, 'thanks')
    expect((await ann.rest.history(g)).messages.map((m) => m.content)).toEqual(['the admin still speaks', 'thanks'])
  })

  it('bad moderation input gets a clear code and changes nothing', async () => {
    const [ann, bob, cat] = [await person('Ann'), await person('Bob'), await person('Cat')]
    await ann.rest.direct(bob.userId)
    await ann.rest.direct(cat.userId)
    const { conversationId: g } = await ann.rest.createGroup('rules', [bob.userId])
    await refused(ann.rest.call('POST', '/v1/blocks', { userId: 'u_nobody' }), 404, 'not_found')
    await refused(ann.rest.call('POST', '/v1/blocks', { userId: 7 }), 400, 'bad_request')
    for (const seconds of [-1, 30 * 24 * 3600 + 1, 'soon'])
      await refused(ann.rest.call('POST', `/v1/groups/${g}/mutes`, { userId: bob.userId, seconds }), 400, 'bad_request')
    await refused(ann.rest.call('POST', `/v1/groups/${g}/mutes`, { userId: cat.userId, seconds: 60 }), 404, 'not_found')
    await refused(ann.rest.call('POST', `/v1/groups/${g}/bans`, { userId: ann.userId }), 400, 'bad_request')
    await refused(bob.rest.call('DELETE', `/v1/groups/${g}/bans/${cat.userId}`), 403, 'not_admin')
    await refused(bob.rest.call('GET', `/v1/groups/${g}/bans`), 403, 'not_admin')
    await refused(cat.rest.call('PUT', `/v1/conversations/${g}/mute`, { muted: 'yes' }), 400, 'bad_request')
    expect(await ann.rest.call('GET', '/v1/blocks')).toEqual({ blocks: [] })
    expect(await ann.rest.call('GET', `/v1/groups/${g}/bans`)).toEqual({ bans: [] })
    await send(bob.rest, g, 'not muted') // nothing of the above muted or banned him
  })

  it('a ban removes the member and their invitation; only an admin adds them back, which lifts the ban', async () => {
    const [ann, bob, cat, dan] = [await person('Ann'), await person('Bob'), await person('Cat'), await person('Dan')]
    await ann.rest.direct(bob.userId)
    await ann.rest.direct(cat.userId)
    const { conversationId: g, invited } = await ann.rest.createGroup('club', [bob.userId, cat.userId, dan.userId])
    expect(invited).toEqual([dan.userId])

    await refused(cat.rest.call('POST', `/v1/groups/${g}/bans`, { userId: bob.userId }), 403, 'not_admin')
    await ann.rest.call('POST', `/v1/groups/${g}/bans`, { userId: bob.userId })
    await ann.rest.call('POST', `/v1/groups/${g}/bans`, { userId: dan.userId })
    const told = await eventOf(cat.ws!, 'group.member.banned', g)
    expect(told.event).toMatchObject({ operator_id: ann.userId, payload: { user_id: bob.userId } })
    await refused(send(bob.rest, g, 'still here?'), 403, 'not_member')
    await refused(dan.rest.acceptInvitation(g), 404, 'not_found')
    await refused(cat.rest.addMembers(g, [bob.userId]), 403, 'not_admin')
    const bans = await ann.rest.call<{ bans: { userId: string }[] }>('GET', `/v1/groups/${g}/bans`)
    expect(bans.bans.map((b) => b.userId).sort()).toEqual([bob.userId, dan.userId].sort())

    // the admin adds bob back: the ban is lifted (an unban); unbanning dan lets him be invited again
    expect(await ann.rest.addMembers(g, [bob.userId])).toMatchObject({ added: [bob.userId] })
    await ann.rest.call('DELETE', `/v1/groups/${g}/bans/${dan.userId}`)
    expect(await ann.rest.call('GET', `/v1/groups/${g}/bans`)).toEqual({ bans: [] })
    await send(bob.rest, g, 'back')

    const { topicPrefix } = target()
    if (!topicPrefix) return
    // the audit trail on Kafka, decoded by gochat tail
    const r = await runGochat(
      ['tail', 'audit', '--from-beginning', '--count', '6', '--json', '--kafka', KAFKA, '--topic-prefix', topicPrefix],
      { timeoutMs: 60_000 },
    )
    expect(r.code, r.stderr).toBe(0)
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as AuditLine)
    const mine = lines.map((l) => l.value).filter((v) => v.details.conversation_id === g)
    expect(mine.map((v) => `${v.action} ${v.target}`).sort()).toEqual(
      [
        `group.member.banned ${bob.userId}`,
        `group.member.banned ${dan.userId}`,
        `group.member.unbanned ${bob.userId}`,
        `group.member.unbanned ${dan.userId}`,
      ].sort(),
    )
    expect(mine.every((v) => v.actor === ann.userId)).toBe(true)
  })
}
