// The gochat web page: a small reference client of docs/protocol.md (REST + WebSocket), plain ES modules.
// User data only ever reaches the page as textContent, never as HTML.

const PAGE = 50 // messages per sync page
const REQUEST_TIMEOUT_MS = 10_000
const BACKOFF_MIN_MS = 500
const BACKOFF_MAX_MS = 15_000
const SOCKET_CONTENT_BYTES = 32 * 1024 // larger messages go by REST (the frame limit is 64 KiB by default)
const KEYS = { session: 'gochat.session', open: 'gochat.open', peers: 'gochat.peers' }

// ---- errors in words -------------------------------------------------------------------------------------

const WORDS = {
  unauthorized: 'You are not signed in, or your session has expired.',
  invalid_credentials: 'Wrong username or password.',
  username_taken: 'That username is already taken.',
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
const STATUS_WORDS = { 400: WORDS.bad_request, 401: WORDS.unauthorized, 403: WORDS.forbidden, 404: WORDS.not_found, 409: WORDS.conflict, 413: WORDS.too_large, 429: WORDS.rate_limited }

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

const $ = (testid) => document.querySelector(`[data-testid="${testid}"]`)

/** Builds an element; `text` sets textContent, `on*` adds listeners, `data` sets data-* attributes. */
function el(tag, props = {}, ...children) {
  const e = document.createElement(tag)
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === false) continue
    if (k === 'text') e.textContent = v
    else if (k === 'data') Object.assign(e.dataset, v)
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v)
    else e.setAttribute(k, v === true ? '' : v)
  }
  e.append(...children)
  return e
}

/** A random idempotency key; crypto.randomUUID exists only in secure contexts, getRandomValues everywhere. */
const newKey = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('')
const store = {
  get: (k) => { try { return JSON.parse(sessionStorage.getItem(k) ?? 'null') } catch { return null } },
  set: (k, v) => (v === null ? sessionStorage.removeItem(k) : sessionStorage.setItem(k, JSON.stringify(v))),
}

// ---- state -----------------------------------------------------------------------------------------------

let session = null // { userId, token }, kept in sessionStorage so that two tabs can be two users
/** conversationId → { id, kind, name, lastSeq, readSeq, msgs: Map<seq, Message>, pending: Map<key, Pending>, loaded, lowest, hasOlder } */
const convs = new Map()
let openId = null
const peers = store.get(KEYS.peers) ?? {} // direct conversation id → the other user's id (titles only)

const highestHeld = (c) => Math.max(0, ...c.msgs.keys())

// ---- REST ------------------------------------------------------------------------------------------------

async function api(method, path, body) {
  let res
  try {
    res = await fetch(path, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(session ? { authorization: `Bearer ${session.token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch (err) {
    throw new GochatError('network', err.message)
  }
  const text = await res.text()
  let data
  try { data = text ? JSON.parse(text) : undefined } catch { data = undefined }
  if (!res.ok) {
    const err = new GochatError(data?.error?.code ?? `http_${res.status}`, data?.error?.message ?? `HTTP ${res.status}`, res.status)
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

  constructor(handlers) { this.h = handlers }

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
      try { frame = JSON.parse(e.data) } catch { return }
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
      for (const [ref, w] of this.waiting) { clearTimeout(w.timer); w.reject(new GochatError('network', 'the connection closed')); this.waiting.delete(ref) }
      if (this.stopped) return this.setState('offline')
      const delay = Math.round(Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** this.attempt++) * (0.5 + Math.random() / 2))
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

  get open() { return this.ws?.readyState === WebSocket.OPEN }

  /** Resolves true once open, false after `ms`. */
  whenOpen(ms) {
    if (this.open) return Promise.resolve(true)
    return new Promise((resolve) => {
      this.openWaiters.push(resolve)
      setTimeout(() => resolve(false), ms)
    })
  }

  request(frame) {
    if (!this.open) return Promise.reject(new GochatError('network', 'not connected'))
    const ref = `r${++this.nextRef}`
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { this.waiting.delete(ref); reject(new GochatError('timeout', `${frame.op} got no answer`)) }, REQUEST_TIMEOUT_MS)
      this.waiting.set(ref, { resolve, reject, timer })
      this.ws.send(JSON.stringify({ ...frame, ref }))
    })
  }

  setState(state, detail) {
    this.state = state
    const badge = $('conn-state')
    badge.dataset.state = state
    badge.textContent = detail ? `${state} (${detail})` : state
  }
}

const sock = new Socket({ onOpen: () => void onOnline().catch(showError), onFrame: (f) => void onFrame(f).catch(showError) })

// ---- conversations and messages --------------------------------------------------------------------------

function conversation(summary) {
  let c = convs.get(summary.conversationId)
  if (!c) {
    c = { id: summary.conversationId, lastSeq: 0, readSeq: 0, msgs: new Map(), pending: new Map(), loaded: false, lowest: 1, hasOlder: false }
    convs.set(c.id, c)
  }
  c.kind = summary.kind
  c.name = summary.name
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
    if (c.kind === 'direct' && !peers[c.id] && m.senderId !== session.userId) rememberPeer(c.id, m.senderId)
  }
}

function rememberPeer(conversationId, userId) {
  peers[conversationId] = userId
  store.set(KEYS.peers, peers)
}

/** One page after `afterSeq`: the socket's `sync` when connected, REST otherwise. */
async function fetchPage(id, afterSeq, limit) {
  if (sock.open) {
    try { return await sock.request({ op: 'sync', conversationId: id, afterSeq, limit }) } catch (err) { if (!isTransient(err)) throw err }
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
    addMessages(c, messages.filter((m) => m.seq < beforeSeq))
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
    const ack = sock.open && new Blob([p.content]).size < SOCKET_CONTENT_BYTES
      ? await sock.request({ op: 'send', conversationId: c.id, ...body })
      : await api('POST', `/v1/conversations/${enc(c.id)}/messages`, body)
    c.pending.delete(p.key)
    if (!c.msgs.has(ack.seq)) {
      addMessages(c, [{ messageId: ack.messageId, conversationId: c.id, seq: ack.seq, senderId: session.userId, content: p.content, sentAt: p.sentAt, status: 'normal' }])
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
  const done = sock.open ? sock.request({ op: 'read', conversationId: c.id, seq: top }) : api('POST', `/v1/conversations/${enc(c.id)}/read`, { seq: top })
  done.catch((err) => isTransient(err) || showError(err))
}

// ---- what the server pushes ------------------------------------------------------------------------------

/** After every (re)connect: the conversation list, then `sync` from the highest seq held, then resends. */
async function onOnline() {
  await refreshConversations()
  for (const c of convs.values()) if (c.loaded) await syncRange(c, highestHeld(c))
  for (const c of convs.values()) for (const p of c.pending.values()) if (p.state === 'pending') void deliver(c, p)
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
  if (c.kind === 'direct' && !peers[c.id] && m.senderId !== session.userId) rememberPeer(c.id, m.senderId)
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
      const m = c.msgs.get(ev.payload?.seq_id) ?? [...c.msgs.values()].find((x) => x.messageId === ev.payload?.message_id)
      if (m) c.msgs.set(m.seq, { ...m, status: ev.event_type === 'message.recalled' ? 'recalled' : 'deleted', content: '' })
      break
    }
    case 'message.read':
      if (c && ev.operator_id === session.userId) c.readSeq = Math.max(c.readSeq, Number(ev.payload?.seq_id) || 0)
      break
    case 'group.invited':
      void refreshConversations().catch(showError)
      break
    default:
      return // other events (presence, friends, profiles) are not shown by this page
  }
  renderConversations()
  if (c && c.id === openId) renderMessages()
}

// ---- rendering -------------------------------------------------------------------------------------------

const shortId = (id) => (id.length > 12 ? `${id.slice(0, 8)}…` : id)
function title(c) {
  if (c.name) return c.name
  if (c.kind === 'direct') return peers[c.id] ? `Chat with ${peers[c.id]}` : 'Direct chat'
  return 'Group'
}

function renderConversations() {
  const list = $('conversation-list')
  const items = [...convs.values()].map((c) => {
    const unread = Math.max(0, c.lastSeq - c.readSeq)
    return el('li', {},
      el('button', { type: 'button', class: c.id === openId ? 'conv open' : 'conv', 'data-testid': 'conversation', data: { conversationId: c.id, unread: String(unread) }, onclick: () => openConversation(c.id).catch(showError) },
        el('span', { class: 'conv-title', 'data-testid': 'conversation-title', text: title(c) }),
        el('span', { class: 'conv-kind', text: c.kind }),
        el('span', { class: 'badge', 'data-testid': 'unread', hidden: unread === 0, text: String(unread) })))
  })
  list.replaceChildren(...items)
  $('no-conversations').hidden = items.length > 0
  const total = [...convs.values()].reduce((n, c) => n + Math.max(0, c.lastSeq - c.readSeq), 0)
  document.title = total ? `(${total}) gochat` : 'gochat'
}

const time = (ms) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })

function messageItem(c, m) {
  const mine = m.senderId === session.userId
  const shown = m.status === 'recalled' ? 'message recalled' : m.status === 'deleted' ? 'message deleted' : m.content
  return el('li', { class: `msg ${mine ? 'mine' : 'theirs'} ${m.status}`, 'data-testid': 'message', data: { seq: String(m.seq), status: m.status, mine: String(mine), messageId: m.messageId } },
    el('div', { class: 'content', 'data-testid': 'message-content', text: shown }),
    el('div', { class: 'meta', 'data-testid': 'message-meta' },
      el('span', { text: mine ? 'you' : shortId(m.senderId), title: m.senderId }),
      el('span', { text: time(m.sentAt) }),
      el('span', { 'data-testid': 'message-seq', text: `#${m.seq}` }),
      mine && m.status === 'normal' ? el('button', { type: 'button', class: 'link', 'data-testid': 'recall', onclick: () => recall(c, m), text: 'recall' }) : ''))
}

function pendingItem(c, p) {
  return el('li', { class: `msg mine ${p.state}`, 'data-testid': 'message', data: { status: p.state, mine: 'true' } },
    el('div', { class: 'content', 'data-testid': 'message-content', text: p.content }),
    el('div', { class: 'meta', 'data-testid': 'message-meta' },
      el('span', { text: 'you' }),
      el('span', { text: p.state === 'failed' ? `not sent: ${p.error}` : 'sending…' }),
      p.state === 'failed' ? el('button', { type: 'button', class: 'link', 'data-testid': 'retry', onclick: () => deliver(c, p), text: 'retry' }) : ''))
}

function renderMessages({ toBottom = false } = {}) {
  const list = $('message-list')
  const c = convs.get(openId)
  $('composer').hidden = !c
  $('chat-title').textContent = c ? title(c) : 'Pick a conversation'
  $('chat-id').textContent = c ? c.id : ''
  if (!c) return list.replaceChildren()
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40
  const items = [...c.msgs.values()].sort((a, b) => a.seq - b.seq).map((m) => messageItem(c, m))
  if (c.hasOlder) items.unshift(el('li', { class: 'older' }, el('button', { type: 'button', class: 'link', 'data-testid': 'load-older', onclick: () => loadOlder().catch(showError), text: 'load older messages' })))
  else if (c.loaded) items.unshift(el('li', { class: 'older hint', text: 'start of the conversation' }))
  for (const p of c.pending.values()) items.push(pendingItem(c, p))
  list.replaceChildren(...items)
  if (toBottom || atBottom) list.scrollTop = list.scrollHeight
  markRead()
}

let errorTimer
function showError(err) {
  $('error-text').textContent = err instanceof GochatError ? err.message : `Something went wrong: ${err?.message ?? err}`
  $('error').hidden = false
  clearTimeout(errorTimer)
  errorTimer = setTimeout(() => ($('error').hidden = true), 10_000)
}

// ---- signing in and out ----------------------------------------------------------------------------------

async function start(s) {
  session = s
  store.set(KEYS.session, s)
  const me = await api('GET', '/v1/me')
  $('my-name').textContent = me.displayName || (me.guest ? 'guest' : me.username ?? '')
  $('my-user-id').textContent = me.userId
  $('me').hidden = false
  $('signin').hidden = true
  $('app').hidden = false
  sock.start()
  await refreshConversations()
  const last = store.get(KEYS.open)
  await openConversation(convs.has(last) ? last : null)
}

function signOut(reason) {
  sock.stop()
  session = null
  store.set(KEYS.session, null)
  store.set(KEYS.open, null)
  convs.clear()
  openId = null
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
    try { await action(e.target, button) } catch (err) { showError(err) } finally { if (button) button.disabled = false }
  })
}

onSubmit('guest-form', async () => start(await api('POST', '/v1/auth/guest', { displayName: $('display-name').value.trim() || undefined })))
onSubmit('account-form', async (_form, button) => {
  const username = $('username').value.trim()
  const password = $('password').value
  const displayName = $('display-name').value.trim() || undefined
  await start(await (button?.dataset.action === 'register'
    ? api('POST', '/v1/auth/register', { username, password, displayName })
    : api('POST', '/v1/auth/login', { username, password })))
})
onSubmit('direct-form', async () => {
  const peerUserId = $('peer-id').value.trim()
  const { conversationId } = await api('POST', '/v1/conversations/direct', { peerUserId })
  rememberPeer(conversationId, peerUserId)
  $('peer-id').value = ''
  await refreshConversations()
  await openConversation(conversationId)
})
onSubmit('group-form', async () => {
  const memberIds = $('group-members').value.split(/[\s,]+/).filter(Boolean)
  const { conversationId } = await api('POST', '/v1/groups', { name: $('group-name').value.trim(), memberIds })
  $('group-name').value = ''
  $('group-members').value = ''
  await refreshConversations()
  await openConversation(conversationId)
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
if (saved?.token) start(saved).catch((err) => { showError(err); if ($('app').hidden) $('signin').hidden = false })
else $('signin').hidden = false
