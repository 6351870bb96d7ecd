// The snippet a search hit is shown with: a window of the message's text around its first hit, and where the
// query's words are in it (UTF-16 offsets, so a page marks them with <mark> without parsing anything).
import { queryWords } from './search.js'

/** characters shown before the first hit, and in all */
const LEAD = 30
const SNIPPET_MAX = 120

export interface Snippet {
  text: string
  /** [start, end) of each marked hit in `text`, in order, not overlapping */
  highlights: Array<[number, number]>
}

/** every place a query word occurs in `content` (case-insensitively), merged where they overlap */
function hits(content: string, query: string): Array<[number, number]> {
  // lower-casing keeps the length of almost every text; where it would not, nothing is marked rather than a wrong place
  const lower = content.toLowerCase()
  if (lower.length !== content.length) return []
  const found: Array<[number, number]> = []
  for (const word of queryWords(query)) {
    if (!word) continue
    for (let i = lower.indexOf(word); i >= 0; i = lower.indexOf(word, i + word.length)) found.push([i, i + word.length])
  }
  found.sort((a, b) => a[0] - b[0])
  const merged: Array<[number, number]> = []
  for (const h of found) {
    const last = merged.at(-1)
    if (last && h[0] <= last[1]) last[1] = Math.max(last[1], h[1])
    else merged.push([...h])
  }
  return merged
}

export function snippet(content: string, query: string): Snippet {
  const all = hits(content, query)
  const start = Math.max(0, (all[0]?.[0] ?? 0) - LEAD)
  const end = Math.min(content.length, start + SNIPPET_MAX)
  const lead = start > 0 ? '…' : ''
  const text = lead + content.slice(start, end) + (end < content.length ? '…' : '')
  const shift = lead.length - start
  const highlights = all
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]): [number, number] => [s + shift, e + shift])
  return { text, highlights }
}
