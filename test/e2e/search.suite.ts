// History search end to end (docs/protocol.md "Search"): GET /v1/search finds English, Chinese and Japanese words
// in the caller's conversations, never a message of a conversation they are not in, never a recalled one; pages by
// cursor; a query with full-text syntax is words, and bad input gets a 400 that changes nothing. Run against
// `gochat up` (search.test.ts) and a multi-process cluster on real Kafka/MariaDB/Redis (search-cluster.test.ts).
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { ApiError, RestClient } from '../../src/client/rest.js'
import type { Message } from '../../src/contracts/payloads.js'
import { until } from '../helpers/until.js'

export interface Target {
  /** gateway base URLs; clients are spread over them (index modulo length) */
  gateways: () => string[]
}

interface Hit {
  message: Message
  snippet: string
  highlights: Array<[number, number]>
}
interface Page {
  hits: Hit[]
  next?: string
}

const uniq = () => randomUUID().slice(0, 8)

export function searchSuite(name: string, target: Target) {
  const gw = (i: number) => target.gateways()[i % target.gateways().length]!
  async function user(i: number) {
    const rest = new RestClient(gw(i))
    const s = await rest.register(`s${uniq()}`, 'correct horse battery', `Searcher ${i}`)
    return { rest, ...s }
  }
  const search = (rest: RestClient, params: Record<string, string>) =>
    rest.call<Page>('GET', `/v1/search?${new URLSearchParams(params)}`)
  /** the hits once `want` of them are there (the index is written with the message; a cluster's reads may lag) */
  const found = async (rest: RestClient, params: Record<string, string>, want: number) =>
    (
      await until(
        () => search(rest, params),
        (p) => p.hits.length >= want,
        15_000,
      )
    ).hits
  const refused = (p: Promise<unknown>) =>
    p.then(
      () => null,
      (err: unknown) => (err instanceof ApiError ? [err.status, err.code] : err),
    )

  describe(name, () => {
    it('finds English, Chinese and Japanese words in the caller’s conversations, and nothing of others', async () => {
      const [ann, bob, eve] = [await user(0), await user(1), await user(2)]
      const { conversationId: ab } = await bob.rest.direct(ann.userId)
      const { conversationId: be } = await bob.rest.direct(eve.userId)
      const tag = uniq()
      await ann.rest.send(ab, `Kafka ${tag} keeps every record`, uniq())
      await bob.rest.send(ab, `这条消息 ${tag} 很重要`, uniq())
      await ann.rest.send(ab, `東京都で会いましょう ${tag}`, uniq())
      await bob.rest.send(ab, `どうもありがとうございます ${tag}`, uniq())
      const recalled = await ann.rest.send(ab, `kafka ${tag} recalled`, uniq())
      await ann.rest.recall(ab, recalled.messageId)
      await eve.rest.send(be, `kafka 消息 東京 ありがとう ${tag} eve's secret`, uniq())

      const kafka = await found(ann.rest, { q: `kafka ${tag}` }, 1)
      expect(kafka.map((h) => h.message.content)).toEqual([`Kafka ${tag} keeps every record`])
      // the hit is marked in the snippet
      const [start, end] = kafka[0]!.highlights[0]!
      expect(kafka[0]!.snippet.slice(start, end)).toBe('Kafka')
      for (const [q, text] of [
        ['消息', `这条消息 ${tag} 很重要`],
        ['東京', `東京都で会いましょう ${tag}`],
        ['ありがとう', `どうもありがとうございます ${tag}`],
      ] as const) {
        const hits = await found(ann.rest, { q: `${q} ${tag}` }, 1)
        expect(
          hits.map((h) => h.message.content),
          q,
        ).toEqual([text])
        const [s, e] = hits[0]!.highlights[0]!
        expect(hits[0]!.snippet.slice(s, e), q).toBe(q)
      }
      // bob is in both conversations and finds both; ann never eve's, not even naming eve's conversation
      expect(await found(bob.rest, { q: `kafka ${tag}` }, 2)).toHaveLength(2)
      expect((await search(ann.rest, { q: `secret ${tag}` })).hits).toEqual([])
      expect(await refused(search(ann.rest, { q: 'kafka', conversationId: be }))).toEqual([403, 'not_member'])
      expect((await search(ann.rest, { q: `kafka ${tag}`, conversationId: ab })).hits).toHaveLength(1)
    })

    it('pages by cursor, newest first', async () => {
      const [ann, bob] = [await user(0), await user(1)]
      const { conversationId } = await ann.rest.direct(bob.userId)
      const tag = uniq()
      for (let i = 0; i < 5; i++) await ann.rest.send(conversationId, `page ${tag} number${i}`, uniq())
      await found(ann.rest, { q: tag }, 5)
      const first = await search(ann.rest, { q: tag, limit: '2' })
      expect(first.hits.map((h) => h.message.content)).toEqual([`page ${tag} number4`, `page ${tag} number3`])
      const seen = [...first.hits]
      for (let next = first.next; next; ) {
        const page = await search(ann.rest, { q: tag, limit: '2', cursor: next })
        seen.push(...page.hits)
        next = page.next
      }
      expect(seen.map((h) => h.message.content)).toEqual([4, 3, 2, 1, 0].map((i) => `page ${tag} number${i}`))
    })

    it('answers bad input with 400 and full-text syntax as words, never a query error', async () => {
      const ann = await user(0)
      const bob = await user(1)
      const { conversationId } = await ann.rest.direct(bob.userId)
      const tag = uniq()
      await ann.rest.send(conversationId, `syntax ${tag} "quoted" a+b NEAR(x) content:zed`, uniq())
      await found(ann.rest, { q: tag }, 1)
      expect(await refused(search(ann.rest, { q: '' }))).toEqual([400, 'bad_request'])
      expect(await refused(search(ann.rest, { q: '   ' }))).toEqual([400, 'bad_request'])
      expect(await refused(search(ann.rest, { q: 'x'.repeat(10 * 1024) }))).toEqual([400, 'bad_request'])
      expect(await refused(search(ann.rest, { q: tag, cursor: 'not-a-cursor' }))).toEqual([400, 'bad_request'])
      expect(await refused(search(ann.rest, { q: tag, limit: '-1' }))).toEqual([400, 'bad_request'])
      for (const q of [
        '+',
        '-',
        '"',
        '*',
        '+kafka -x',
        '"unterminated',
        'MATCH (content) AGAINST',
        'NEAR(',
        'a OR b',
        '^x',
        'content:zed',
        '*)(\'"',
        '\\',
      ])
        expect(Array.isArray((await search(ann.rest, { q })).hits), q).toBe(true)
      expect((await search(ann.rest, { q: `content:zed ${tag}` })).hits).toHaveLength(1)
      expect((await search(ann.rest, { q: `"quoted" ${tag}` })).hits).toHaveLength(1)
      expect((await search(ann.rest, { q: `NEAR(x ${tag}` })).hits).toHaveLength(1)
    })
  })
}
