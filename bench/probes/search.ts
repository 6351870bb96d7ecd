// History search on a store of a million messages (issue 28): fills a SQLite file (and, with --mysql, a MariaDB
// database of its own, dropped after) with generated messages written straight into `messages`, lets the
// migrator's backfill index them (timed: the "per million rows" of docs/architecture.md), then times
// store.searchMessages for one user in 20 of the conversations, by kind of query: a rare word, a common word, a
// Chinese or Japanese word, two words, a common word within one conversation.
//
//   npx tsx bench/probes/search.ts [--messages 1000000] [--searches 100] [--mysql mysql://root@127.0.0.1:3306] [--json]
//
// Prints, per store, the fill and backfill times and p50/p99 (ms) with the mean hits per kind, and the load average.
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import mysql from 'mysql2/promise'
import { queryTerms } from '../../src/domain/search.js'
import { connectionOptions, migrate } from '../../src/drivers/mysql/migrate.js'
import { MysqlStore } from '../../src/drivers/mysql/store.js'
import { SqliteStore } from '../../src/drivers/sqlite/store.js'
import type { Store } from '../../src/ports/store.js'
import { machine } from '../machine.js'
import { summarizeSmall, type SmallSummary } from '../stats.js'

export interface ProbeOptions {
  messages: number
  searches: number
  /** a server URL without a database: a database of its own is made there */
  mysql?: string
}

const SEARCHER = 'searcher'
const SEARCHER_CONVERSATIONS = 20
const PER_CONVERSATION = 1000
const VOCABULARY = 5000
const CJK = ['东京', '消息', '天气', '朋友', '工作', '東京', '大阪', 'ありがとう', '会議', '明日']

/** mulberry32: the same messages every run */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const SYLLABLES = ['ka', 'ri', 'to', 'mel', 'an', 'sor', 'vi', 'den', 'lu', 'pra', 'gon', 'es', 'tha', 'ni', 'bo', 'zu']
/** word i: a pseudo-word, distinct per i */
const word = (i: number) => {
  let w = ''
  for (let n = i + 16; n > 0; n = Math.floor(n / 16)) w += SYLLABLES[n % 16]
  return w
}
/** a word's rank, log-uniform: rank 0 is in about one message of ten, the last in a few */
const rankOf = (r: number) => Math.floor(Math.exp(r * Math.log(VOCABULARY))) - 1

interface Row {
  conversationId: string
  seq: number
  content: string
  sentAt: number
}

/** the messages, conversation after conversation of PER_CONVERSATION */
function* messages(n: number): Generator<Row> {
  const r = random(28)
  for (let i = 0; i < n; i++) {
    const words = Array.from({ length: 6 + Math.floor(r() * 7) }, () => word(rankOf(r())))
    if (r() < 0.1) words.splice(Math.floor(r() * words.length), 0, CJK[Math.floor(r() * CJK.length)]!)
    yield {
      conversationId: `c${String(Math.floor(i / PER_CONVERSATION)).padStart(6, '0')}`,
      seq: (i % PER_CONVERSATION) + 1,
      content: words.join(' '),
      sentAt: 1_700_000_000_000 + i * 1000,
    }
  }
}
const conversationIds = (n: number) =>
  Array.from({ length: Math.ceil(n / PER_CONVERSATION) }, (_, i) => `c${String(i).padStart(6, '0')}`)
/** the searcher is in the first 20 conversations; each has one other member besides */
const membersOf = (i: number) => (i < SEARCHER_CONVERSATIONS ? [SEARCHER, `u${i}`] : [`u${i}`, `v${i}`])

type Query = { kind: string; q: () => string; conversationId?: string }
function queries(convs: string[]): Query[] {
  const r = random(7)
  const pick = <T>(list: T[]) => list[Math.floor(r() * list.length)]!
  const rare = () => word(Math.floor(VOCABULARY / 2 + r() * (VOCABULARY / 2 - 1)))
  const common = () => word(Math.floor(r() * 5))
  const medium = () => word(Math.floor(20 + r() * 200))
  return [
    { kind: 'rare word', q: rare },
    { kind: 'common word', q: common },
    { kind: 'Chinese or Japanese word', q: () => pick(CJK) },
    { kind: 'two words', q: () => `${common()} ${medium()}` },
    { kind: 'common word, one conversation', q: common, conversationId: pick(convs.slice(0, SEARCHER_CONVERSATIONS)) },
  ]
}

export interface StoreFigures {
  store: string
  fillSeconds: number
  backfillSeconds: number
  searches: Array<{ kind: string; ms: SmallSummary; meanHits: number }>
}

async function timeSearches(store: Store, convs: string[], n: number): Promise<StoreFigures['searches']> {
  const out: StoreFigures['searches'] = []
  for (const query of queries(convs)) {
    const times: number[] = []
    let hits = 0
    for (let i = 0; i < n; i++) {
      const terms = queryTerms(query.q())
      const t0 = performance.now()
      const found = await store.searchMessages({
        userId: SEARCHER,
        terms,
        limit: 21,
        ...(query.conversationId ? { conversationId: query.conversationId } : {}),
      })
      times.push(performance.now() - t0)
      hits += found.length
    }
    out.push({ kind: query.kind, ms: summarizeSmall(times), meanHits: Math.round((hits / n) * 10) / 10 })
  }
  return out
}

const seconds = (t0: number) => Math.round((performance.now() - t0) / 100) / 10

async function probeSqlite(o: ProbeOptions): Promise<StoreFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'gochat-search-probe-'))
  try {
    const path = join(dir, 'gochat.db')
    await new SqliteStore(path).close() // migrated
    const db = new Database(path)
    const t0 = performance.now()
    const convs = conversationIds(o.messages)
    const member = db.prepare(
      "INSERT INTO members (conversation_id, user_id, role, joined_at) VALUES (?, ?, 'member', 0)",
    )
    const conv = db.prepare(
      "INSERT INTO conversations (conversation_id, kind, name, announcement, member_count, created_at) VALUES (?, 'group', 'g', '', 2, 0)",
    )
    db.transaction(() =>
      convs.forEach((id, i) => {
        conv.run(id)
        for (const u of membersOf(i)) member.run(id, u)
      }),
    )()
    const insert = db.prepare(
      "INSERT INTO messages (conversation_id, seq, message_id, sender_id, content, sent_at, status, kind) VALUES (?, ?, ?, 'u', ?, ?, 'normal', 'text')",
    )
    const batch = db.transaction((rows: Row[]) => {
      for (const m of rows) insert.run(m.conversationId, m.seq, `${m.conversationId}-${m.seq}`, m.content, m.sentAt)
    })
    let rows: Row[] = []
    for (const m of messages(o.messages)) {
      rows.push(m)
      if (rows.length === 50_000) batch(rows.splice(0))
    }
    batch(rows)
    rows = []
    db.prepare("UPDATE search_backfill SET conversation_id = '', seq = 0, done = 0").run()
    db.close()
    const fillSeconds = seconds(t0)
    const t1 = performance.now()
    const store = new SqliteStore(path) // the migrator's backfill indexes every message
    const backfillSeconds = seconds(t1)
    try {
      return { store: 'sqlite', fillSeconds, backfillSeconds, searches: await timeSearches(store, convs, o.searches) }
    } finally {
      await store.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function probeMysql(o: ProbeOptions, server: string): Promise<StoreFigures> {
  const u = new URL(server)
  u.pathname = `/gochat_search_probe_${process.pid}`
  const url = u.toString()
  await migrate(url)
  const conn = await mysql.createConnection(connectionOptions(url))
  try {
    const t0 = performance.now()
    const convs = conversationIds(o.messages)
    await conn.query(
      'INSERT INTO conversations (conversation_id, kind, name, announcement, member_count, created_at) VALUES ?',
      [convs.map((id) => [id, 'group', 'g', '', 2, 0])],
    )
    await conn.query('INSERT INTO members (conversation_id, user_id, role, joined_at) VALUES ?', [
      convs.flatMap((id, i) => membersOf(i).map((m) => [id, m, 'member', 0])),
    ])
    const rows: unknown[][] = []
    const flush = () =>
      conn.query(
        'INSERT INTO messages (conversation_id, seq, message_id, sender_id, content, sent_at, status, kind) VALUES ?',
        [rows.splice(0)],
      )
    for (const m of messages(o.messages)) {
      rows.push([m.conversationId, m.seq, `${m.conversationId}-${m.seq}`, 'u', m.content, m.sentAt, 'normal', 'text'])
      if (rows.length === 5_000) await flush()
    }
    if (rows.length) await flush()
    await conn.query("UPDATE search_backfill SET conversation_id = '', seq = 0, done = 0")
    const fillSeconds = seconds(t0)
    const t1 = performance.now()
    await migrate(url) // nothing to apply: the backfill indexes every message
    const backfillSeconds = seconds(t1)
    const store = new MysqlStore(url)
    try {
      return { store: 'mariadb', fillSeconds, backfillSeconds, searches: await timeSearches(store, convs, o.searches) }
    } finally {
      await store.close()
    }
  } finally {
    await conn.query(`DROP DATABASE IF EXISTS \`${u.pathname.slice(1)}\``)
    await conn.end()
  }
}

export async function searchProbe(o: ProbeOptions) {
  const load = { start: loadavg().map((l) => Math.round(l * 100) / 100) }
  const stores = [await probeSqlite(o), ...(o.mysql ? [await probeMysql(o, o.mysql)] : [])]
  return {
    messages: o.messages,
    searchesPerKind: o.searches,
    machine: machine(),
    load: { ...load, end: loadavg().map((l) => Math.round(l * 100) / 100) },
    stores,
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values: a } = parseArgs({
    options: {
      messages: { type: 'string', default: '1000000' },
      searches: { type: 'string', default: '100' },
      mysql: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  })
  const result = await searchProbe({
    messages: Number(a.messages),
    searches: Number(a.searches),
    ...(a.mysql ? { mysql: a.mysql } : {}),
  })
  if (a.json) console.log(JSON.stringify(result))
  else {
    console.log(
      `${result.messages} messages, ${result.searchesPerKind} searches a kind; load ${result.load.start} → ${result.load.end}`,
    )
    for (const s of result.stores) {
      console.log(`\n${s.store}: fill ${s.fillSeconds} s, backfill (index) ${s.backfillSeconds} s`)
      for (const q of s.searches)
        console.log(
          `  ${q.kind.padEnd(32)} p50 ${q.ms.p50} ms  p99 ${q.ms.p99} ms  max ${q.ms.max} ms  hits ${q.meanHits}`,
        )
    }
  }
}
