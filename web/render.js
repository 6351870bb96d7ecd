// Rendering: the conversation list, the open conversation's head and messages, typing, and the error banner. User
// data only ever reaches the page as textContent, never as HTML.
import { api, enc } from './api.js'
import { attachmentNode } from './attachments.js'
import { loadOlder, openConversation } from './conversations.js'
import { $, el } from './dom.js'
import { GochatError, isTransient } from './errors.js'
import { actionsOf, draftOpened, reactionsOf, replyQuote } from './message-actions.js'
import { contentNodes, mentionsMe } from './mentions.js'
import { isOperation } from './operations.js'
import { pinsOpened } from './pins.js'
import { markRead, recall, retry } from './sending.js'
import { convs, names, online, page, PRESENCE_IDS, state, typers } from './state.js'

const shortId = (id) => (id.length > 12 ? `${id.slice(0, 8)}…` : id)
export const nameOf = (userId) => names.get(userId) ?? shortId(userId)
export function title(c) {
  if (c.kind === 'direct') return c.peer ? nameOf(c.peer.userId) : 'Direct chat'
  return c.name || 'Group'
}

const asked = new Set() // ids looked up once already: an unknown or failed one is not asked again (no render loop)
/** Looks up the names of users not known yet (message senders in groups, typists), then renders again. */
export async function wantNames(ids) {
  const missing = [...new Set(ids)].filter((id) => !names.has(id) && !asked.has(id) && id !== state.session.userId)
  let learned = false
  for (let i = 0; i < missing.length; i += PRESENCE_IDS) {
    const batch = missing.slice(i, i + PRESENCE_IDS)
    batch.forEach((id) => asked.add(id))
    try {
      const { users } = await api('GET', `/v1/users?ids=${batch.map(enc).join(',')}`)
      for (const u of users) names.set(u.userId, u.displayName)
      learned ||= users.length > 0
    } catch (err) {
      if (isTransient(err))
        batch.forEach((id) => asked.delete(id)) // asked again on a later render
      else showError(err)
    }
  }
  // only when something was learned: a render asks again for what is still missing
  if (learned) {
    renderConversations()
    renderMessages()
    renderTyping()
  }
}

/** Asks who of these users is online (direct peers on (re)connect and on opening, group members). */
export async function refreshPresence(ids) {
  const unique = [...new Set(ids)].slice(0, PRESENCE_IDS)
  if (!unique.length) return
  try {
    const { presence } = await api('GET', `/v1/users/presence?ids=${unique.map(enc).join(',')}`)
    for (const p of presence) online.set(p.userId, p.online)
  } catch (err) {
    if (!isTransient(err)) showError(err)
  }
  renderConversations()
  renderHead()
  page.groups.changed()
}

export const dot = (userId) =>
  el('span', {
    class: 'dot',
    'data-testid': 'presence-dot',
    data: { online: String(online.get(userId) === true) },
    title: online.get(userId) ? 'online' : 'offline',
  })

/** "Alice is typing…" for the open conversation; entries expire by themselves. */
export function renderTyping() {
  const now = Date.now()
  const here = typers.get(state.openId)
  for (const [id, until] of here ?? []) if (until <= now) here.delete(id)
  const who = [...(here?.keys() ?? [])].map(nameOf)
  $('typing').textContent =
    who.length === 0
      ? ''
      : who.length === 1
        ? `${who[0]} is typing…`
        : `${who.slice(0, -1).join(', ')} and ${who.at(-1)} are typing…`
}

export function renderHead() {
  const c = convs.get(state.openId)
  $('chat-title').textContent = c ? title(c) : 'Pick a conversation'
  $('chat-id').textContent = c ? c.id : ''
  const head = $('peer-online')
  head.hidden = !c?.peer
  if (c?.peer) head.dataset.online = String(online.get(c.peer.userId) === true)
  $('show-pins').hidden = !c
  pinsOpened(c?.id)
  draftOpened(c?.id)
  const bar = $('announcement-bar')
  bar.hidden = !(c?.kind === 'group' && c.announcement)
  bar.textContent = c?.announcement ? `Announcement: ${c.announcement}` : ''
}

export function renderConversations() {
  const list = $('conversation-list')
  const items = [...convs.values()].map((c) => {
    const unread = Math.max(0, c.lastSeq - c.readSeq)
    return el(
      'li',
      {},
      el(
        'button',
        {
          type: 'button',
          class: c.id === state.openId ? 'conv open' : 'conv',
          'data-testid': 'conversation',
          data: { conversationId: c.id, unread: String(unread) },
          onclick: () => openConversation(c.id).catch(showError),
        },
        c.peer ? dot(c.peer.userId) : '',
        el('span', { class: 'conv-title', 'data-testid': 'conversation-title', text: title(c) }),
        el('span', { class: 'conv-kind', text: c.kind }),
        el('span', { class: 'badge', 'data-testid': 'unread', hidden: unread === 0, text: String(unread) }),
      ),
    )
  })
  list.replaceChildren(...items)
  $('no-conversations').hidden = items.length > 0
  const total = [...convs.values()].reduce((n, c) => n + Math.max(0, c.lastSeq - c.readSeq), 0)
  document.title = total ? `(${total}) gochat` : 'gochat'
}

const time = (ms) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })

function messageItem(c, m) {
  if (m.kind === 'system')
    return el('li', { class: 'system-line', 'data-testid': 'system-message', data: { seq: String(m.seq) } }, m.content)
  const mine = m.senderId === state.session.userId
  const read = mine && m.status === 'normal' && c.peer && m.seq <= c.peer.readSeq
  const shown =
    m.status === 'recalled' ? ['message recalled'] : m.status === 'deleted' ? ['message deleted'] : contentNodes(m)
  const me = m.status === 'normal' && mentionsMe(m)
  return el(
    'li',
    {
      class: `msg ${mine ? 'mine' : 'theirs'} ${m.status}${me ? ' mentions-me' : ''}${state.found === m.messageId ? ' found' : ''}`,
      'data-testid': 'message',
      data: {
        seq: String(m.seq),
        status: m.status,
        mine: String(mine),
        messageId: m.messageId,
        edited: String(m.editCount > 0),
        pinned: String(m.pinnedAt > 0),
        mentionsMe: String(me),
        found: String(state.found === m.messageId),
      },
    },
    m.status === 'normal' ? replyQuote(c, m) : '',
    el('div', { class: 'content', 'data-testid': 'message-content' }, ...shown),
    attachmentNode(m),
    m.status === 'normal' ? reactionsOf(c, m) : '',
    el(
      'div',
      { class: 'meta', 'data-testid': 'message-meta' },
      el('span', {
        class: 'sender',
        'data-testid': 'message-sender',
        text: mine ? 'you' : nameOf(m.senderId),
        title: m.senderId,
      }),
      el('span', { text: time(m.sentAt) }),
      el('span', { 'data-testid': 'message-seq', text: `#${m.seq}` }),
      read ? el('span', { class: 'read-mark', 'data-testid': 'read-mark', text: 'read' }) : '',
      mine && m.status === 'normal'
        ? el('button', {
            type: 'button',
            class: 'link',
            'data-testid': 'recall',
            onclick: () => recall(c, m),
            text: 'recall',
          })
        : '',
      ...actionsOf(c, m),
    ),
  )
}

function pendingItem(p) {
  return el(
    'li',
    { class: `msg mine ${p.state}`, 'data-testid': 'message', data: { status: p.state, mine: 'true' } },
    el('div', { class: 'content', 'data-testid': 'message-content', text: p.content || p.attachment?.name || p.kind }),
    el(
      'div',
      { class: 'meta', 'data-testid': 'message-meta' },
      el('span', { text: 'you' }),
      el('span', { text: p.state === 'failed' ? `not sent: ${p.error}` : 'sending…' }),
      p.state === 'failed'
        ? el('button', {
            type: 'button',
            class: 'link',
            'data-testid': 'retry',
            onclick: () => retry(p),
            text: 'retry',
          })
        : '',
    ),
  )
}

export function renderMessages({ toBottom = false } = {}) {
  const list = $('message-list')
  const c = convs.get(state.openId)
  $('composer').hidden = !c
  renderHead()
  renderTyping()
  if (!c) return list.replaceChildren()
  const shown = [...c.msgs.values()].filter((m) => !isOperation(m)).sort((a, b) => a.seq - b.seq)
  // senders, the people reacting, mentioned and quoted
  void wantNames(
    shown.flatMap((m) => [
      m.senderId,
      ...(m.reactions ?? []).flatMap((r) => r.userIds),
      ...(m.mentions ?? []).filter((id) => id !== '@all'),
      ...(m.reply ? [m.reply.senderId] : []),
    ]),
  )
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40
  const items = shown.map((m) => messageItem(c, m))
  if (c.hasOlder)
    items.unshift(
      el(
        'li',
        { class: 'older' },
        el('button', {
          type: 'button',
          class: 'link',
          'data-testid': 'load-older',
          onclick: () => loadOlder().catch(showError),
          text: 'load older messages',
        }),
      ),
    )
  else if (c.loaded) items.unshift(el('li', { class: 'older hint', text: 'start of the conversation' }))
  for (const p of c.pending.values()) items.push(pendingItem(p))
  list.replaceChildren(...items)
  if (toBottom || atBottom) list.scrollTop = list.scrollHeight
  markRead()
}

let errorTimer
export function showError(err) {
  $('error-text').textContent =
    err instanceof GochatError ? err.message : `Something went wrong: ${err?.message ?? err}`
  $('error').hidden = false
  clearTimeout(errorTimer)
  errorTimer = setTimeout(() => ($('error').hidden = true), 10_000)
}
