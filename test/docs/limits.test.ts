// Every limit docs/protocol.md and docs/security.md quote, checked against the constant or config default the code
// enforces, so that a changed limit fails here until the docs say it too. Rows of the docs' tables whose key is a
// config key are checked against that key's default generically; the fixed limits, one row of this file each.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { configKeys, type ConfigKey } from '../../src/config/keys.js'
import { LIMITS, REQUEST_KEY_MAX } from '../../src/contracts/limits.js'
import { BULK_MAX } from '../../services/logic/bulk-users.js'
import { DISPLAY_NAME_MAX, PASSWORD_MAX, PASSWORD_MIN, USERNAME } from '../../services/logic/auth.js'
import {
  ANNOUNCEMENT_MAX,
  GROUP_NAME_MAX,
  MEMBERS_LIST_DEFAULT,
  MEMBERS_LIST_MAX,
} from '../../services/logic/conversations.js'
import { RECALL_WINDOW_MS, SYNC_DEFAULT_PAGE, SYNC_MAX_PAGE } from '../../services/logic/messages.js'
import { GET_USERS_MAX, SEARCH_DEFAULT, SEARCH_MAX, SEARCH_MIN_CHARS } from '../../services/logic/users.js'
import { TYPING_MAX_MEMBERS } from '../../services/logic/typing.js'
import { ADMIN_RATE_PER_MINUTE } from '../../services/gateway/index.js'
import { USERS_PER_LOOKUP } from '../../services/gateway/routes.js'
import { MAX_STRIKES, TYPING_INTERVAL_MS } from '../../services/gateway/session.js'
import { MAX_BUFFERED_BYTES } from '../../services/gateway/connections.js'
import { MAX_MISSED_PONGS } from '../../services/gateway/heartbeat.js'
import { PAYLOAD_HEADROOM } from '../../services/gateway/ws-server.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const docs = {
  protocol: readFileSync(join(root, 'docs/protocol.md'), 'utf8'),
  security: readFileSync(join(root, 'docs/security.md'), 'utf8'),
}

/** 65536 → "65,536", as the prose writes numbers of five digits or more */
const n = (v: number) => (v >= 10_000 ? v.toLocaleString('en-US') : String(v))
/** the default of a numeric config key */
const def = (key: ConfigKey) => configKeys[key].default as number
const words = ['zero', 'one', 'two', 'three', 'four', 'five']
const [, USERNAME_MIN, USERNAME_MAX] = /\{(\d+),(\d+)\}/.exec(USERNAME.source)!.map(Number)

const separator = (l = '') => /^\|[-| ]+\|$/.test(l)

/** Table rows of a doc as cells (header and separator rows left out). */
function tableRows(doc: string): string[][] {
  const lines = doc.split('\n')
  return lines
    .filter((l, i) => l.startsWith('|') && !separator(l) && !separator(lines[i + 1]))
    .map((l) =>
      l
        .split(/(?<!\\)\|/)
        .slice(1, -1)
        .map((c) => c.trim()),
    )
}

/** the one row of `doc` whose first cell is `first` */
function row(doc: string, first: string): string[] {
  const found = tableRows(doc).filter((cells) => cells[0] === first)
  expect(found, `one row "${first}"`).toHaveLength(1)
  return found[0]!
}

// [doc, first cell of the row, what the rest of the row must say]
const fixed: Array<[keyof typeof docs, string, string]> = [
  ['protocol', 'WebSocket frame size', `${n(def('max_frame_bytes'))} bytes`],
  ['protocol', 'WebSocket frame size', `+ ${PAYLOAD_HEADROOM / 1024} KiB`],
  ['protocol', 'HTTP request body', `${n(def('max_frame_bytes'))} bytes`],
  ['protocol', 'message content', `${n(def('max_frame_bytes'))} bytes`],
  ['protocol', 'refused frames in a row', String(MAX_STRIKES)],
  ['protocol', 'unsent data per connection', `${MAX_BUFFERED_BYTES / 2 ** 20} MiB`],
  ['protocol', 'heartbeat', `every ${def('heartbeat_interval_ms') / 1000} s`],
  ['protocol', 'heartbeat', `after ${words[MAX_MISSED_PONGS]} unanswered`],
  ['protocol', 'sync page', `${SYNC_DEFAULT_PAGE}, at most ${SYNC_MAX_PAGE}`],
  ['protocol', '`ref`', `1–${REQUEST_KEY_MAX} characters`],
  [
    'protocol',
    'ids (conversation, message, user) and idempotency keys',
    `1–${Math.max(LIMITS.id, LIMITS.idempotencyKey)} characters`,
  ],
  [
    'protocol',
    'username / password / display name',
    `${USERNAME_MIN}–${USERNAME_MAX} / ${PASSWORD_MIN}–${PASSWORD_MAX} / 1–${DISPLAY_NAME_MAX} characters`,
  ],
  ['protocol', 'group name / announcement', `1–${GROUP_NAME_MAX} / 0–${ANNOUNCEMENT_MAX.toLocaleString('en-US')}`],
  ['protocol', 'recall window', `${RECALL_WINDOW_MS / 60_000} minutes`],
  ['protocol', 'token lifetime', `${def('token_ttl_seconds') / 86_400} day`],
  ['protocol', 'users per admin bulk call', n(BULK_MAX)],
  ['protocol', 'ids per `GET /v1/users?ids=` and `GET /v1/users/presence`', String(USERS_PER_LOOKUP)],
  ['protocol', 'ids per `GET /v1/users?ids=` and `GET /v1/users/presence`', String(GET_USERS_MAX)],
  ['protocol', 'user search', `\`q\` ${SEARCH_MIN_CHARS}–${LIMITS.username} characters, at most ${SEARCH_MAX}`],
  ['protocol', 'member list page', `${MEMBERS_LIST_DEFAULT}, at most ${MEMBERS_LIST_MAX}`],
  ['protocol', '`typing` relayed', `every ${TYPING_INTERVAL_MS / 1000} s; none in groups over ${TYPING_MAX_MEMBERS}`],
  ['protocol', 'frames per WebSocket connection', `${def('rate_limit_per_second')} a second`],
  [
    'protocol',
    'people searches (`GET /v1/users?q=`) per user',
    `${def('people_search_per_user')} in \`people_search_window_seconds\` (${def('people_search_window_seconds')})`,
  ],
  ['protocol', 'people searches per client address (IPv6: /64), all its users', `${def('people_search_per_ip')} in`],
  [
    'protocol',
    'history searches (`GET /v1/search`) per user',
    `${def('message_search_per_user')} in \`message_search_window_seconds\` (${def('message_search_window_seconds')})`,
  ],
]

describe('the limits the docs quote are the code’s', () => {
  it.each(fixed)('docs/%s.md: "%s" says %s', (doc, first, says) => {
    expect(row(docs[doc], first).slice(1).join(' | ')).toContain(says)
  })

  it('docs/protocol.md: the people search table marks the default mode', () => {
    expect(row(docs.protocol, `\`${configKeys.people_search.default}\` (default)`)).toBeDefined()
  })

  it('docs/security.md: the fixed admin-path limits', () => {
    const fixedRows = tableRows(docs.security).filter((c) => c[0] === '(fixed)')
    expect(fixedRows.map((c) => c[1])).toEqual([`${ADMIN_RATE_PER_MINUTE} a minute`, n(BULK_MAX)])
  })

  it('docs/protocol.md: the admin path quotes its count, its rate and the secret it checks', () => {
    const admin = docs.protocol.slice(
      docs.protocol.indexOf('### Admin path'),
      docs.protocol.indexOf('### Other endpoints'),
    )
    expect(admin).toContain(`\`count\` is 1 to ${n(BULK_MAX)}`)
    expect(admin).toContain(`${ADMIN_RATE_PER_MINUTE} times a minute`)
    expect(admin).toContain("must equal the server's `admin_secret`")
    expect(admin).not.toContain('jwt_secret')
  })

  it('docs/protocol.md: the search route quotes the search bounds', () => {
    const search = row(docs.protocol, '`GET /v1/users?q=PREFIX&limit=M&after=U` or `?ids=A,B,…`')[4]!
    expect(search).toContain(`\`q\` ${SEARCH_MIN_CHARS}–${LIMITS.username} characters`)
    expect(search).toContain(`limit default ${SEARCH_DEFAULT}, at most ${SEARCH_MAX}`)
    expect(search).toContain(`at most ${GET_USERS_MAX}`)
  })

  // every table row of either doc whose first cell or key column names a config key quotes its default
  const keyed = (['protocol', 'security'] as const).flatMap((doc) =>
    tableRows(docs[doc]).flatMap((cells) => {
      const keyCell = cells.find(
        (c, i) => (i === 0 || i === 2) && /^`[a-z_]+`$/.test(c) && c.slice(1, -1) in configKeys,
      )
      if (!keyCell || cells.length < 3) return []
      const key = keyCell.slice(1, -1) as ConfigKey
      // security.md: | `key` | default | what |; protocol.md: | limit | default | `key` | past it |, where a
      // key in the third cell is only quoted for a number (the user search row names people_search, no default)
      if (keyCell !== cells[0] && typeof configKeys[key].default !== 'number') return []
      return [[doc, key, cells[1]!] as const]
    }),
  )

  it('finds the keyed rows of both docs', () => {
    expect(keyed.filter(([doc]) => doc === 'security').length).toBeGreaterThan(15)
    expect(keyed.filter(([doc]) => doc === 'protocol').length).toBeGreaterThan(5)
  })

  it.each(keyed)('docs/%s.md: the row of `%s` quotes its default (%s)', (_doc, key, cell) => {
    const value = configKeys[key].default as unknown
    const quoted = Array.isArray(value)
      ? `\`${value.join(',')}\``
      : typeof value === 'number'
        ? null
        : `\`${String(value)}\``
    if (quoted !== null) {
      expect(cell).toContain(quoted)
      return
    }
    // a number: plainly or with thousands separators; a time may be in a larger unit (15000 ms as 15 s)
    const numbers = [...cell.matchAll(/\d[\d,]*/g)].map((m) => Number(m[0].replace(/,/g, '')))
    const v = value as number
    const scaled = key.endsWith('_ms') ? [v, v / 1000] : key.endsWith('_seconds') ? [v, v / 60, v / 86_400] : [v]
    expect(
      numbers.some((x) => scaled.includes(x)),
      `"${cell}" quotes ${v}`,
    ).toBe(true)
  })
})
