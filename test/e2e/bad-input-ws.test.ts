// The WebSocket half of issue 11's bad-input suite, against `gochat up` (embedded drivers): a corpus of malformed
// frames, each answered with an error frame (or, for the few the protocol layer refuses, the close code the
// WebSocket standard gives) and none changing anything; then the process is alive, /health answers and every
// acknowledged message is in the history — and nothing else is.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { RestClient, type Session } from '../../src/client/rest.js'
import { configKeys } from '../../src/config/index.js'
import { PAYLOAD_HEADROOM } from '../../services/gateway/ws-server.js'
import { waitUntil } from '../helpers/until.js'
import { startUp } from '../helpers/up.js'

const MAX = configKeys.max_frame_bytes.default
type Answer = { op: string; ref?: unknown; code?: string; messageId?: string }

/** A raw socket that records every frame and the close. */
async function open(url: string, token: string) {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/v1/ws?token=${encodeURIComponent(token)}`)
  const frames: Answer[] = []
  let closed: { code: number } | undefined
  ws.on('message', (d) => frames.push(JSON.parse(String(d)) as Answer))
  ws.on('close', (code) => (closed = { code }))
  ws.on('error', () => undefined)
  await new Promise((resolve, reject) => {
    ws.once('open', resolve)
    ws.once('error', reject)
  })
  const waitFor = (pred: () => boolean, ms = 10_000) =>
    waitUntil(
      pred,
      ms,
      10,
      () => `the condition; frames so far: ${JSON.stringify(frames.slice(-3))}, closed: ${JSON.stringify(closed)}`,
    )
  return { ws, frames, waitFor, closed: () => closed }
}

describe('bad WebSocket frames against gochat up', () => {
  let up: Awaited<ReturnType<typeof startUp>>
  let alice: Session
  let conv = ''
  const acked = new Set<string>()

  beforeAll(async () => {
    up = await startUp()
    alice = await new RestClient(up.url).register(`wsbad${randomUUID().slice(0, 8)}`, 'secret-pass')
    const bob = await new RestClient(up.url).guest('bob')
    conv = (await new RestClient(up.url, alice.token).direct(bob.userId)).conversationId
  })
  afterAll(async () => {
    await up?.stop()
  })

  const send = async (s: Awaited<ReturnType<typeof open>>, content: string) => {
    const ref = `good-${randomUUID()}`
    s.ws.send(JSON.stringify({ op: 'send', ref, conversationId: conv, content, idempotencyKey: ref }))
    await s.waitFor(() => s.frames.some((f) => f.ref === ref))
    const ack = s.frames.find((f) => f.ref === ref)!
    expect(ack.op).toBe('ack')
    acked.add(ack.messageId!)
  }

  it('answers each malformed frame with an error frame and keeps the connection', async () => {
    const deep = (depth: number, open: string, close: string) => `${open.repeat(depth)}1${close.repeat(depth)}`
    const deepSend = (value: string) =>
      `{"op":"send","ref":"deep","conversationId":"${conv}","idempotencyKey":"deep","content":${value}}`
    const corpus: Array<[string, string | Buffer, { binary?: boolean; expect?: 'pong' }?]> = [
      ['not JSON', '{not json'],
      ['empty', ''],
      ['whitespace', '   \n'],
      ['null', 'null'],
      ['an array', '[1,2,3]'],
      ['a string', '"send"'],
      ['a number', '1e400'],
      ['binary', Buffer.from(JSON.stringify({ op: 'ping', ref: 'b' })), { binary: true }],
      ['binary garbage', Buffer.from([0, 255, 1, 254]), { binary: true }],
      [
        'just over max_frame_bytes',
        JSON.stringify({
          op: 'send',
          ref: 'big',
          conversationId: conv,
          content: 'x'.repeat(MAX),
          idempotencyKey: 'big',
        }),
      ],
      ['deeply nested arrays as content', deepSend(deep(25_000, '[', ']'))],
      ['deeply nested objects as content', deepSend(deep(9_000, '{"a":', '}'))],
      ['deeply nested top level', deep(30_000, '[', ']')],
      // unknown fields are ignored (clients may be newer): a deep one costs a parse within max_frame_bytes, no more
      [
        'deeply nested unknown field beside a ping',
        `{"op":"ping","ref":"deep","x":${deep(25_000, '[', ']')}}`,
        { expect: 'pong' },
      ],
      ['no op', JSON.stringify({ ref: 'r' })],
      ['unknown op', JSON.stringify({ op: 'teleport', ref: 'r' })],
      ['op named like a prototype key', JSON.stringify({ op: '__proto__', ref: 'r' })],
      ['op constructor', JSON.stringify({ op: 'constructor', ref: 'r' })],
      ['numeric op', JSON.stringify({ op: 7 })],
      ['send without ref', JSON.stringify({ op: 'send', conversationId: conv, content: 'x', idempotencyKey: 'noref' })],
      [
        'send with an object ref',
        JSON.stringify({ op: 'send', ref: {}, conversationId: conv, content: 'x', idempotencyKey: 'objref' }),
      ],
      [
        'send with numeric content',
        JSON.stringify({ op: 'send', ref: 'r', conversationId: conv, content: 5, idempotencyKey: 'k5' }),
      ],
      [
        'send with an array conversationId',
        JSON.stringify({ op: 'send', ref: 'r', conversationId: [conv], content: 'x', idempotencyKey: 'ka' }),
      ],
      [
        'send with an object idempotencyKey',
        JSON.stringify({ op: 'send', ref: 'r', conversationId: conv, content: 'x', idempotencyKey: {} }),
      ],
      [
        'send with its fields under __proto__',
        `{"op":"send","ref":"pp","__proto__":{"conversationId":"${conv}","content":"x","idempotencyKey":"pp"}}`,
      ],
      [
        'send with empty content',
        JSON.stringify({ op: 'send', ref: 'r', conversationId: conv, content: '  ', idempotencyKey: 'empty' }),
      ],
      [
        'send to a conversation that does not exist',
        JSON.stringify({ op: 'send', ref: 'r', conversationId: 'd_nope', content: 'x', idempotencyKey: 'nope' }),
      ],
      ['read with a huge seq', `{"op":"read","ref":"h1","conversationId":"${conv}","seq":1e300}`],
      ['sync with an infinite afterSeq', `{"op":"sync","ref":"h2","conversationId":"${conv}","afterSeq":1e400}`],
      [
        'sync with a huge limit',
        `{"op":"sync","ref":"h3","conversationId":"${conv}","limit":123456789012345678901234567890}`,
      ],
      ['sync with a negative afterSeq', JSON.stringify({ op: 'sync', ref: 'r', conversationId: conv, afterSeq: -1 })],
      ['read of a seq beyond the last', JSON.stringify({ op: 'read', ref: 'r', conversationId: conv, seq: 999_999 })],
      ['an id of 129 characters', JSON.stringify({ op: 'sync', ref: 'r', conversationId: 'c'.repeat(129) })],
      ['a ref of 129 characters', JSON.stringify({ op: 'ping', ref: 'r'.repeat(129) })],
      [
        '__proto__ beside a ping',
        `{"op":"ping","ref":"pp3","__proto__":{"op":"send","admin":true}}`,
        { expect: 'pong' },
      ],
      [
        'constructor.prototype beside a ping',
        `{"op":"ping","ref":"pp4","constructor":{"prototype":{"polluted":true}}}`,
        { expect: 'pong' },
      ],
    ]
    const s = await open(up.url, alice.token)
    await send(s, 'before the corpus')
    for (const [k, [name, data, opts]] of corpus.entries()) {
      const from = s.frames.length
      s.ws.send(data, { binary: opts?.binary ?? false })
      // a good ping after each: answers come in order, so what arrives before its pong answers the bad frame
      // (and the ping resets the count of bad frames in a row that closes a connection)
      const ref = `after-${k}`
      s.ws.send(JSON.stringify({ op: 'ping', ref }))
      await s.waitFor(() => s.frames.some((f) => f.ref === ref))
      // answers only: a pushed frame (the echo of our own earlier send, an event) may arrive at any time
      const answers = s.frames
        .slice(
          from,
          s.frames.findIndex((f) => f.ref === ref),
        )
        .filter((f) => f.op !== 'message' && f.op !== 'event')
      expect(answers, name).toHaveLength(1)
      expect(answers[0]!.op, `${name}: ${JSON.stringify(answers[0])}`).toBe(opts?.expect ?? 'error')
      if (answers[0]!.op === 'error')
        expect(['bad_frame', 'too_large', 'bad_request', 'not_member'], name).toContain(answers[0]!.code)
      await new Promise((r) => setTimeout(r, 15)) // under the 100 frames a second limit
    }
    expect(s.closed()).toBeUndefined()
    await send(s, 'after the corpus')
    s.ws.close()
  })

  it('closes with the standard code what the WebSocket layer refuses, and nothing else', async () => {
    const cases: Array<[string, Buffer, number]> = [
      ['invalid UTF-8 in a text frame', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), 1007],
      ['a frame far over max_frame_bytes', Buffer.alloc(MAX + PAYLOAD_HEADROOM + 1, 0x61), 1009],
    ]
    for (const [name, data, code] of cases) {
      const s = await open(up.url, alice.token)
      s.ws.send(data, { binary: false })
      await s.waitFor(() => s.closed() !== undefined)
      expect(s.closed()?.code, name).toBe(code)
    }
    // ten bad frames in a row: the documented 1008
    const s = await open(up.url, alice.token)
    for (let i = 0; i < 10; i++) s.ws.send('nope')
    await s.waitFor(() => s.closed() !== undefined)
    expect(s.closed()?.code).toBe(1008)
    expect(s.frames.filter((f) => f.op === 'error')).toHaveLength(10)
  })

  it('afterwards: the process is up, /health answers, every acked message is in the history and nothing else', async () => {
    const s = await open(up.url, alice.token)
    await send(s, 'at the end')
    s.ws.close()
    expect(up.child.exitCode).toBeNull()
    expect((await fetch(`${up.url}/health`)).status).toBe(200)
    const res = await fetch(`${up.url}/v1/conversations/${conv}/messages?limit=200`, {
      headers: { authorization: `Bearer ${alice.token}` },
    })
    const { messages } = (await res.json()) as { messages: Array<{ messageId: string }> }
    expect(new Set(messages.map((m) => m.messageId))).toEqual(acked)
    expect(acked.size).toBe(3)
  })
})
