import { expect, it } from 'vitest'
import { indexTokens, isSearchTerm, queryTerms, SEARCH_TERMS_MAX } from './search.js'
import { snippet } from './search-snippet.js'

const decode = (t: string) => Buffer.from(t.slice(1), 'hex').toString()

it('indexes words whole and CJK as characters and pairs, every token 3+ characters of [k0-9a-f]', () => {
  expect(indexTokens('Hello, WORLD! 東京都 a').map(decode)).toEqual([
    'hello',
    'world',
    '東',
    '京',
    '東京',
    '都',
    '京都',
    'a',
  ])
  expect(queryTerms('東京都').map(decode)).toEqual(['東京', '京都'])
  expect(queryTerms('京').map(decode)).toEqual(['京'])
  // ｋａｆｋａ (full width) is kafka after NFKC
  expect(queryTerms('ＫＡＦＫＡ')).toEqual(queryTerms('kafka'))
  for (const t of indexTokens('a I the +x "y" NEAR(z) content:w')) expect(isSearchTerm(t) && t.length >= 3).toBe(true)
})

it('has no terms for punctuation and operators alone, and caps the terms of a long query', () => {
  expect(queryTerms('+ - " * ( ) ^ :')).toEqual([])
  expect(queryTerms(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '))).toHaveLength(SEARCH_TERMS_MAX)
  // a long word is cut where the index cuts it, so it still matches
  const long = 'x'.repeat(200)
  expect(queryTerms(long)).toEqual(indexTokens(`say ${long}`).slice(1))
  expect(isSearchTerm('k" OR 1')).toBe(false)
})

it('cuts a snippet around the first hit and marks every hit in it', () => {
  const s = snippet(`${'lead '.repeat(20)}the Kafka log and kafka again`, 'kafka')
  expect(s.text.startsWith('…')).toBe(true)
  expect(s.highlights.map(([a, b]) => s.text.slice(a, b))).toEqual(['Kafka', 'kafka'])
  const jp = snippet('どうもありがとうございます', 'ありがとう')
  expect(jp).toEqual({ text: 'どうもありがとうございます', highlights: [[3, 8]] })
})
