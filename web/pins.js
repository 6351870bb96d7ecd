// The open conversation's pinned messages (GET /v1/conversations/{id}/pins), in a panel under its head: read when
// opened, and again when a pin or unpin record of that conversation arrives while it shows.
import { api, enc } from './api.js'
import { $, el } from './dom.js'
import { isTransient } from './errors.js'
import { canPin } from './message-actions.js'
import { nameOf, showError } from './render.js'
import { sendRecord } from './sending.js'
import { convs, state } from './state.js'

let shownFor = null // the conversation id whose pins show

export function togglePins() {
  shownFor = shownFor === state.openId ? null : state.openId
  $('pins-panel').hidden = !shownFor
  void refreshPins()
}

/** On opening another conversation: the panel closes. */
export function pinsOpened(id) {
  if (shownFor && shownFor !== id) {
    shownFor = null
    $('pins-panel').hidden = true
  }
}

/** A pin or unpin record of conversation `id` arrived. */
export const pinsChanged = (id) => id === shownFor && void refreshPins()

async function refreshPins() {
  const id = shownFor
  const c = convs.get(id)
  if (!c) return
  let messages
  try {
    ;({ messages } = await api('GET', `/v1/conversations/${enc(id)}/pins`))
  } catch (err) {
    if (!isTransient(err)) showError(err)
    return
  }
  if (shownFor !== id) return
  $('pin-list').replaceChildren(
    ...messages.map((m) =>
      el(
        'li',
        { 'data-testid': 'pinned-message', data: { messageId: m.messageId, seq: String(m.seq) } },
        el('span', { class: 'sender', text: m.senderId === state.session.userId ? 'you' : nameOf(m.senderId) }),
        el('span', { class: 'pin-text', 'data-testid': 'pinned-content', text: m.content }),
        canPin(c)
          ? el('button', {
              type: 'button',
              class: 'link',
              'data-testid': 'pins-unpin',
              text: 'unpin',
              onclick: () => sendRecord(c, { kind: 'unpin', targetId: m.messageId }).then(refreshPins),
            })
          : '',
      ),
    ),
  )
  $('no-pins').hidden = messages.length > 0
}
