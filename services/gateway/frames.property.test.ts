// Generated input for the frame parser (issue 11, bad-input suite): whatever bytes a client sends, parseFrame
// returns a frame or a typed refusal, never throws, and never lets a key like __proto__ reach Object.prototype.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseFrame, type FrameResult } from './frames.js'

const LIMIT = 4096
const OPS = new Set(['send', 'sync', 'read', 'ping'])

function wellFormed(r: FrameResult): boolean {
  if (r.ok) return OPS.has(r.frame.op) && typeof r.frame === 'object'
  if (r.code !== 'bad_frame' && r.code !== 'too_large') return false
  if (typeof r.message !== 'string' || r.message.length === 0) return false
  return (
    r.ref === undefined ||
    (typeof r.ref === 'string' && r.ref.length >= 1 && r.ref.length <= 128) ||
    (typeof r.ref === 'number' && Number.isFinite(r.ref))
  )
}

const parse = (data: Buffer, isBinary = false) => {
  const r = parseFrame(data, isBinary, LIMIT)
  expect(wellFormed(r), JSON.stringify(r)).toBe(true)
  return r
}

/** values a careless or hostile client puts in a field */
const field = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(1e308, -0, Number.MAX_SAFE_INTEGER + 2, 1.5, -1, '', ' ', '__proto__', 'x'.repeat(200)),
)
const keys = fc.constantFrom(
  'op',
  'ref',
  'conversationId',
  'content',
  'idempotencyKey',
  'afterSeq',
  'limit',
  'seq',
  '__proto__',
  'constructor',
  'prototype',
)
const opValue = fc.oneof(
  fc.constantFrom('send', 'sync', 'read', 'ping', 'toString', '__proto__', 'hasOwnProperty'),
  field,
)
const frameLike = fc
  .record({ op: opValue })
  .chain((base) => fc.dictionary(keys, field, { maxKeys: 8 }).map((rest) => ({ ...rest, ...base })))

describe('parseFrame on generated input', () => {
  it('never throws on arbitrary strings (any code points, lone surrogates included)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => void parse(Buffer.from(s, 'utf8'))),
      { numRuns: 800 },
    )
  })

  it('never throws on arbitrary bytes, text or binary', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 600 }),
        fc.boolean(),
        (bytes, isBinary) => void parse(Buffer.from(bytes), isBinary),
      ),
      { numRuns: 800 },
    )
  })

  it('never throws on arbitrary JSON, and accepts only objects with a known op', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = parse(Buffer.from(JSON.stringify(v) ?? 'null'))
        if (r.ok) expect(typeof v === 'object' && v !== null && !Array.isArray(v)).toBe(true)
      }),
      { numRuns: 800 },
    )
  })

  it('answers frame-like objects with wrong, missing, huge and prototype-named fields without polluting Object.prototype', () => {
    fc.assert(
      fc.property(frameLike, (obj) => {
        // JSON text, so that "__proto__" arrives as an own key exactly as from a socket
        const r = parse(Buffer.from(JSON.stringify(obj).replace('"prototype"', '"__proto__"')))
        if (r.ok) {
          expect(Object.getPrototypeOf(r.frame)).toBe(Object.prototype)
          expect(Object.keys(r.frame).every((k) => !['__proto__', 'constructor', 'prototype'].includes(k))).toBe(true)
        }
        expect(({} as Record<string, unknown>).op).toBeUndefined()
        expect(Object.keys(Object.prototype)).toEqual([])
      }),
      { numRuns: 1000 },
    )
  })

  it('refuses deep nesting and oversized frames with a typed error', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.constantFrom('[', '{"a":'), (depth, open) => {
        const close = open === '[' ? ']' : '}'
        const text = `{"op":"ping","ref":"r","x":${open.repeat(depth)}1${close.repeat(depth)}}`
        const r = parse(Buffer.from(text))
        if (text.length > LIMIT) expect(r).toMatchObject({ ok: false, code: 'too_large' })
      }),
      { numRuns: 200 },
    )
  })
})
