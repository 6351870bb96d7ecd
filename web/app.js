// The gochat web page: a small reference client of docs/protocol.md (REST + WebSocket), plain ES modules.
// User data only ever reaches the page as textContent, never as HTML. Group details are in group.js, the people
// search in people.js.
import { $, el } from './dom.js'
import { peopleSearch } from './people.js'
import { initGroups } from './group.js'
import { initInvitations } from './invitations.js'

const PAGE = 50 // messages per sync page
const REQUEST_TIMEOUT_MS = 10_000
const BACKOFF_MIN_MS = 500
const BACKOFF_MAX_MS = 15_000
const SOCKET_CONTENT_BYTES = 32 * 1024 // larger messages go by REST (the frame limit is 64 KiB by default)
const KEYS = { session: 'gochat.session', open: 'gochat.open' }
const TYPING_SEND_MS = 2_000 // the server relays one typing a connection and conversation every 2 s
const TYPING_SHOWN_MS = 5_000
const PRESENCE_IDS = 100 // ids per presence or name lookup

// ---- errors in words -------------------------------------------------------------------------------------

const WORDS = {
  unauthorized: 'You are not signed in, or your session has expired.',
  invalid_credentials: 'Wrong username or password.',
  username_taken: 'That username is already taken.',
  invalid_name: 'That name has nothing visible in it, or invisible characters a username cannot have.',
  forbidden: 'You are not allowed to do that.',
  not_found: 'That does not exist (or you cannot see it).',
  conflict: 'That clashes with something that already exists.',
  too_large: 'That is too large for the server.',
  rate_limited: 'Too much at once: wait a moment and try again.',
  bad_request: 'The server did not accept that input.',
  bad_frame: 'The server could not understand a frame from this page.',
  internal: 'The server had a problem. Try again.',
  network: 'The server cannot be reached right now.',
  timeout: 'The server did not answer in time.',
}
const STATUS_WORDS = {
  400: WORDS.bad_request,
  401: WORDS.unauthorized,
  403: WORDS.forbidden,
  404: WORDS.not_found,
  409: WORDS.conflict,
  413: WORDS.too_large,
  429: WORDS.rate_limited,
}

class GochatError extends Error {
  constructor(code, detail, status) {
    const words = WORDS[code] ?? STATUS_WORDS[status] ?? 'Something went wrong.'
    super(detail && detail !== words ? `${words} (${detail})` : words)
    this.code = code
    this.status = status
  }
}
const isTransient = (err) => err?.code === 'network' || err?.code === 'timeout'

// ---- small helpers ---------------------------------------------------------------------------------------

/** A random idempotency key; crypto.randomUUID exists only in secure contexts, getRandomValues everywhere. */
const newKey = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('')
const store = {
  get: (k) => {
    try {
      return JSON.parse(sessionStorage.getItem(k) ?? 'null')
    } catch {
      return null
    }
  },
  set: (k, v) => (v === null ? sessionStorage.removeItem(k) : sessionStorage.setItem(k, JSON.stringify(v))),
}

// ---- state -----------------------------------------------------------------------------------------------

let session = null // { userId, token }, kept in sessionStorage so that two tabs can be two users
/** conversationId → { id, kind, name, lastSeq, readSeq, msgs: Map<seq, Message>, pending: Map<key, Pending>, loaded, lowest, hasOlder } */
const convs = new Map()
let openId = null
const names = new Map() // user id → display name: conversation list, member lists, searches, lookups, profile events
const online = new Map() // user id → online (presence queries and user.online / user.offline events)
const typers = new Map() // conversation id → Map(user id → when the indicator expires)
const typingSent = new Map() // conversation id → when this page last sent `typing`

const highestHeld = (c) => Math.max(0, ...c.msgs.keys())

// ---- REST ------------------------------------------------------------------------------------------------

async function api(method, path, body) {
  let res
  try {
    res = await fetch(path, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(session ? { authorization: `Bearer ${session.token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch (err) {
    throw new GochatError('network', err.message)
  }
  const text = await res.text()
  let data
  try {
    data = text ? JSON.parse(text) : undefined
  } catch {
    data = undefined
  }
  if (!res.ok) {
    const err = new GochatError(
      data?.error?.code ?? `http_${res.status}`,
      data?.error?.message ?? `HTTP ${res.status}`,
      res.status,
    )
    if (res.status === 401 && session) signOut(err.message)
    throw err
  }
  return data
}
const enc = encodeURIComponent

// ---- WebSocket -------------------------------------------------------------------------------------------

/** One connection at a time, reconnected with exponential backoff; requests are matched to answers by `ref`. */
class Socket {
  state = 'offline'
  ws = null
  attempt = 0
  timer = null
  nextRef = 0
  waiting = new Map() // ref → { resolve, reject, timer }
  openWaiters = []

  constructor(handlers) {
    this.h = handlers
  }

  start() {
    this.stopped = false
    this.attempt = 0
    this.connect()
  }

  connect() {
    clearTimeout(this.timer)
    this.setState('connecting')
    const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/v1/ws?token=${enc(session.token)}`)
    this.ws = ws
    let opened = false
    ws.onopen = () => {
      opened = true
      this.attempt = 0
      this.setState('online')
      for (const w of this.openWaiters.splice(0)) w(true)
      this.h.onOpen()
    }
    ws.onmessage = (e) => {
      let frame
      try {
        frame = JSON.parse(e.data)
      } catch {
        return
      }
      const w = frame.ref !== undefined && this.waiting.get(frame.ref)
      if (!w) return this.h.onFrame(frame)
      this.waiting.delete(frame.ref)
      clearTimeout(w.timer)
      if (frame.op === 'error') w.reject(new GochatError(frame.code, frame.message))
      else w.resolve(frame)
    }
    ws.onclose = () => {
      if (this.ws !== ws) return
      this.ws = null
      for (const [ref, w] of this.waiting) {
        clearTimeout(w.timer)
        w.reject(new GochatError('network', 'the connection closed'))
        this.waiting.delete(ref)
      }
      if (this.stopped) return this.setState('offline')
      const delay = Math.round(
        Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** this.attempt++) * (0.5 + Math.random() / 2),
      )
      this.setState('offline', `retrying in ${Math.ceil(delay / 1000)} s`)
      this.timer = setTimeout(() => this.connect(), delay)
      // a refused upgrade looks like any other failure from here: ask REST whether the token still holds
      if (!opened) api('GET', '/v1/me').catch(() => {})
    }
  }

  /** Reconnects at once when offline (the browser came back online, or the user asked). */
  nudge() {
    if (!this.stopped && this.state === 'offline') this.connect()
  }

  stop() {
    this.stopped = true
    clearTimeout(this.timer)
    this.ws?.close(1000, 'signed out')
    for (const w of this.openWaiters.splice(0)) w(false)
  }

  get open() {
    return this.ws?.readyState === WebSocket.OPEN
  }

  /** Resolves true once open, false after `ms`. */
  whenOpen(ms) {
    if (this.open) return Promise.resolve(true)
    return new Promise((resolve) => {
      this.openWaiters.push(resolve)
      setTimeout(() => resolve(false), ms)
    })
  }

  /** A frame without an answer (typing); dropped when not connected. */
  notify(frame) {
    if (this.open) this.ws.send(JSON.stringify(frame))
  }

  request(frame) {
    if (!this.open) return Promise.reject(new GochatError('network', 'not connected'))
    const ref = `r${++this.nextRef}`
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(ref)
        reject(new GochatError('timeout', `${frame.op} got no answer`))
      }, REQUEST_TIMEOUT_MS)
      this.waiting.set(ref, { resolve, reject, timer })
      this.ws.send(JSON.stringify({ ...frame, ref }))
    })
  }

  setState(state, detail) {
    this.state = state
    const badge = $('conn-state')
    badge.dataset.state = state
    badge.textContent = detail ? `${state} (${detail})` : state
    // the banner: while a signed-in page has no connection (not during the very first connect)
    if (state === 'online') this.wasOnline = true
    $('offline-banner').hidden =
      state === 'online' || this.stopped || !session || (state === 'connecting' && !this.wasOnline)
  }
}

const sock = new Socket({
  onOpen: () => void onOnline().catch(showError),
  onFrame: (f) => void onFrame(f).catch(showError),
})

// ---- conversations and messages --------------------------------------------------------------------------

function conversation(summary) {
  let c = convs.get(summary.conversationId)
  if (!c) {
    c = {
      id: summary.conversationId,
      lastSeq: 0,
      readSeq: 0,
      msgs: new Map(),
      pending: new Map(),
      loaded: false,
      lowest: 1,
      hasOlder: false,
    }
    convs.set(c.id, c)
  }
  c.kind = summary.kind
  c.name = summary.name
  c.role = summary.role ?? 'member'
  c.announcement = summary.announcement ?? ''
  if (summary.peer) {
    c.peer = { userId: summary.peer.userId, readSeq: Math.max(c.peer?.readSeq ?? 0, summary.peer.readSeq ?? 0) }
    names.set(summary.peer.userId, summary.peer.displayName)
  }
  c.lastSeq = Math.max(c.lastSeq, summary.lastSeq ?? 0)
  c.readSeq = Math.max(c.readSeq, summary.readSeq ?? 0)
  return c
}

let refreshing = null
/** GET /v1/conversations; concurrent callers share one request. */
function refreshConversations() {
  refreshing ??= api('GET', '/v1/conversations')
    .then(({ conversations }) => {
      const seen = new Set(conversations.map((s) => conversation(s).id))
      for (const id of convs.keys()) if (!seen.has(id)) convs.delete(id)
      if (openId && !convs.has(openId)) openConversation(null)
      renderConversations()
    })
    .finally(() => (refreshing = null))
  return refreshing
}

/** Adds messages, de-duplicated by (conversationId, seq); a newer copy (a recall, say) replaces the old one. */
function addMessages(c, messages) {
  for (const m of messages) {
    c.msgs.set(m.seq, m)
    c.lastSeq = Math.max(c.lastSeq, m.seq)
  }
}

/** One page after `afterSeq`: the socket's `sync` when connected, REST otherwise. */
async function fetchPage(id, afterSeq, limit) {
  if (sock.open) {
    try {
      return await sock.request({ op: 'sync', conversationId: id, afterSeq, limit })
    } catch (err) {
      if (!isTransient(err)) throw err
    }
  }
  return api('GET', `/v1/conversations/${enc(id)}/messages?afterSeq=${afterSeq}&limit=${limit}`)
}

/** Fetches every message with afterSeq < seq < beforeSeq, page by page. */
async function syncRange(c, afterSeq, beforeSeq = Infinity) {
  let after = afterSeq
  for (;;) {
    const limit = Number.isFinite(beforeSeq) ? Math.min(PAGE, beforeSeq - 1 - after) : PAGE
    if (limit <= 0) return
    const { messages, hasMore } = await fetchPage(c.id, after, limit)
    addMessages(
      c,
      messages.filter((m) => m.seq < beforeSeq),
    )
    if (!messages.length || !hasMore) return
    after = messages[messages.length - 1].seq
  }
}

/** The newest page, computed from lastSeq since sync reads "after seq". */
async function loadLatest(c) {
  const after = Math.max(0, c.lastSeq - PAGE)
  await syncRange(c, after)
  c.lowest = after + 1
  c.hasOlder = after > 0
  c.loaded = true
}

async function loadOlder() {
  const c = convs.get(openId)
  if (!c?.loaded || !c.hasOlder || c.loadingOlder) return
  c.loadingOlder = true
  const list = $('message-list')
  const fromBottom = list.scrollHeight - list.scrollTop
  try {
    const after = Math.max(0, c.lowest - 1 - PAGE)
    await syncRange(c, after, c.lowest)
    c.lowest = after + 1
    c.hasOlder = after > 0
  } finally {
    c.loadingOlder = false
  }
  if (c.id !== openId) return
  renderMessages()
  list.scrollTop = list.scrollHeight - fromBottom // keep the message that was on screen where it was
}

async function openConversation(id) {
  openId = id
  store.set(KEYS.open, id)
  $('app').classList.toggle('conversation-open', Boolean(id)) // phone width: one pane at a time
  groups.opened(convs.get(id))
  renderConversations()
  renderMessages({ toBottom: true })
  const c = convs.get(id)
  if (!c) return
  if (!c.loaded) {
    await sock.whenOpen(2000) // history comes by `sync` on the socket when it can
    await loadLatest(c)
  }
  if (openId !== id) return
  renderMessages({ toBottom: true })
  if (c.peer) void refreshPresence([c.peer.userId])
  $('composer-input').focus()
  await fillViewport()
}

/** With too few messages to scroll, scrolling up cannot ask for older ones: load them until it can. */
async function fillViewport() {
  const list = $('message-list')
  for (let i = 0; i < 10; i++) {
    const c = convs.get(openId)
    if (!c?.hasOlder || list.scrollHeight > list.clientHeight) return
    await loadOlder()
  }
}

// ---- sending, recalling, reading -------------------------------------------------------------------------

function send(text) {
  const c = convs.get(openId)
  if (!c || !text.trim()) return
  const p = { key: newKey(), content: text, sentAt: Date.now(), state: 'pending' }
  c.pending.set(p.key, p)
  renderMessages({ toBottom: true })
  void deliver(c, p)
}

/** Sends a pending message; the same idempotency key on every try, so a resend never doubles it. */
async function deliver(c, p) {
  p.state = 'pending'
  try {
    const body = { content: p.content, idempotencyKey: p.key }
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
          senderId: session.userId,
          content: p.content,
          sentAt: p.sentAt,
          status: 'normal',
        },
      ])
    }
  } catch (err) {
    if (isTransient(err)) return // stays pending: resent when the socket is back
    p.state = 'failed'
    p.error = err.message
    showError(err)
  } finally {
    if (c.id === openId) renderMessages()
  }
}

async function recall(c, m) {
  try {
    await api('POST', `/v1/conversations/${enc(c.id)}/messages/${enc(m.messageId)}/recall`)
    c.msgs.set(m.seq, { ...m, status: 'recalled', content: '' })
    if (c.id === openId) renderMessages()
  } catch (err) {
    showError(err)
  }
}

/** Marks the open conversation read up to the highest seq shown, while the page is visible. */
function markRead() {
  const c = convs.get(openId)
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

// ---- what the server pushes ------------------------------------------------------------------------------

/** After every (re)connect: the conversation list, then `sync` from the highest seq held, then resends. */
async function onOnline() {
  await resync()
  for (const c of convs.values()) for (const p of c.pending.values()) if (p.state === 'pending') void deliver(c, p)
  void refreshPresence([...convs.values()].flatMap((c) => (c.peer ? [c.peer.userId] : [])))
}

/** The conversation list, then every loaded conversation synced from the highest seq it holds (no gap, no double). */
async function resync() {
  await refreshConversations()
  for (const c of convs.values()) if (c.loaded) await syncRange(c, highestHeld(c))
  renderConversations()
  renderMessages()
}

async function onFrame(frame) {
  if (frame.op === 'message') return onMessage(frame.message)
  if (frame.op === 'event') return onEvent(frame.event)
  if (frame.op === 'error') return showError(new GochatError(frame.code, frame.message))
}

async function onMessage(m) {
  let c = convs.get(m.conversationId)
  if (!c) {
    await refreshConversations() // a conversation someone else started
    c = convs.get(m.conversationId)
    if (!c) return
  }
  typers.get(c.id)?.delete(m.senderId) // they sent what they were typing
  if (c.loaded) {
    const held = highestHeld(c)
    if (m.seq > held + 1) await syncRange(c, held, m.seq) // fill a gap before the new message
    addMessages(c, [m])
  } else {
    c.lastSeq = Math.max(c.lastSeq, m.seq)
  }
  if (m.senderId === session.userId && m.seq > c.readSeq && c.id !== openId) c.readSeq = m.seq // sent from another device
  renderConversations()
  if (c.id === openId) renderMessages()
}

function onEvent(ev) {
  const c = ev.conversation_id ? convs.get(ev.conversation_id) : undefined
  switch (ev.event_type) {
    case 'message.recalled':
    case 'message.deleted': {
      if (!c) return
      const m =
        c.msgs.get(ev.payload?.seq_id) ?? [...c.msgs.values()].find((x) => x.messageId === ev.payload?.message_id)
      if (m)
        c.msgs.set(m.seq, { ...m, status: ev.event_type === 'message.recalled' ? 'recalled' : 'deleted', content: '' })
      break
    }
    case 'message.read': {
      const seq = Number(ev.payload?.seq_id) || 0
      if (c && ev.operator_id === session.userId) c.readSeq = Math.max(c.readSeq, seq)
      else if (c?.peer?.userId === ev.operator_id) c.peer.readSeq = Math.max(c.peer.readSeq, seq) // they read mine
      break
    }
    case 'typing':
      if (!c || ev.operator_id === session.userId) return
      if (!typers.has(c.id)) typers.set(c.id, new Map())
      typers.get(c.id).set(ev.operator_id, Date.now() + TYPING_SHOWN_MS)
      void wantNames([ev.operator_id])
      setTimeout(renderTyping, TYPING_SHOWN_MS + 50)
      return renderTyping()
    case 'user.online':
    case 'user.offline':
      online.set(ev.user_id, ev.event_type === 'user.online')
      break
    case 'user.profile.updated':
      if (typeof ev.payload?.display_name !== 'string') return
      names.set(ev.user_id, ev.payload.display_name)
      if (ev.user_id === session.userId) $('my-name').textContent = ev.payload.display_name
      groups.changed()
      break
    case 'group.announcement.updated': {
      const g = convs.get(ev.payload?.conversation_id)
      if (!g) return
      g.announcement = String(ev.payload.text ?? '')
      groups.changed()
      if (g.id === openId) renderMessages()
      return
    }
    case 'group.invited':
      void refreshConversations().catch(showError)
      break
    case 'group.admin.promoted': // my role may have changed, and the group's roles have
      void refreshConversations().catch(showError)
      groups.membersChanged(ev.conversation_id)
      break
    case 'group.invitation.created':
      void invitations.refresh().catch(showError)
      return
    case 'group.invitation.accepted': // someone I invited joined
      groups.membersChanged(ev.payload?.conversation_id)
      return
    case 'resync': // the server says this connection may have missed frames
      void resync().catch(showError)
      return
    default:
      return // other events (friends) are not shown by this page
  }
  renderConversations()
  if (!c || c.id === openId) renderMessages() // user events may change the open conversation's names or dot
}

// ---- rendering -------------------------------------------------------------------------------------------

const shortId = (id) => (id.length > 12 ? `${id.slice(0, 8)}…` : id)
const nameOf = (userId) => names.get(userId) ?? shortId(userId)
function title(c) {
  if (c.kind === 'direct') return c.peer ? nameOf(c.peer.userId) : 'Direct chat'
  return c.name || 'Group'
}

const asked = new Set() // ids looked up once already: an unknown or failed one is not asked again (no render loop)
/** Looks up the names of users not known yet (message senders in groups, typists), then renders again. */
async function wantNames(ids) {
  const missing = [...new Set(ids)].filter((id) => !names.has(id) && !asked.has(id) && id !== session.userId)
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
async function refreshPresence(ids) {
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
  groups.changed()
}

const dot = (userId) =>
  el('span', {
    class: 'dot',
    'data-testid': 'presence-dot',
    data: { online: String(online.get(userId) === true) },
    title: online.get(userId) ? 'online' : 'offline',
  })

/** "Alice is typing…" for the open conversation; entries expire by themselves. */
function renderTyping() {
  const now = Date.now()
  const here = typers.get(openId)
  for (const [id, until] of here ?? []) if (until <= now) here.delete(id)
  const who = [...(here?.keys() ?? [])].map(nameOf)
  $('typing').textContent =
    who.length === 0
      ? ''
      : who.length === 1
        ? `${who[0]} is typing…`
        : `${who.slice(0, -1).join(', ')} and ${who.at(-1)} are typing…`
}

function renderHead() {
  const c = convs.get(openId)
  $('chat-title').textContent = c ? title(c) : 'Pick a conversation'
  $('chat-id').textContent = c ? c.id : ''
  const head = $('peer-online')
  head.hidden = !c?.peer
  if (c?.peer) head.dataset.online = String(online.get(c.peer.userId) === true)
  const bar = $('announcement-bar')
  bar.hidden = !(c?.kind === 'group' && c.announcement)
  bar.textContent = c?.announcement ? `Announcement: ${c.announcement}` : ''
}

function renderConversations() {
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
          class: c.id === openId ? 'conv open' : 'conv',
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
  const mine = m.senderId === session.userId
  const read = mine && m.status === 'normal' && c.peer && m.seq <= c.peer.readSeq
  const shown = m.status === 'recalled' ? 'message recalled' : m.status === 'deleted' ? 'message deleted' : m.content
  return el(
    'li',
    {
      class: `msg ${mine ? 'mine' : 'theirs'} ${m.status}`,
      'data-testid': 'message',
      data: { seq: String(m.seq), status: m.status, mine: String(mine), messageId: m.messageId },
    },
    el('div', { class: 'content', 'data-testid': 'message-content', text: shown }),
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
    ),
  )
}

function pendingItem(c, p) {
  return el(
    'li',
    { class: `msg mine ${p.state}`, 'data-testid': 'message', data: { status: p.state, mine: 'true' } },
    el('div', { class: 'content', 'data-testid': 'message-content', text: p.content }),
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
            onclick: () => deliver(c, p),
            text: 'retry',
          })
        : '',
    ),
  )
}

function renderMessages({ toBottom = false } = {}) {
  const list = $('message-list')
  const c = convs.get(openId)
  $('composer').hidden = !c
  renderHead()
  renderTyping()
  if (!c) return list.replaceChildren()
  void wantNames([...c.msgs.values()].map((m) => m.senderId))
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40
  const items = [...c.msgs.values()].sort((a, b) => a.seq - b.seq).map((m) => messageItem(c, m))
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
  for (const p of c.pending.values()) items.push(pendingItem(c, p))
  list.replaceChildren(...items)
  if (toBottom || atBottom) list.scrollTop = list.scrollHeight
  markRead()
}

let errorTimer
function showError(err) {
  $('error-text').textContent =
    err instanceof GochatError ? err.message : `Something went wrong: ${err?.message ?? err}`
  $('error').hidden = false
  clearTimeout(errorTimer)
  errorTimer = setTimeout(() => ($('error').hidden = true), 10_000)
}

// ---- signing in and out ----------------------------------------------------------------------------------

async function start(s) {
  session = s
  store.set(KEYS.session, s)
  const me = await api('GET', '/v1/me')
  names.set(me.userId, me.displayName)
  $('my-name').textContent = me.displayName || (me.guest ? 'guest' : (me.username ?? ''))
  $('my-user-id').textContent = me.userId
  $('me').hidden = false
  $('signin').hidden = true
  $('app').hidden = false
  sock.start()
  await Promise.all([refreshConversations(), invitations.refresh()])
  const last = store.get(KEYS.open)
  await openConversation(convs.has(last) ? last : null)
}

function signOut(reason) {
  sock.stop()
  session = null
  store.set(KEYS.session, null)
  store.set(KEYS.open, null)
  convs.clear()
  invitations.clear()
  openId = null
  $('app').classList.remove('conversation-open')
  $('me').hidden = true
  $('app').hidden = true
  $('signin').hidden = false
  sock.setState('offline')
  if (reason) showError(new GochatError('unauthorized', reason))
}

/** Runs a form's action with its submit button disabled; errors go to the banner. */
function onSubmit(testid, action) {
  $(testid).addEventListener('submit', async (e) => {
    e.preventDefault()
    const button = e.submitter
    if (button) button.disabled = true
    try {
      await action(e.target, button)
    } catch (err) {
      showError(err)
    } finally {
      if (button) button.disabled = false
    }
  })
}

/** the sign-in form's "Let anyone find me by name" (people_search=exact finds others by exact username only) */
async function signedIn(s) {
  await start(s)
  if ($('discoverable').checked) await api('PATCH', '/v1/me', { discoverable: true })
}
onSubmit('guest-form', async () =>
  signedIn(await api('POST', '/v1/auth/guest', { displayName: $('display-name').value.trim() || undefined })),
)
onSubmit('account-form', async (_form, button) => {
  const username = $('username').value.trim()
  const password = $('password').value
  const displayName = $('display-name').value.trim() || undefined
  await signedIn(
    await (button?.dataset.action === 'register'
      ? api('POST', '/v1/auth/register', { username, password, displayName })
      : api('POST', '/v1/auth/login', { username, password })),
  )
})
async function startChat(peerUserId) {
  const { conversationId } = await api('POST', '/v1/conversations/direct', { peerUserId })
  await refreshConversations()
  await openConversation(conversationId)
}
onSubmit('direct-form', async () => {
  await startChat($('peer-id').value.trim())
  $('peer-id').value = ''
})
/** GET /v1/users?q=: one page of the people search, their names remembered */
async function searchUsers(q) {
  const { users } = await api('GET', `/v1/users?q=${enc(q)}&limit=20`)
  for (const u of users) names.set(u.userId, u.displayName)
  return users.filter((u) => u.userId !== session.userId)
}
const people = peopleSearch({
  input: $('people-search'),
  results: $('people-results'),
  search: searchUsers,
  onError: showError,
  actions: (u) => [
    el('button', {
      type: 'button',
      'data-testid': 'person-chat',
      text: 'Chat',
      onclick: () => startChat(u.userId).then(() => people.clear(), showError),
    }),
  ],
})
const groups = initGroups({
  api,
  enc,
  searchUsers,
  showError,
  nameOf,
  names,
  online,
  dot,
  refreshPresence,
  session: () => session,
  created: async (conversationId) => {
    await refreshConversations()
    await openConversation(conversationId)
  },
  changed: () => {
    renderConversations()
    renderMessages()
  },
})
const invitations = initInvitations({
  api,
  enc,
  showError,
  joined: async (conversationId) => {
    await refreshConversations()
    await openConversation(conversationId)
  },
})
$('back').addEventListener('click', () => openConversation(null).catch(showError))
$('composer-input').addEventListener('input', () => {
  const c = convs.get(openId)
  if (!c || !$('composer-input').value.trim() || Date.now() - (typingSent.get(c.id) ?? 0) < TYPING_SEND_MS) return
  typingSent.set(c.id, Date.now())
  sock.notify({ op: 'typing', conversationId: c.id })
})
onSubmit('composer', async () => {
  send($('composer-input').value)
  $('composer-input').value = ''
})
$('composer-input').addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
    e.preventDefault()
    $('composer').requestSubmit()
  }
})
$('message-list').addEventListener('scroll', (e) => e.target.scrollTop < 30 && loadOlder().catch(showError))
$('sign-out').addEventListener('click', () => signOut())
$('error-dismiss').addEventListener('click', () => ($('error').hidden = true))
$('copy-user-id').addEventListener('click', async () => {
  const button = $('copy-user-id')
  try {
    await navigator.clipboard.writeText($('my-user-id').textContent)
    button.textContent = 'Copied'
  } catch {
    // no clipboard API outside secure contexts: select the id so that Ctrl+C copies it
    getSelection().selectAllChildren($('my-user-id'))
    button.textContent = 'Selected: press Ctrl+C'
  }
  setTimeout(() => (button.textContent = 'Copy'), 2000)
})
document.addEventListener('visibilitychange', markRead)
window.addEventListener('online', () => sock.nudge())

const saved = store.get(KEYS.session)
if (saved?.token)
  start(saved).catch((err) => {
    showError(err)
    if ($('app').hidden) $('signin').hidden = false
  })
else $('signin').hidden = false
