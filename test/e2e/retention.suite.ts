// Retention end to end (docs/protocol.md "Retention and disappearing messages"): a conversation's ttl set over REST
// makes its records expire through the task role's sweep; history then holds a tombstone at every seq (sync stays
// gap-free, the next send takes the next seq), and bad settings are refused and change nothing. Run against
// `gochat up` (retention.test.ts) and a multi-process cluster on real Kafka/MariaDB/Redis
// (retention-cluster.test.ts), both sweeping every second (GOCHAT_RETENTION_SWEEP_SECONDS=1).
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { type ApiError, RestClient } from '../../src/client/rest.js'
import type { Message } from '../../src/contracts/payloads.js'
import { until } from '../helpers/until.js'

export interface Target {
  gateways: () => string[]
}

const uniq = () => randomUUID().slice(0, 8)

export function retentionSuite(name: string, target: Target) {
  const gw = (i: number) => target.gateways()[i % target.gateways().length]!
  async function user(i: number) {
    const rest = new RestClient(gw(i))
    const s = await rest.register(`r${uniq()}`, 'correct horse battery', `User ${i}`)
    return { rest, ...s }
  }
  async function history(rest: RestClient, conversationId: string): Promise<Message[]> {
    const out: Message[] = []
    for (let after = 0; ; ) {
      const page = await rest.history(conversationId, after, 2)
      out.push(...page.messages)
      if (!page.hasMore || page.messages.length === 0) return out
      after = page.messages.at(-1)!.seq
    }
  }
  const retention = (rest: RestClient, id: string) =>
    rest.call<{ retentionDays: number; ttlSeconds: number }>('GET', `/v1/conversations/${id}/retention`)
  const setRetention = (rest: RestClient, id: string, body: unknown) =>
    rest.call('PUT', `/v1/conversations/${id}/retention`, body)
  const refused = (p: Promise<unknown>) =>
    p.then(
      () => undefined,
      (e: unknown) => e as ApiError,
    )

  describe(name, () => {
    it('disappearing messages become tombstones at their seqs; sync stays gap-free and the next send goes on', async () => {
      const a = await user(0)
      const b = await user(1)
      const { conversationId: c } = await a.rest.direct(b.userId)
      expect(await setRetention(b.rest, c, { ttlSeconds: 2 })).toMatchObject({ ttlSeconds: 2, retentionDays: 0 })
      const sent = []
      for (let i = 0; i < 5; i++) sent.push(await a.rest.send(c, `secret ${i}`, uniq()))
      expect(sent.map((s) => s.seq)).toEqual([1, 2, 3, 4, 5])
      const seen = await until(
        () => history(b.rest, c),
        (h) => h.length === 5 && h.every((m) => m.kind === 'expired'),
        20_000,
        250,
      )
      expect(seen.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5])
      expect(seen.map((m) => m.messageId)).toEqual(sent.map((s) => s.messageId))
      expect(seen.every((m) => m.content === '' && m.senderId === a.userId)).toBe(true)
      // an expired message takes no operations; the conversation goes on at the next seq
      const e = await refused(a.rest.send(c, '👍', uniq(), { kind: 'reaction', targetId: sent[0]!.messageId }))
      expect(e).toMatchObject({ status: 409, code: 'conflict' })
      expect((await a.rest.send(c, 'after', uniq())).seq).toBe(6)
    })

    it('refuses bad settings and non-admins, changing nothing', async () => {
      const a = await user(0)
      const b = await user(1)
      const outsider = await user(2)
      const { conversationId: c } = await a.rest.direct(b.userId)
      await setRetention(a.rest, c, { retentionDays: 30 })
      for (const body of [{ ttlSeconds: -1 }, { retentionDays: 99_999 }, { ttlSeconds: 'soon' }])
        expect(await refused(setRetention(a.rest, c, body))).toMatchObject({ status: 400, code: 'bad_request' })
      expect(await refused(retention(outsider.rest, c))).toMatchObject({ status: 403, code: 'not_member' })
      expect(await refused(setRetention(outsider.rest, c, { ttlSeconds: 1 }))).toMatchObject({ status: 403 })
      expect(await retention(b.rest, c)).toMatchObject({ retentionDays: 30, ttlSeconds: 0 })
      const { messageId } = await a.rest.send(c, 'kept', uniq())
      expect((await history(b.rest, c)).map((m) => [m.messageId, m.content])).toEqual([[messageId, 'kept']])
    })
  })
}
