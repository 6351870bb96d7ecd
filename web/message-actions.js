// What a user does to a shown message (docs/protocol.md "Message operations"): reply to it and edit it (both through
// the composer, which says what its next send is), react with an emoji, pin and unpin; and the parts of a message
// they show: the quoted original, "edited", the reactions with who reacted, the pin mark.
import { $, el } from './dom.js'
import { clearMentions, mentionsIn } from './mentions.js'
import { nameOf, renderMessages } from './render.js'
import { send, sendRecord } from './sending.js'
import { convs, draft, EDIT_WINDOW_MS, state } from './state.js'

export const EMOJI = ['👍', '❤️', '😂', '🎉', '😮', '😢']
const SNIPPET_CHARS = 100
let pickerFor = null // the message id whose emoji row is open

export const canPin = (c) => c.kind === 'direct' || c.role === 'admin'
const canEdit = (m) => m.senderId === state.session.userId && Date.now() - m.sentAt < EDIT_WINDOW_MS
const byId = (c, id) => [...c.msgs.values()].find((m) => m.messageId === id)

/** Sets what the composer's next send is (reply, edit, or a new message: mode null) and shows it above it. */
export function setDraft(mode, target) {
  draft.mode = mode
  draft.target = target
  const bar = $('composer-mode')
  bar.hidden = !mode
  bar.dataset.mode = mode ?? ''
  $('composer-mode-text').textContent = !mode
    ? ''
    : mode === 'edit'
      ? 'Editing your message'
      : `Replying to ${target.senderId === state.session.userId ? 'yourself' : nameOf(target.senderId)}: ${snippet(target.content)}`
  const input = $('composer-input')
  if (mode === 'edit') {
    input.value = target.content
    clearMentions(target.mentions)
  }
  if (mode) input.focus()
}

/** On opening another conversation: a reply or edit of this one is dropped. */
export function draftOpened(id) {
  if (draft.target && draft.target.conversationId !== id) {
    setDraft(null, null)
    clearMentions()
  }
}

/** The composer's send: an edit of the draft's target, or a message (a reply when the draft says so). */
export async function submitComposer(text) {
  const c = convs.get(state.openId)
  if (!c || !text.trim()) return
  const mentions = mentionsIn(text)
  const { mode, target } = draft
  setDraft(null, null)
  clearMentions()
  if (mode === 'edit') {
    if (text !== target.content)
      await sendRecord(c, {
        kind: 'edit',
        targetId: target.messageId,
        content: text,
        ...(mentions.length ? { mentions } : {}),
      })
    return
  }
  send(text, { ...(mode === 'reply' ? { replyTo: target.messageId } : {}), ...(mentions.length ? { mentions } : {}) })
}

const snippet = (text) => {
  const chars = [...text]
  return chars.length > SNIPPET_CHARS ? `${chars.slice(0, SNIPPET_CHARS).join('')}…` : text
}

/** The original a reply answers: as the page holds it now (a recall shows at once), else as the server quoted it. */
export function replyQuote(c, m) {
  if (!m.replyTo) return ''
  const held = byId(c, m.replyTo)
  const o = held
    ? { senderId: held.senderId, status: held.status, snippet: held.content }
    : (m.reply ?? { senderId: '', status: 'normal', snippet: '' })
  const text = o.status === 'normal' ? snippet(o.snippet) : `message ${o.status}`
  return el(
    'div',
    { class: `quote ${o.status}`, 'data-testid': 'reply-quote', data: { status: o.status, replyTo: m.replyTo } },
    el('span', { class: 'quote-sender', 'data-testid': 'reply-sender', text: o.senderId ? nameOf(o.senderId) : '' }),
    el('span', { class: 'quote-text', 'data-testid': 'reply-snippet', text }),
  )
}

const react = (c, m, emoji) => {
  pickerFor = null
  const mine = (m.reactions ?? []).find((r) => r.userIds.includes(state.session.userId))
  return sendRecord(c, {
    kind: mine?.emoji === emoji ? 'unreaction' : 'reaction',
    targetId: m.messageId,
    content: emoji,
  })
}

/** The reactions (emoji, count; who reacted in the title), each a toggle of mine; and the emoji row when open. */
export function reactionsOf(c, m) {
  const me = state.session.userId
  const chips = (m.reactions ?? []).map((r) =>
    el('button', {
      type: 'button',
      class: r.userIds.includes(me) ? 'reaction mine' : 'reaction',
      'data-testid': 'reaction',
      data: { emoji: r.emoji, count: String(r.userIds.length), mine: String(r.userIds.includes(me)) },
      title: r.userIds.map((u) => (u === me ? 'you' : nameOf(u))).join(', '),
      text: `${r.emoji} ${r.userIds.length}`,
      onclick: () => react(c, m, r.emoji),
    }),
  )
  const picker =
    pickerFor === m.messageId
      ? el(
          'span',
          { class: 'emoji-picker', 'data-testid': 'emoji-picker' },
          ...EMOJI.map((e) =>
            el('button', { type: 'button', 'data-testid': 'emoji-option', text: e, onclick: () => react(c, m, e) }),
          ),
        )
      : ''
  if (!chips.length && !picker) return ''
  return el('div', { class: 'reactions', 'data-testid': 'reactions' }, ...chips, picker)
}

const action = (testid, text, onclick) =>
  el('button', { type: 'button', class: 'link', 'data-testid': testid, text, onclick })

/** The actions on a shown message, the meta's marks first: "edited", "pinned". */
export function actionsOf(c, m) {
  if (m.status !== 'normal') return []
  const pinned = m.pinnedAt > 0
  return [
    m.editCount > 0
      ? el('span', { class: 'edited', 'data-testid': 'edited', title: `edited ${m.editCount}×`, text: 'edited' })
      : '',
    pinned ? el('span', { class: 'pinned', 'data-testid': 'pinned-mark', text: 'pinned' }) : '',
    action('reply', 'reply', () => setDraft('reply', m)),
    action('react', 'react', () => {
      pickerFor = pickerFor === m.messageId ? null : m.messageId
      renderMessages()
    }),
    canEdit(m) ? action('edit', 'edit', () => setDraft('edit', m)) : '',
    canPin(c)
      ? action(pinned ? 'unpin' : 'pin', pinned ? 'unpin' : 'pin', () =>
          sendRecord(c, { kind: pinned ? 'unpin' : 'pin', targetId: m.messageId }),
        )
      : '',
  ]
}
