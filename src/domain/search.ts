// History search, the part every store and role shares: the tokenizer both SQL indexes are written with (and the
// in-memory store matches with), what a message offers to search, and the snippet a hit is shown with.
//
// Tokens: NFKC, lower case; a run of letters/digits of a spaced script is one word; a run of CJK (Han, kana,
// Hangul) gives every character and every adjacent pair (no dictionary needed: 東京 is found in 東京都, ありがとう by
// its four pairs). Each token is stored as "k" + the hex of its UTF-8 bytes: at least 3 characters, never a stopword,
// no character either full-text engine reads as syntax (InnoDB FULLTEXT: min token size 3 and a stopword list by
// default; FTS5: operators, column filters). A query's tokens are all required.
import type { Message } from './message.js'

/** the longest query, in characters; longer is refused (bad_request) */
export const SEARCH_QUERY_MAX = 256
/** a query's tokens beyond this many are not looked for (a long query is narrowed enough by its first ones) */
export const SEARCH_TERMS_MAX = 16
/** a word's bytes indexed: InnoDB drops tokens over 84 characters, "k" + 2 × 41 bytes is 83 */
const WORD_BYTES_MAX = 41

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30fc\u3005]/u
const WORD = /[\p{L}\p{N}\p{M}]/u

type Run = { cjk: boolean; text: string[] }

/** the runs of word and CJK characters of `text`, normalized; everything else separates them */
function runs(text: string): Run[] {
  const out: Run[] = []
  let run: Run | null = null
  for (const ch of text.normalize('NFKC').toLowerCase()) {
    const cjk = CJK.test(ch)
    if (!cjk && !WORD.test(ch)) {
      run = null
      continue
    }
    if (!run || run.cjk !== cjk) {
      run = { cjk, text: [] }
      out.push(run)
    }
    run.text.push(ch)
  }
  return out
}

/** a word cut to WORD_BYTES_MAX bytes on a character boundary */
function capped(word: string[]): string {
  let bytes = 0
  let out = ''
  for (const ch of word) {
    bytes += Buffer.byteLength(ch)
    if (bytes > WORD_BYTES_MAX) break
    out += ch
  }
  return out
}

const encode = (token: string) => `k${Buffer.from(token).toString('hex')}`

/** the encoded tokens a text is indexed by, each once */
export function indexTokens(text: string): string[] {
  const tokens = new Set<string>()
  for (const r of runs(text)) {
    if (!r.cjk) tokens.add(encode(capped(r.text)))
    else
      r.text.forEach((ch, i) => {
        tokens.add(encode(ch))
        if (i > 0) tokens.add(encode(r.text[i - 1]! + ch))
      })
  }
  return [...tokens]
}

/** the encoded tokens a query needs, each once, at most SEARCH_TERMS_MAX: words, and CJK pairs (a lone CJK
 *  character: itself). Empty when the query has no letter or digit (only punctuation or operators): nothing matches. */
export function queryTerms(query: string): string[] {
  const terms = new Set<string>()
  for (const r of runs(query)) {
    if (!r.cjk) terms.add(encode(capped(r.text)))
    else if (r.text.length === 1) terms.add(encode(r.text[0]!))
    else for (let i = 1; i < r.text.length; i++) terms.add(encode(r.text[i - 1]! + r.text[i]!))
  }
  return [...terms].slice(0, SEARCH_TERMS_MAX)
}

/** the words and CJK runs of a query as typed (normalized): what a snippet marks */
export const queryWords = (query: string): string[] => runs(query).map((r) => r.text.join(''))

/** whether a message is searched at all: text a user sees (not recalled or deleted; no operation record) */
export const searchable = (m: Pick<Message, 'kind' | 'status'>): boolean => m.kind === 'text' && m.status === 'normal'

/** what a store indexes a message by: its tokens, space-separated; '' when it is not searchable */
export const indexedText = (m: Pick<Message, 'kind' | 'status' | 'content'>): string =>
  searchable(m) ? indexTokens(m.content).join(' ') : ''

/** the order hits come in, newest first, and a page's cursor: the last hit's place in it */
export interface SearchPosition {
  sentAt: number
  conversationId: string
  seq: number
}

/** whether `m` comes after `p` in hit order (newest first) */
export function afterPosition(m: SearchPosition, p: SearchPosition | undefined): boolean {
  if (!p) return true
  if (m.sentAt !== p.sentAt) return m.sentAt < p.sentAt
  if (m.conversationId !== p.conversationId) return m.conversationId < p.conversationId
  return m.seq < p.seq
}

/** hit order as a comparator */
export const byHitOrder = (a: SearchPosition, b: SearchPosition): number =>
  afterPosition(a, b) ? 1 : afterPosition(b, a) ? -1 : 0

/** what the SQL indexes answer, for a store that scans (the in-memory one): searchable, after `before`, every term */
export function matchesSearch(
  m: Pick<Message, 'kind' | 'status' | 'content'> & SearchPosition,
  terms: string[],
  before: SearchPosition | undefined,
): boolean {
  if (!searchable(m) || !afterPosition(m, before)) return false
  const tokens = new Set(indexTokens(m.content))
  return terms.every((t) => tokens.has(t))
}

/** a term as queryTerms writes it; anything else is refused before it reaches an index */
export const isSearchTerm = (t: string): boolean => /^k(?:[0-9a-f]{2}){1,41}$/.test(t)
