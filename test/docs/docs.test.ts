// Keeps docs/architecture.md and docs/protocol.md true to the code. The lists come from the code itself (the topic
// catalog, the gateway's route table, the frame parser, the error table, the event types), and each must have its
// own row in the doc's table for it, so that deleting a row, or adding a topic, route, op or error code without
// documenting it, fails here. File paths and links the docs cite must exist.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { catalog, groupBases } from '../../src/contracts/topics.js'
import {
  ephemeralEventTypes,
  groupEventTypes,
  messageEventTypes,
  notificationTypes,
  userEventTypes,
} from '../../src/contracts/events.js'
import { RESYNC_FRAME } from '../../services/gateway/presence-watch.js'
import { AppError, isErrorCode } from '../../src/core/errors.js'
import { parseFrame } from '../../services/gateway/frames.js'
import { restRoutes } from '../../services/gateway/routes.js'
import { moderationRoutes } from '../../services/gateway/moderation-routes.js'
import type { LogicApi, MessageApi } from '../../src/rpc/api.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const read = (path: string) => readFileSync(join(root, path), 'utf8')
const docs = { architecture: 'docs/architecture.md', protocol: 'docs/protocol.md' } as const
const architecture = read(docs.architecture)
const protocol = read(docs.protocol)

/** The text under a heading, down to the next heading of the same or a higher level. */
function section(doc: string, heading: string): string {
  const lines = doc.split('\n')
  const start = lines.findIndex((l) => /^#+ /.test(l) && l.replace(/^#+ /, '') === heading)
  if (start < 0) throw new Error(`no heading "${heading}"`)
  const level = /^#+/.exec(lines[start]!)![0].length
  const end = lines.findIndex((l, i) => i > start && /^#+ /.test(l) && /^#+/.exec(l)![0].length <= level)
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n')
}

/** Table rows of a text as cells, header and separator rows left out. */
function rows(text: string): string[][] {
  return text
    .split('\n')
    .filter((l) => l.startsWith('|') && !/^\|[-| ]+\|$/.test(l))
    .map((l) =>
      l
        .split(/(?<!\\)\|/)
        .slice(1, -1)
        .map((c) => c.trim()),
    )
}

/** The rows whose first cell is `name` (in backticks). */
const rowsFor = (text: string, name: string) => rows(text).filter((cells) => cells[0] === `\`${name}\``)

const GW = 'GATEWAYID'
const cfg = { topic_prefix: 'gochat', partitions: 1, replication_factor: 1, gateway_ids: [GW] }
/** the catalog as the doc writes it: `{id}` for a gateway instance id */
const topics = catalog(cfg).map((t) => ({
  ...t,
  name: t.name.replace(GW, '{id}'),
  groups: t.groups.map((g) => g.replace(GW, '{id}')),
}))

describe('docs/architecture.md', () => {
  const topicTable = section(architecture, 'Topics').split('\n### ')[0]!
  const groupTable = section(architecture, 'Consumer groups')

  it.each(topics.map((t) => [t.name, t]))(
    'documents topic %s with its key, producers and consumer groups',
    (name, t) => {
      const found = rowsFor(topicTable, name)
      expect(found, `a row for ${name} in the Topics table`).toHaveLength(1)
      const row = found[0]!.join(' | ')
      expect(row).toContain(t.key)
      for (const producer of t.producers) expect(row).toContain(producer)
      for (const group of t.groups) expect(row).toContain(`\`${group}\``)
    },
  )

  it('lists no topic that the catalog does not have', () => {
    const documented = rows(topicTable)
      .map((c) => c[0]!)
      .filter((c) => c.startsWith('`'))
    expect(documented.sort()).toEqual(topics.map((t) => `\`${t.name}\``).sort())
  })

  it.each(Object.values(groupBases))('documents consumer group %s', (group) => {
    expect(rowsFor(groupTable, group), `a row for ${group} in the Consumer groups table`).toHaveLength(1)
  })

  it.each([...userEventTypes, ...messageEventTypes, ...groupEventTypes, ...notificationTypes, ...ephemeralEventTypes])(
    'documents event type %s',
    (type) => {
      expect(rows(section(architecture, 'Domain events')).some((cells) => cells[1] === type)).toBe(true)
    },
  )
})

/** `METHOD /path` with every path parameter written `{}` */
const routeKey = (method: string, path: string) => `${method} ${path.replace(/\{[^}]+\}/g, '{}')}`

describe('docs/protocol.md', () => {
  const routes = [...restRoutes({} as LogicApi, {} as MessageApi), ...moderationRoutes({} as LogicApi)].map((r) => {
    const path = r.path.source
      .replace(/\\\//g, '/')
      .replace(/^\^|\$$/g, '')
      .replaceAll('([^/]+)', '{}')
    if (!/^[\w/{}.-]+$/.test(path)) throw new Error(`route pattern not understood: ${r.path.source}`)
    return { name: r.name, key: `${r.method} ${path}` }
  })
  const documentedRoutes = rows(section(protocol, 'REST routes'))
    .map((cells) => /^`(GET|POST|PUT|PATCH|DELETE) (\/v1\/[^`?\s]*)/.exec(cells[0]!))
    .flatMap((m) => (m ? [routeKey(m[1]!, m[2]!)] : []))

  it.each(routes.map((r) => [r.key, r.name]))('documents the route %s (%s)', (key) => {
    expect(documentedRoutes).toContain(key)
  })

  it('lists no route that the gateway does not have', () => {
    expect(routes.length).toBeGreaterThan(0)
    expect(documentedRoutes.sort()).toEqual(routes.map((r) => r.key).sort())
  })

  // src/core/errors.ts keeps its table private; its source is read, and each code checked against the module
  const kinds = /const kinds = \{([\s\S]*?)\n\} as const/.exec(read('src/core/errors.ts'))?.[1] ?? ''
  const codes = [...kinds.matchAll(/(\w+):\s*\{\s*http:\s*(\d+)/g)].map((m) => ({ code: m[1]!, http: Number(m[2]) }))

  it('reads the error table of src/core/errors.ts', () => {
    expect(codes.length).toBeGreaterThan(10)
    for (const { code, http } of codes) {
      expect(isErrorCode(code)).toBe(true)
      expect(new AppError(code as never, '').httpStatus).toBe(http)
    }
  })

  it.each(codes.map((c) => [c.code, c.http]))('documents error code %s with HTTP %i', (code, http) => {
    const found = rowsFor(section(protocol, 'Errors'), code)
    expect(found, `a row for ${code} in the Errors table`).toHaveLength(1)
    expect(found[0]![1]).toBe(String(http))
  })

  // the frame parser's op list is private too: read from the source, and checked against parseFrame itself
  const framesSource = read('services/gateway/frames.ts')
  const ops = [...(/const ops = new Set\(\[([^\]]*)\]\)/.exec(framesSource)?.[1] ?? '').matchAll(/'([^']+)'/g)].map(
    (m) => m[1]!,
  )
  const unknownOp = (op: string) => {
    const r = parseFrame(Buffer.from(JSON.stringify({ op })), false, 1 << 16)
    return !r.ok && r.message.startsWith('unknown op')
  }
  const documentedOps = rows(section(protocol, 'Client frames')).flatMap(
    (cells) => /^`([\w.]+)`$/.exec(cells[0]!)?.[1] ?? [],
  )

  it('reads the ops of the frame parser', () => {
    expect(ops.length).toBeGreaterThan(0)
    expect([...framesSource.matchAll(/z\.literal\('([^']+)'\)/g)].map((m) => m[1]).sort()).toEqual([...ops].sort())
    for (const op of ops) expect(unknownOp(op)).toBe(false)
    expect(unknownOp('no-such-op')).toBe(true)
  })

  it.each(ops)('documents client op %s', (op) => {
    expect(documentedOps).toContain(op)
  })

  it('lists no client op that the parser refuses', () => {
    for (const op of documentedOps) expect(unknownOp(op), op).toBe(false)
  })

  it('documents the resync frame the gateway sends, byte for byte', () => {
    expect(protocol).toContain(RESYNC_FRAME)
    expect(rowsFor(section(protocol, 'Events on the socket'), 'resync')).toHaveLength(1)
  })

  it.each([...messageEventTypes, ...groupEventTypes, ...notificationTypes, ...ephemeralEventTypes, ...userEventTypes])(
    'documents socket event %s',
    (type) => {
      expect(rowsFor(section(protocol, 'Events on the socket'), type)).toHaveLength(1)
    },
  )
})

const slug = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\w\- ]/g, '')
    .replace(/ /g, '-')
const anchors = (doc: string) =>
  new Set(
    doc
      .split('\n')
      .filter((l) => /^#+ /.test(l))
      .map((l) => slug(l.replace(/^#+ /, ''))),
  )

describe.each(Object.values(docs))('%s', (path) => {
  const doc = read(path)

  it('cites only files that exist', () => {
    const cited = [...doc.matchAll(/`((?:src|services|proto|test|web|bench|deploy|docs|infra|bin)\/[^`\s]*)`/g)]
      .map((m) => m[1]!)
      .filter((p) => !/[{<*]/.test(p))
    expect(cited.length).toBeGreaterThan(0)
    expect(cited.filter((p) => !existsSync(join(root, p)))).toEqual([])
  })

  it('links only to files and headings that exist', () => {
    const links = [...doc.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/.test(l))
    for (const link of links) {
      const [file, anchor] = link.split('#')
      const target = file ? join(dirname(path), file) : path
      expect(existsSync(join(root, target)), link).toBe(true)
      if (anchor) expect(anchors(read(target)).has(anchor), link).toBe(true)
    }
  })
})
