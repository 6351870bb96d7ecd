// The gateway's REST API over a real socket: in-process logic on the in-memory repo, the embedded bus
// (test/helpers/gateway.ts).
import { textDefaults } from '../../src/domain/message.js'
import { describe, expect, it } from 'vitest'
import { RestClient } from '../../src/client/rest.js'
import { base, cfg, setUpGateways, uniq, user } from '../../test/helpers/gateway.js'

setUpGateways()

describe('gateway REST', () => {
  it('registers, logs in and signs in guests with docs/protocol.md statuses and bodies', async () => {
    const name = `u${uniq()}`
    const res = await fetch(`${base}/v1/auth/register`, {
      method: 'POST',
      body: JSON.stringify({ username: name, password: 'secret-pass' }),
    })
    expect(res.status).toBe(201)
    const reg = (await res.json()) as { userId: string; token: string }
    expect(Object.keys(reg).sort()).toEqual(['token', 'userId'])
    await expect(new RestClient(base).register(name, 'secret-pass')).rejects.toMatchObject({
      status: 409,
      code: 'username_taken',
    })
    const rest = new RestClient(base)
    expect((await rest.login(name, 'secret-pass')).userId).toBe(reg.userId)
    expect(await rest.me()).toEqual({
      userId: reg.userId,
      username: name,
      displayName: name,
      guest: false,
      discoverable: false,
    })
    await expect(new RestClient(base).login(name, 'wrong-pass')).rejects.toMatchObject({
      status: 401,
      code: 'invalid_credentials',
    })
    await expect(new RestClient(base).login(`nobody${uniq()}`, 'secret-pass')).rejects.toMatchObject({
      status: 401,
      code: 'invalid_credentials',
    })

    const guest = new RestClient(base)
    const g = await fetch(`${base}/v1/auth/guest`, { method: 'POST', body: JSON.stringify({ displayName: 'Visitor' }) })
    expect(g.status).toBe(201)
    guest.token = ((await g.json()) as { token: string }).token
    const me = await guest.me()
    expect(me).toMatchObject({ displayName: 'Visitor', guest: true })
    expect(me).not.toHaveProperty('username')
    expect(await guest.updateMe('Renamed')).toMatchObject({ displayName: 'Renamed' })
    expect((await guest.me()).displayName).toBe('Renamed')
  })

  it('refuses missing and bad tokens with 401 and the error shape', async () => {
    const res = await fetch(`${base}/v1/me`)
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } })
    await expect(new RestClient(base, 'not-a-token').me()).rejects.toMatchObject({ status: 401, code: 'invalid_token' })
  })

  it('answers bad JSON with 400, unknown routes with 404, wrong methods with 405, big bodies with 413', async () => {
    const { token } = await user()
    const auth = { authorization: `Bearer ${token}` }
    expect((await fetch(`${base}/v1/groups`, { method: 'POST', headers: auth, body: '{nope' })).status).toBe(400)
    expect((await fetch(`${base}/v1/groups`, { method: 'POST', headers: auth, body: '[1]' })).status).toBe(400)
    const missing = await fetch(`${base}/v1/nothing`, { headers: auth })
    expect(missing.status).toBe(404)
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not_found')
    expect((await fetch(`${base}/v1/me`, { method: 'DELETE', headers: auth })).status).toBe(405)
    const big = await fetch(`${base}/v1/groups`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ name: 'x'.repeat(cfg.max_frame_bytes) }),
    })
    expect(big.status).toBe(413)
    expect(await big.json()).toMatchObject({ error: { code: 'too_large' } })
  })

  it('serves every conversation route with the documented statuses', async () => {
    const alice = await user()
    const bob = await user()
    const carol = await user()
    const first = await fetch(`${base}/v1/conversations/direct`, {
      method: 'POST',
      headers: { authorization: `Bearer ${alice.token}` },
      body: JSON.stringify({ peerUserId: bob.userId }),
    })
    expect(first.status).toBe(201)
    const { conversationId } = (await first.json()) as { conversationId: string }
    expect(await bob.rest.direct(alice.userId)).toEqual({ conversationId })
    await expect(alice.rest.direct(alice.userId)).rejects.toMatchObject({ status: 400 })

    const sent = await alice.rest.send(conversationId, 'hi', uniq())
    expect(sent).toEqual({ messageId: expect.any(String), seq: 1 })
    const hist = await bob.rest.history(conversationId)
    expect(hist).toEqual({
      hasMore: false,
      messages: [
        {
          messageId: sent.messageId,
          conversationId,
          seq: 1,
          senderId: alice.userId,
          content: 'hi',
          sentAt: expect.any(Number),
          status: 'normal',
          ...textDefaults,
        },
      ],
    })
    await expect(
      bob.rest.call('GET', `/v1/conversations/${conversationId}/messages?afterSeq=-1`),
    ).rejects.toMatchObject({ status: 400 })
    expect(await bob.rest.read(conversationId, 1)).toEqual({})
    expect((await bob.rest.conversations()).conversations).toContainEqual({
      conversationId,
      kind: 'direct',
      lastSeq: 1,
      muted: false,
      readSeq: 1,
      role: 'member',
      peer: { userId: alice.userId, displayName: `Name ${alice.name}`, readSeq: 0 },
    })
    await expect(bob.rest.recall(conversationId, sent.messageId)).rejects.toMatchObject({ status: 403 })
    expect(await alice.rest.recall(conversationId, sent.messageId)).toEqual({})
    const del = await fetch(`${base}/v1/conversations/${conversationId}/messages/${sent.messageId}?mode=hard`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${alice.token}` },
    })
    expect(del.status).toBe(204)
    expect(await del.text()).toBe('')
    await expect(
      alice.rest.call('DELETE', `/v1/conversations/${conversationId}/messages/${sent.messageId}?mode=gone`),
    ).rejects.toMatchObject({ status: 400 })

    const group = await fetch(`${base}/v1/groups`, {
      method: 'POST',
      headers: { authorization: `Bearer ${alice.token}` },
      body: JSON.stringify({ name: 'team', memberIds: [bob.userId] }),
    })
    expect(group.status).toBe(201)
    const gid = ((await group.json()) as { conversationId: string }).conversationId
    await expect(bob.rest.addMembers(gid, [carol.userId])).rejects.toMatchObject({ status: 403 })
    // carol shares no conversation with alice: invited, a member once she accepts
    expect(await alice.rest.addMembers(gid, [carol.userId])).toEqual({ added: [], invited: [carol.userId] })
    expect((await carol.rest.invitations()).invitations).toMatchObject([{ conversationId: gid, name: 'team' }])
    expect(await carol.rest.acceptInvitation(gid)).toEqual({ conversationId: gid })
    await expect(carol.rest.declineInvitation(gid)).rejects.toMatchObject({ status: 404, code: 'not_found' })
    expect(await alice.rest.announce(gid, 'welcome')).toEqual({})
    await expect(bob.rest.announce(gid, 'mine now')).rejects.toMatchObject({ status: 403 })
    const removed = await fetch(`${base}/v1/groups/${gid}/members/${carol.userId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${carol.token}` },
    })
    expect(removed.status).toBe(204)
    expect((await alice.rest.conversations()).conversations).toContainEqual({
      conversationId: gid,
      kind: 'group',
      muted: false,
      name: 'team',
      lastSeq: 0,
      readSeq: 0,
      role: 'admin',
      announcement: 'welcome',
    })

    const fr = await fetch(`${base}/v1/friends/requests`, {
      method: 'POST',
      headers: { authorization: `Bearer ${alice.token}` },
      body: JSON.stringify({ userId: carol.userId }),
    })
    expect(fr.status).toBe(201)
    expect(await carol.rest.acceptFriend(alice.userId)).toEqual({})
  })

  it('reports health as JSON and metrics as Prometheus text', async () => {
    const health = await fetch(`${base}/health`)
    expect(health.status).toBe(200)
    expect(await health.json()).toEqual({
      status: 'ok',
      checks: { accepting: { ok: true }, logic: { ok: true }, cache: { ok: true }, bus: { ok: true } },
    })
    const metrics = await fetch(`${base}/metrics`)
    expect(metrics.headers.get('content-type')).toContain('text/plain')
    expect(await metrics.text()).toContain('gochat_gateway_connections')
  })
})
