// One WebSocket connection's conversation with the gateway: frames in, answers out. Frames of a connection are
// handled one after another and answered in the order they came, so a client's sends get seqs in the order it
// sent them and answers never overtake each other. Sends queued behind a busy connection go to logic together, as
// one ordered call (send-pipeline.ts): still answered one by one, in order.
import type { RawData } from 'ws'
import { AppError } from '../../src/core/errors.js'
import type { Logger } from '../../src/observability/log.js'
import { errorsTotal, secondsSince } from '../../src/observability/metrics.js'
import { endSpan, runWithin, SpanKind, startRootSpan, tracingEnabled } from '../../src/observability/tracing.js'
import type { LogicApi, MessageApi } from '../../src/rpc/api.js'
import type { Connection } from './connections.js'
import { parseFrame, type ClientFrame, type Ref } from './frames.js'
import { errorFramesOut, framesIn, repliesOut, sendDuration } from './metrics.js'
import { TokenBucket, type KeyedLimiter } from './rate-limit.js'
import { fromApiMessage } from '../../src/contracts/codecs/api-message.js'
import { SEND_PIPELINE, type SendFrame, sendQueued } from './send-pipeline.js'

const wsSendOk = sendDuration.labels({ transport: 'ws', result: 'ok' })
const wsSendFailed = sendDuration.labels({ transport: 'ws', result: 'error' })

/** Refused frames in a row (malformed or oversized) after which the client is taken to be broken: closed with 1008. */
export const MAX_STRIKES = 10

export interface SessionDeps {
  logic: LogicApi
  messages: MessageApi
  /** upstream: kafka mode: hands a send to logic through gochat.messages.upstream; the answer comes downstream */
  upstream?: (frame: Extract<ClientFrame, { op: 'send' }>, conn: Connection) => Promise<void>
  maxFrameBytes: number
  ratePerSecond: number
  /** frames of a user over all their connections (ws_rate_per_user) */
  userLimiter?: KeyedLimiter
  log: Logger
  nowMs?: () => number
}

const toBuffer = (data: RawData): Buffer =>
  Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data)

const errorFrame = (ref: Ref | undefined, code: string, message: string) => ({
  op: 'error',
  ...(ref === undefined ? {} : { ref }),
  code,
  message,
})

/** one typing event per conversation per this long from a connection; more are acked but not relayed */
export const TYPING_INTERVAL_MS = 2000
const TYPING_TRACKED = 64

/** When each conversation was last relayed a typing event for this connection (a small, bounded map). */
const typingSent = new WeakMap<Connection, Map<string, number>>()

function typingAllowed(conn: Connection, conversationId: string, now: number): boolean {
  let sent = typingSent.get(conn)
  if (!sent) typingSent.set(conn, (sent = new Map()))
  if (now - (sent.get(conversationId) ?? -Infinity) < TYPING_INTERVAL_MS) return false
  if (sent.size >= TYPING_TRACKED) sent.clear()
  sent.set(conversationId, now)
  return true
}

async function answer(deps: SessionDeps, conn: Connection, frame: ClientFrame): Promise<object | undefined> {
  const userId = conn.userId
  switch (frame.op) {
    case 'send':
      // only with `upstream` (the answer comes downstream): other sends are queued by enqueueSend
      await deps.upstream?.(frame, conn)
      return undefined
    case 'sync': {
      const res = await deps.messages.SyncMessages({
        conversation_id: frame.conversationId,
        after_sequence: frame.afterSeq,
        page_size: frame.limit ?? 0,
        actor_user_id: userId,
      })
      return { op: 'sync.result', ref: frame.ref, messages: res.messages.map(fromApiMessage), hasMore: res.has_more }
    }
    case 'read':
      await deps.logic.MarkRead({ user_id: userId, conversation_id: frame.conversationId, seq: frame.seq })
      return { op: 'ack', ref: frame.ref }
    case 'ping':
      return frame.ref === undefined ? { op: 'pong' } : { op: 'pong', ref: frame.ref }
    case 'typing':
      if (typingAllowed(conn, frame.conversationId, (deps.nowMs ?? Date.now)()))
        await deps.logic.Typing({ user_id: userId, conversation_id: frame.conversationId })
      return frame.ref === undefined ? undefined : { op: 'ack', ref: frame.ref }
  }
}

/** a send waiting in the connection's queue: its frame, its span, and what writes its answer */
interface QueuedSend {
  frame: SendFrame
  span: ReturnType<typeof startRootSpan>
  finish: (reply: object) => void
}

/** Handles the connection's frames; none is processed before `ready` (presence registered) settles. */
export function attachSession(conn: Connection, deps: SessionDeps, ready: Promise<void>): void {
  const now = deps.nowMs ?? Date.now
  const bucket = new TokenBucket(deps.ratePerSecond, now())
  let strikes = 0
  let queue = ready
  /** sends queued behind the connection's current work and not started yet: later sends join them */
  let waiting: QueuedSend[] | undefined
  /** `written` runs once the reply (if any) is on the socket: the frame's span and send latency end there */
  const enqueue = (
    work: () => Promise<object | undefined> | object | undefined,
    written?: (reply: object | undefined) => void,
  ) => {
    waiting = undefined // a later send must not be answered before this frame
    queue = queue
      .then(work)
      .then((reply) => {
        if (reply) {
          conn.send(JSON.stringify(reply))
          ;((reply as { op?: string }).op === 'error' ? errorFramesOut : repliesOut).inc()
        }
        written?.(reply)
      })
      .catch((err: unknown) => deps.log.error('websocket session failed', { err, userId: conn.userId }))
  }
  const refuse = (ref: Ref | undefined, code: string, message: string) => {
    errorsTotal.inc({ role: 'gateway', code })
    return errorFrame(ref, code, message)
  }
  /** a send without `upstream`: joins the sends waiting to start, or starts a new group of them */
  const enqueueSend = (send: QueuedSend) => {
    if (waiting && waiting.length < SEND_PIPELINE) return void waiting.push(send)
    const group = [send]
    waiting = group
    queue = queue
      .then(async () => {
        if (waiting === group) waiting = undefined
        const frames = group.map((g) => g.frame)
        const send = () => sendQueued(deps.messages, frames, conn.userId, deps.log)
        // the call runs in the first frame's trace; every frame's span ends when its answer is written
        const answers = await (group[0]!.span ? runWithin(group[0]!.span, send) : send())
        group.forEach((g, i) => {
          const a = answers[i]!
          if ('ok' in a) return g.finish(a.ok)
          const err = a.error
          if (err instanceof AppError) return g.finish(refuse(g.frame.ref, err.code, err.message))
          deps.log.error('websocket send failed', { err, userId: conn.userId })
          g.finish(refuse(g.frame.ref, 'internal', 'internal error'))
        })
      })
      .catch((err: unknown) => deps.log.error('websocket session failed', { err, userId: conn.userId }))
  }

  conn.ws.on('message', (data: RawData, isBinary: boolean) => {
    conn.missedPongs = 0
    const received = performance.now()
    const parsed = parseFrame(toBuffer(data), isBinary, deps.maxFrameBytes)
    const ref = parsed.ok ? parsed.frame.ref : parsed.ref
    framesIn.inc({ op: parsed.ok ? parsed.frame.op : 'invalid' })
    // every frame costs a token, good or bad; going over the rate is answered but not held against the client
    if (!bucket.take(now()))
      return enqueue(() => refuse(ref, 'rate_limited', `more than ${deps.ratePerSecond} frames a second`))
    if (deps.userLimiter?.take(conn.userId, now()))
      return enqueue(() => refuse(ref, 'rate_limited', 'too many frames from this user on all connections'))
    if (!parsed.ok) {
      strikes++
      const closeNow = strikes >= MAX_STRIKES
      return enqueue(() => {
        const reply = refuse(ref, parsed.code, parsed.message)
        if (!closeNow) return reply
        conn.send(JSON.stringify(reply))
        errorFramesOut.inc()
        conn.ws.close(1008, 'too many bad frames')
        return undefined
      })
    }
    strikes = 0
    const frame = parsed.frame
    // a trace starts here (when tracing is on) and ends when the answer is written
    const span = tracingEnabled()
      ? startRootSpan('gateway', `ws.${frame.op}`, SpanKind.SERVER, {
          'gochat.op': frame.op,
          'gochat.user_id': conn.userId,
        })
      : undefined
    const work = () =>
      answer(deps, conn, frame).catch((err: unknown) => {
        if (err instanceof AppError) return refuse(frame.ref, err.code, err.message)
        deps.log.error(`websocket ${frame.op} failed`, { err, userId: conn.userId })
        return refuse(frame.ref, 'internal', 'internal error')
      })
    // sends are timed to the ack on the socket; other frames need the callback only for their span
    const written =
      frame.op === 'send' || span
        ? (reply: object | undefined) => {
            const failed =
              (reply as { op?: string } | undefined)?.op === 'error'
                ? ((reply as { code?: string }).code ?? 'error')
                : undefined
            if (frame.op === 'send' && reply) (failed ? wsSendFailed : wsSendOk).observe(secondsSince(received))
            endSpan(span, failed, failed)
          }
        : undefined
    if (frame.op === 'send' && !deps.upstream)
      return enqueueSend({
        frame,
        span,
        finish: (reply) => {
          conn.send(JSON.stringify(reply))
          ;((reply as { op?: string }).op === 'error' ? errorFramesOut : repliesOut).inc()
          written?.(reply)
        },
      })
    enqueue(span ? () => runWithin(span, work) : work, written)
  })
}
