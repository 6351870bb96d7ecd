// Sending (with an idempotency key, resent until acknowledged), recalling and read marks.
import { api, enc } from './api.js'
import { addMessages } from './operations.js'
import { isTransient } from './errors.js'
import { renderConversations, renderMessages, showError } from './render.js'
import { sock } from './socket.js'
import { convs, highestHeld, newKey, state } from './state.js'

const SOCKET_CONTENT_BYTES = 32 * 1024 // larger messages go by REST (the frame limit is 64 KiB by default)

/** `extra`: `replyTo` (a message id) and `mentions` (user ids or "@all"), when there are; for an attachment
 *  message its `kind`, `attachmentId` and the completed `attachment` (then `text` is an optional caption) */
export function send(text, extra = {}, c = convs.get(state.openId)) {
  if (!c || (!text.trim() && !extra.attachmentId)) return
  const p = { key: newKey(), content: text, sentAt: Date.now(), state: 'pending', ...extra }
  c.pending.set(p.key, p)
  renderMessages({ toBottom: true })
  void deliver(c, p)
}

/** Sends a pending message; the same idempotency key on every try, so a resend never doubles it. */
export async function deliver(c, p) {
  p.state = 'pending'
  try {
    const body = {
      content: p.content,
      idempotencyKey: p.key,
      ...(p.replyTo ? { replyTo: p.replyTo } : {}),
      ...(p.mentions?.length ? { mentions: p.mentions } : {}),
      ...(p.attachmentId ? { kind: p.kind, attachmentId: p.attachmentId } : {}),
    }
    // a frame over the gateway's limit is refused without its ref; REST answers a large body by itself
    const ack =
      sock.open && new Blob([p.content]).size < SOCKET_CONTENT_BYTES
        ? await sock.request({ op: 'send', conversationId: c.id, ...body })
        : await api('POST', `/v1/conversations/${enc(c.id)}/messages`, body)
    c.pending.delete(p.key)
    if (!c.msgs.has(ack.seq)) {
      addMessages(c, [
        {
          messageId: ack.messageId,
          conversationId: c.id,
          seq: ack.seq,
          senderId: state.session.userId,
          content: p.content,
          sentAt: p.sentAt,
          status: 'normal',
          kind: p.kind ?? 'text',
          ...(p.attachment ? { attachment: p.attachment } : {}),
          replyTo: p.replyTo ?? '',
          mentions: p.mentions ?? [],
          reactions: [],
        },
      ])
    }
  } catch (err) {
    if (isTransient(err)) return // stays pending: resent when the socket is back
    p.state = 'failed'
    p.error = err.message
    showError(err)
  } finally {
    if (c.id === state.openId) renderMessages()
  }
}

/**
 * Sends an operation record (`kind`, `targetId`, `content`: docs/protocol.md "Message operations") and applies it
 * once acknowledged; its push applies nothing twice. Not queued while offline: the error says it was not done.
 */
export async function sendRecord(c, record) {
  try {
    const body = { content: '', idempotencyKey: newKey(), ...record }
    const ack = sock.open
      ? await sock.request({ op: 'send', conversationId: c.id, ...body })
      : await api('POST', `/v1/conversations/${enc(c.id)}/messages`, body)
    if (!c.msgs.has(ack.seq)) {
      const { idempotencyKey: _, ...fields } = body
      addMessages(c, [
        {
          messageId: ack.messageId,
          conversationId: c.id,
          seq: ack.seq,
          senderId: state.session.userId,
          sentAt: Date.now(),
          status: 'normal',
          mentions: [],
          ...fields,
        },
      ])
    }
    if (c.id === state.openId) renderMessages()
    return true
  } catch (err) {
    showError(err)
    return false
  }
}

export async function recall(c, m) {
  try {
    await api('POST', `/v1/conversations/${enc(c.id)}/messages/${enc(m.messageId)}/recall`)
    c.msgs.set(m.seq, { ...m, status: 'recalled', content: '' })
    if (c.id === state.openId) renderMessages()
  } catch (err) {
    showError(err)
  }
}

/** Marks the open conversation read up to the highest seq shown, while the page is visible. */
export function markRead() {
  const c = convs.get(state.openId)
  if (!c?.loaded || document.visibilityState !== 'visible') return
  const top = highestHeld(c)
  if (top <= c.readSeq) return
  c.readSeq = top
  renderConversations()
  const done = sock.open
    ? sock.request({ op: 'read', conversationId: c.id, seq: top })
    : api('POST', `/v1/conversations/${enc(c.id)}/read`, { seq: top })
  done.catch((err) => isTransient(err) || showError(err))
}
