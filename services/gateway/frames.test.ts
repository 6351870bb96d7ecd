import { describe, expect, it } from 'vitest'
import { parseFrame } from './frames.js'
import { TokenBucket } from './rate-limit.js'

const LIMIT = 1024
const parse = (v: unknown, isBinary = false) =>
  parseFrame(Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)), isBinary, LIMIT)

describe('parseFrame', () => {
  it('accepts each op of docs/protocol.md', () => {
    expect(parse({ op: 'send', ref: 'r1', conversationId: 'c', content: 'hi', idempotencyKey: 'k' })).toEqual({
      ok: true,
      frame: { op: 'send', ref: 'r1', conversationId: 'c', content: 'hi', idempotencyKey: 'k' },
    })
    expect(parse({ op: 'sync', ref: 2, conversationId: 'c', afterSeq: 5, limit: 20 })).toMatchObject({
      ok: true,
      frame: { op: 'sync', ref: 2, afterSeq: 5, limit: 20 },
    })
    expect(parse({ op: 'sync', ref: 'r', conversationId: 'c' })).toMatchObject({ ok: true, frame: { afterSeq: 0 } })
    expect(parse({ op: 'read', ref: 'r', conversationId: 'c', seq: 3 })).toMatchObject({
      ok: true,
      frame: { op: 'read', seq: 3 },
    })
    expect(parse({ op: 'ping' })).toEqual({ ok: true, frame: { op: 'ping' } })
    expect(parse({ op: 'ping', ref: 'p' })).toEqual({ ok: true, frame: { op: 'ping', ref: 'p' } })
  })

  it('ignores unknown fields', () => {
    expect(parse({ op: 'ping', ref: 'p', extra: { deep: true } })).toEqual({
      ok: true,
      frame: { op: 'ping', ref: 'p' },
    })
  })

  it.each([
    ['not JSON', '{not json'],
    ['a JSON array', '[1,2]'],
    ['a JSON string', '"send"'],
    ['null', 'null'],
    ['an empty text', ''],
    ['no op', { ref: 'r' }],
    ['an unknown op', { op: 'teleport', ref: 'r' }],
    ['a non-string op', { op: 7 }],
    ['send without ref', { op: 'send', conversationId: 'c', content: 'x', idempotencyKey: 'k' }],
    ['send without conversationId', { op: 'send', ref: 'r', content: 'x', idempotencyKey: 'k' }],
    [
      'send with an empty idempotencyKey',
      { op: 'send', ref: 'r', conversationId: 'c', content: 'x', idempotencyKey: '' },
    ],
    ['send with non-string content', { op: 'send', ref: 'r', conversationId: 'c', content: 5, idempotencyKey: 'k' }],
    ['sync with a negative afterSeq', { op: 'sync', ref: 'r', conversationId: 'c', afterSeq: -1 }],
    ['sync with a fractional limit', { op: 'sync', ref: 'r', conversationId: 'c', afterSeq: 0, limit: 1.5 }],
    ['sync with a string afterSeq', { op: 'sync', ref: 'r', conversationId: 'c', afterSeq: '3' }],
    ['read with seq 0', { op: 'read', ref: 'r', conversationId: 'c', seq: 0 }],
    ['read without seq', { op: 'read', ref: 'r', conversationId: 'c' }],
    ['an over-long ref', { op: 'ping', ref: 'r'.repeat(129) }],
    ['an object ref', { op: 'ping', ref: { a: 1 } }],
  ])('refuses %s with bad_frame', (_what, frame) => {
    expect(parse(frame)).toMatchObject({ ok: false, code: 'bad_frame' })
  })

  it('echoes a usable ref on a refusal, and only then', () => {
    expect(parse({ op: 'teleport', ref: 'x1' })).toMatchObject({ ok: false, code: 'bad_frame', ref: 'x1' })
    expect(parse({ op: 'send', ref: 9, conversationId: 'c' })).toMatchObject({ ok: false, ref: 9 })
    const noRef = parse({ op: 'send', ref: { a: 1 }, conversationId: 'c' })
    expect(noRef.ok).toBe(false)
    expect(noRef).not.toHaveProperty('ref')
  })

  it('names the field at fault', () => {
    expect(parse({ op: 'send', ref: 'r', conversationId: 'c', content: 'x' })).toMatchObject({
      message: expect.stringContaining('idempotencyKey'),
    })
  })

  it('refuses binary frames', () => {
    expect(parse({ op: 'ping' }, true)).toMatchObject({ ok: false, code: 'bad_frame' })
  })

  it('refuses a frame over the limit with too_large, without parsing it', () => {
    const big = JSON.stringify({
      op: 'send',
      ref: 'r',
      conversationId: 'c',
      content: 'a'.repeat(LIMIT),
      idempotencyKey: 'k',
    })
    expect(parse(big)).toEqual({ ok: false, code: 'too_large', message: `frame is larger than ${LIMIT} bytes` })
    expect(parseFrame(Buffer.alloc(LIMIT + 1, 0xff), false, LIMIT)).toMatchObject({ code: 'too_large' })
    const exact = JSON.stringify({ op: 'ping', ref: 'p' })
    expect(parseFrame(Buffer.from(exact), false, exact.length).ok).toBe(true)
  })
})

describe('TokenBucket', () => {
  it('allows a burst of one second worth, then refuses', () => {
    const bucket = new TokenBucket(10, 0)
    for (let i = 0; i < 10; i++) expect(bucket.take(0)).toBe(true)
    expect(bucket.take(0)).toBe(false)
  })

  it('refills at the configured rate and never beyond the burst', () => {
    const bucket = new TokenBucket(10, 0)
    for (let i = 0; i < 10; i++) bucket.take(0)
    expect(bucket.take(50)).toBe(false) // half a token
    expect(bucket.take(100)).toBe(true) // one token after 100 ms
    expect(bucket.take(100)).toBe(false)
    let granted = 0
    for (let i = 0; i < 30; i++) if (bucket.take(60_000)) granted++
    expect(granted).toBe(10)
  })
})
