// A connection's queued sends, pipelined: while the connection waits for an answer, the send frames that come in
// behind it are collected and handed to logic together, as one ordered SendMessages call (at most SEND_PIPELINE),
// instead of one SendMessage round trip each. Logic stores one call's sends of a conversation in item order, so the
// seqs still follow the order the client sent them; each frame still gets its own answer (an ack, or the error of
// that send alone), written in frame order.
import { AppError } from '../../src/core/errors.js'
import type { SendMessageRequest } from '../../src/contracts/generated/realchat/message/v1/SendMessageRequest.js'
import type { Logger } from '../../src/observability/log.js'
import type { MessageApi } from '../../src/rpc/api.js'
import { appError } from '../../src/rpc/batch.js'
import type { ClientFrame } from './frames.js'
import { sendBatchSize } from './metrics.js'

export type SendFrame = Extract<ClientFrame, { op: 'send' }>

/** most sends of a connection in one SendMessages call: a bound on the call's size and on one answer's wait */
export const SEND_PIPELINE = 64

export const sendRequest = (frame: SendFrame, userId: string): SendMessageRequest => ({
  conversation_id: frame.conversationId,
  sender_user_id: userId,
  idempotency_key: frame.idempotencyKey,
  content: frame.content,
  kind: frame.kind ?? '',
  target_id: frame.targetId ?? '',
  reply_to: frame.replyTo ?? '',
  mentions: frame.mentions ?? [],
  attachment_id: frame.attachmentId ?? '',
})

type Ack = { op: 'ack'; ref: SendFrame['ref']; messageId: string; seq: number }
/** a send's answer: its ack, or why it was refused (an AppError for the client, anything else an internal error) */
export type SendAnswer = { ok: Ack } | { error: unknown }

const ack = (frame: SendFrame, message: { message_id: string; seq: number } | null | undefined): SendAnswer =>
  message
    ? { ok: { op: 'ack', ref: frame.ref, messageId: message.message_id, seq: message.seq } }
    : { error: new AppError('internal', 'no message in the answer') }

/** The answers to a connection's queued sends, one per frame in frame order; a failed call fails each of them. */
export async function sendQueued(
  messages: MessageApi,
  frames: SendFrame[],
  userId: string,
  log: Logger,
): Promise<SendAnswer[]> {
  // one alone goes as before (a gRPC client coalesces it with other connections' sends of its tick)
  if (frames.length === 1)
    return [
      await messages.SendMessage(sendRequest(frames[0]!, userId)).then(
        (res) => ack(frames[0]!, res.message),
        (error: unknown) => ({ error }),
      ),
    ]
  sendBatchSize.observe(frames.length)
  try {
    const { results } = await messages.SendMessages({ sends: frames.map((f) => sendRequest(f, userId)) })
    return frames.map((frame, i) => {
      const r = results[i]
      return r?.ok ? ack(frame, r.ok.message) : { error: appError(r?.error) }
    })
  } catch (err) {
    if (!(err instanceof AppError) || err.code === 'internal')
      log.error('websocket sends failed', { err, userId, sends: frames.length })
    const error = err instanceof AppError ? err : new AppError('internal', 'internal error')
    return frames.map(() => ({ error }))
  }
}
