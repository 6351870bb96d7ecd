// A smoke test of the search probe (bench/probes/search.ts) on 1,000 messages: it fills, backfills and times every
// kind of query, and the searches find what the generated history holds.
import { expect, it } from 'vitest'
import { searchProbe } from './search.js'

it('fills a SQLite store, indexes it by the backfill and times each kind of search', async () => {
  const r = await searchProbe({ messages: 1_000, searches: 5 })
  const [sqlite] = r.stores
  expect(sqlite?.store).toBe('sqlite')
  expect(sqlite?.searches.map((s) => s.kind)).toHaveLength(5)
  for (const s of sqlite!.searches) expect(s.ms.count).toBe(5)
  // the searcher is in the one conversation of 1,000 messages: common words and CJK words are found
  const hits = Object.fromEntries(sqlite!.searches.map((s) => [s.kind, s.meanHits]))
  expect(hits['common word']).toBeGreaterThan(0)
  expect(hits['Chinese or Japanese word']).toBeGreaterThan(0)
})
