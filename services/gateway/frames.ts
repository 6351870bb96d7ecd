// Client → server frames (docs/protocol.md "WebSocket"): size check, JSON parse and validation of each op. Pure: the
// session decides what to do with a refused frame. Unknown fields are ignored, as clients may be newer.
import { z } from 'zod'
import { messageKinds } from '../../src/domain/message.js'

const ref = z.union([z.string().min(1).max(128), z.number().finite()])
const id = z.string().min(1).max(128)
// safe integers only: a 1e300 "integer" is refused here rather than deep inside logic
const seq = z.number().int().nonnegative().safe()

const schema = z.discriminatedUnion('op', [
  z.object({
    op: z.literal('send'),
    ref,
    conversationId: id,
    content: z.string(),
    idempotencyKey: id,
    // a record of another kind than text: an image, file or voice naming its attachment, an operation on
    // targetId, a reply, mentions (docs/protocol.md)
    kind: z.enum(messageKinds).optional(),
    targetId: id.optional(),
    replyTo: id.optional(),
    mentions: z.array(id).max(100).optional(),
    attachmentId: id.optional(),
  }),
  z.object({
    op: z.literal('sync'),
    ref,
    conversationId: id,
    afterSeq: seq.default(0),
    limit: z.number().int().positive().safe().optional(),
  }),
  z.object({ op: z.literal('read'), ref, conversationId: id, seq: seq.positive() }),
  z.object({ op: z.literal('ping'), ref: ref.optional() }),
  z.object({ op: z.literal('typing'), ref: ref.optional(), conversationId: id }),
])

export type ClientFrame = z.infer<typeof schema>
export type Ref = z.infer<typeof ref>

export type FrameResult =
  | { ok: true; frame: ClientFrame }
  | { ok: false; code: 'bad_frame' | 'too_large'; message: string; ref?: Ref }

const ops = new Set(['send', 'sync', 'read', 'ping', 'typing'])

export function parseFrame(data: Buffer, isBinary: boolean, maxBytes: number): FrameResult {
  // the size check comes first: an oversized frame is never parsed
  if (data.length > maxBytes) return { ok: false, code: 'too_large', message: `frame is larger than ${maxBytes} bytes` }
  if (isBinary) return { ok: false, code: 'bad_frame', message: 'frames are JSON text, not binary' }
  let json: unknown
  try {
    json = JSON.parse(data.toString('utf8'))
  } catch {
    return { ok: false, code: 'bad_frame', message: 'frame is not valid JSON' }
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return { ok: false, code: 'bad_frame', message: 'frame must be a JSON object' }
  // echo the client's ref on a refusal whenever it sent a usable one, so it can fail the right request
  const given = ref.safeParse((json as { ref?: unknown }).ref)
  const refOf = given.success ? { ref: given.data } : {}
  const op = (json as { op?: unknown }).op
  if (typeof op !== 'string' || !ops.has(op))
    return { ok: false, code: 'bad_frame', message: `unknown op ${JSON.stringify(op ?? null)}`, ...refOf }
  const parsed = schema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return {
      ok: false,
      code: 'bad_frame',
      message: `${op}: ${issue?.path.join('.') || 'frame'} ${issue?.message.toLowerCase() ?? 'is invalid'}`,
      ...refOf,
    }
  }
  return { ok: true, frame: parsed.data }
}
