// Sending goes through the client library's outbox (pending until acknowledged, the same idempotency key on every
// try, kept in IndexedDB while offline): its entries are the open conversation's pending messages. Also recalling
// and read marks.
import { api, enc } from './api.js'
import { chat } from './chat-client.js'
import { GochatError, inWords, isTransient } from './errors.js'
import { addMessages, isOperation } from './operations.js'
import { renderConversations, renderMessages, showError } from './render.js'
import { convs, highestHeld, state } from './state.js'

const attachments = new Map() // outbox key → the completed attachment it sends (shown at once once acknowledged)

/** `extra`: `replyTo` (a message id) and `mentions` (user ids or "@all"), when there are; for an attachment
 *  message its `kind`, `attachmentId` and the completed `attachment` (then `text` is an optional caption) */
export async function send(text, extra = {}, c = convs.get(state.openId)) {
  if (!c || (!text.trim() && !extra.attachmentId)) return
  const { attachment, ...record } = extra
  try {
    const { key } = await chat().send(c.id, text, undefined, Object.keys(record).length ? record : undefined)
    if (attachment) attachments.set(key, attachment)
  } catch (err) {
    showError(inWords(err))
  }
}

/** An outbox entry changed: a message shows pending (or failed, with why) until its ack, then with its seq. */
export function onOutbox(e) {
  const c = convs.get(e.conversationId)
  if (!c) return
  const op = isOperation({ kind: e.record?.kind })
  if (e.state === 'sent') {
    c.pending.delete(e.key)
    // the ack may come before the push: shown from what was sent until the server's copy replaces it
    if (!c.msgs.has(e.seq))
      addMessages(c, [
        {
          messageId: e.messageId,
          conversationId: c.id,
          seq: e.seq,
          senderId: state.session.userId,
          content: e.content,
          sentAt: e.createdAt,
          status: 'normal',
          kind: e.record?.kind ?? 'text',
          targetId: e.record?.targetId ?? '',
          replyTo: e.record?.replyTo ?? '',
          mentions: e.record?.mentions ?? [],
          reactions: [],
          ...(attachments.has(e.key) ? { attachment: attachments.get(e.key) } : {}),
          local: true,
        },
      ])
    attachments.delete(e.key)
  } else if (op) {
    // edits, reactions and pins are not shown pending; a refused one is shown by sendRecord, and forgotten
    if (e.state === 'failed') void chat()?.discard(e.key)
  } else {
    const error = e.error ? new GochatError(e.error).message : ''
    c.pending.set(e.key, { key: e.key, content: e.content, kind: e.record?.kind, state: e.state, error })
    if (e.state === 'failed') showError(new GochatError(e.error))
  }
  if (c.id === state.openId) renderMessages()
}

/** What the outbox held when the client started (after a reload): shown pending in their conversations. */
export function showOutbox() {
  for (const e of chat()?.outbox() ?? []) onOutbox(e)
}

/** Sends a failed message again, with its key. */
export function retry(p) {
  chat()
    .retry(p.key)
    .catch((err) => showError(inWords(err)))
}

/**
 * Sends an operation record (`kind`, `targetId`, `content`: docs/protocol.md "Message operations") through the
 * outbox; it is applied once acknowledged (onOutbox), and its push applies nothing twice. Resolves true once
 * stored, false (the reason shown) when refused.
 */
export async function sendRecord(c, { content = '', ...record }) {
  try {
    await (await chat().send(c.id, content, undefined, record)).sent
    return true
  } catch (err) {
    showError(inWords(err))
    return false
  }
}

export async function recall(c, m) {
  try {
    await api('POST', `/v1/conversations/${enc(c.id)}/messages/${enc(m.messageId)}/recall`)
    c.msgs.set(m.seq, { ...m, status: 'recalled', content: '', attachment: undefined })
    if (c.id === state.openId) renderMessages()
  } catch (err) {
    showError(err)
  }
}

/** Marks the open conversation read up to the highest seq shown, while the page is visible. */
export function markRead() {
  const c = convs.get(state.openId)
  if (!c?.loaded || document.visibilityState !== 'visible' || !chat()) return
  const top = highestHeld(c)
  if (top <= c.readSeq) return
  c.readSeq = top
  renderConversations()
  chat()
    .markRead(c.id, top)
    .catch((err) => isTransient(err) || showError(inWords(err)))
}
