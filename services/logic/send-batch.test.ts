// SendMessages keeps item order whatever order the sends' checks finish in, and answers each item alone.
import { describe, expect, it } from 'vitest'
import { AppError } from '../../src/core/errors.js'
import type { StoreMessageRequest } from '../../src/contracts/generated/gochat/repo/v1/StoreMessageRequest.js'
import { orderedSends, type PreparedSend } from './send-batch.js'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const sends = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    conversation_id: i % 2 ? 'a' : 'b',
    content: `m${i}`,
    idempotency_key: `k${i}`,
  }))

describe('orderedSends', () => {
  it('stores the checked sends in one call, in item order, though their checks finish in reverse', async () => {
    const calls: StoreMessageRequest[][] = []
    const seqs = new Map<string, number>()
    const handler = orderedSends(
      {
        StoreMessages: async ({ messages }) => {
          calls.push(messages ?? [])
          return {
            results: (messages ?? []).map((m) => {
              const seq = (seqs.get(m.conversation_id!) ?? 0) + 1
              seqs.set(m.conversation_id!, seq)
              return { ok: { message: { seq, content: m.content } as never, duplicate: false }, error: null }
            }),
          }
        },
      },
      async (req): Promise<PreparedSend> => {
        const i = Number(req.content!.slice(1))
        await sleep(60 - i * 3) // the last item's check finishes first
        if (i === 7) throw new AppError('not_member', 'not a member of this conversation')
        return { store: { conversation_id: req.conversation_id, content: req.content } }
      },
      (res) => ({ message: { seq: res.message!.seq, content: res.message!.content } as never, duplicate: false }),
    )
    const { results } = await handler({ sends: sends(20) })
    expect(calls).toHaveLength(1)
    expect(calls[0]!.map((m) => m.content)).toEqual(sends(20).flatMap((s, i) => (i === 7 ? [] : [s.content])))
    expect(results[7]).toEqual({
      ok: null,
      error: { code: 'not_member', message: expect.any(String), retry_after_seconds: 0 },
    })
    const seqsOf = (c: string) =>
      results.filter((_, i) => sends(20)[i]!.conversation_id === c && i !== 7).map((r) => r.ok!.message!.seq)
    expect(seqsOf('a')).toEqual(Array.from({ length: 9 }, (_, i) => i + 1))
    expect(seqsOf('b')).toEqual(Array.from({ length: 10 }, (_, i) => i + 1))
  })

  it('fails every stored item with the error of a failed StoreMessages call, and runs async sends in order', async () => {
    const ran: string[] = []
    const handler = orderedSends(
      {
        StoreMessages: async () => {
          throw new AppError('unavailable', 'repo is unavailable')
        },
      },
      async (req): Promise<PreparedSend> => {
        const i = Number(req.content!.slice(1))
        await sleep(20 - i)
        if (i >= 3) return { store: { content: req.content } }
        return { run: async () => (ran.push(req.content!), { message: null, duplicate: false }) }
      },
      () => ({ message: null, duplicate: false }),
    )
    const { results } = await handler({ sends: sends(6) })
    expect(ran).toEqual(['m0', 'm1', 'm2'])
    expect(results.slice(3).map((r) => r.error?.code)).toEqual(['unavailable', 'unavailable', 'unavailable'])
  })
})
