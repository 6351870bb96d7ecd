// user.tokens.revoked (`gochat users erase`): routed to the user's own gateways only, each told which sockets to
// close (closeRevoked), after the revocation was written again through repo (a cache the CLI cannot reach gets it).
import { describe, expect, it } from 'vitest'
import type { RepoApi } from '../../src/rpc/api.js'
import { userEvent } from '../../src/contracts/events.js'
import { DownstreamMessage } from '../../src/contracts/payloads.js'
import { userRevocationId } from '../../src/auth/revocation.js'
import { routeEvent } from './events.js'

function deps(online: Record<string, string[]>) {
  const revoked: Array<{ jti: string; expires_at: unknown }> = []
  const repo = {
    LookupPresence: async ({ user_ids }: { user_ids: string[] }) => ({
      presence: user_ids.map((u) => ({ user_id: u, gateway_ids: online[u] ?? [] })),
    }),
    RevokeToken: async (req: { jti: string; expires_at: unknown }) => void revoked.push(req),
    ListDirectPeers: async () => {
      throw new Error('a revocation goes to nobody but its user')
    },
  } as unknown as RepoApi
  return { revoked, deps: { repo, downstreamTopic: (gw: string) => `down.${gw}`, pushTopic: 'p', pushEnabled: true } }
}

const downstream = (out: Awaited<ReturnType<typeof routeEvent>>) =>
  [...out.byTopic].flatMap(([topic, records]) =>
    records.map((r) => ({ topic, msg: DownstreamMessage.parse(JSON.parse(String(r.value))) })),
  )

describe('routeEvent: user.tokens.revoked', () => {
  const expiresAt = Date.now() + 3_600_000

  it("reaches every gateway of the user's sockets, naming the revocation to close, and writes it through repo", async () => {
    const { revoked, deps: d } = deps({ alice: ['gw-a', 'gw-b'], bob: ['gw-a'] })
    const e = userEvent('user.tokens.revoked', 'alice', {
      revocation_id: userRevocationId('alice'),
      expires_at: expiresAt,
      reason: 'erased',
    })
    const out = downstream(await routeEvent(d, e))
    expect(out.map((o) => o.topic).sort()).toEqual(['down.gw-a', 'down.gw-b'])
    for (const { msg } of out) {
      expect(msg).toMatchObject({ userIds: ['alice'], closeRevoked: 'user:alice' })
      expect(JSON.parse(msg.frame)).toMatchObject({ op: 'event', event: { event_type: 'user.tokens.revoked' } })
    }
    expect(revoked).toEqual([{ jti: 'user:alice', expires_at: expiresAt }])
  })

  it('without a revocation id it is every token of the user; offline, nothing is routed but repo still gets it', async () => {
    const { revoked, deps: d } = deps({})
    const out = await routeEvent(d, userEvent('user.tokens.revoked', 'alice', { expires_at: expiresAt }))
    expect(out.byTopic.size).toBe(0)
    expect(revoked.map((r) => r.jti)).toEqual(['user:alice'])
  })

  it('other user events close nothing', async () => {
    const { deps: d } = deps({ bob: ['gw-a'] })
    d.repo.ListDirectPeers = (async () => ({ user_ids: ['bob'] })) as unknown as RepoApi['ListDirectPeers']
    const out = downstream(await routeEvent(d, userEvent('user.online', 'alice', { gateway_id: 'gw-x' })))
    expect(out.map((o) => o.msg.closeRevoked)).toEqual([undefined])
  })
})
