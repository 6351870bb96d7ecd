// Conversations and their messages: the list, the newest page of history on opening and older pages on scroll
// (the client library's `history`: `sync` on the socket, REST otherwise). Catching up after a reconnect is the
// library's (push.js).
import { api } from './api.js'
import { chat } from './chat-client.js'
import { $ } from './dom.js'
import { inWords } from './errors.js'
import { refreshPresence, renderConversations, renderMessages } from './render.js'
import { addMessages } from './operations.js'
import { convs, KEYS, names, PAGE, page, state, store } from './state.js'

export function conversation(summary) {
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
export function refreshConversations() {
  refreshing ??= api('GET', '/v1/conversations')
    .then(({ conversations }) => applyConversations(conversations))
    .finally(() => (refreshing = null))
  return refreshing
}

/** The conversation list as the server gave it: summaries updated, conversations left behind dropped. */
export function applyConversations(list) {
  const seen = new Set(list.map((s) => conversation(s).id))
  for (const id of convs.keys()) if (!seen.has(id)) convs.delete(id)
  if (state.openId && !convs.has(state.openId)) openConversation(null)
  renderConversations()
}

/** One page after `afterSeq` */
export async function fetchPage(id, afterSeq, limit) {
  try {
    return await chat().history(id, afterSeq, limit)
  } catch (err) {
    throw inWords(err)
  }
}

/** Fetches every message with afterSeq < seq < beforeSeq, page by page. */
export async function syncRange(c, afterSeq, beforeSeq = Infinity) {
  let after = afterSeq
  for (;;) {
    const limit = Number.isFinite(beforeSeq) ? Math.min(PAGE, beforeSeq - 1 - after) : PAGE
    if (limit <= 0) return
    const { messages, hasMore } = await fetchPage(c.id, after, limit)
    addMessages(
      c,
      messages.filter((m) => m.seq < beforeSeq),
      true,
    )
    if (!messages.length || !hasMore) return
    after = messages[messages.length - 1].seq
  }
}

/** The newest page, computed from lastSeq since sync reads "after seq". */
export async function loadLatest(c) {
  const after = Math.max(0, c.lastSeq - PAGE)
  await syncRange(c, after)
  c.lowest = after + 1
  c.hasOlder = after > 0
  c.loaded = true
}

export async function loadOlder() {
  const c = convs.get(state.openId)
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
  if (c.id !== state.openId) return
  renderMessages()
  list.scrollTop = list.scrollHeight - fromBottom // keep the message that was on screen where it was
}

export async function openConversation(id) {
  state.openId = id
  state.found = null
  store.set(KEYS.open, id)
  $('app').classList.toggle('conversation-open', Boolean(id)) // phone width: one pane at a time
  page.groups.opened(convs.get(id))
  renderConversations()
  renderMessages({ toBottom: true })
  const c = convs.get(id)
  if (!c) return
  if (!c.loaded) await loadLatest(c)
  if (state.openId !== id) return
  renderMessages({ toBottom: true })
  if (c.peer) void refreshPresence([c.peer.userId])
  $('composer-input').focus()
  await fillViewport()
}

/** With too few messages to scroll, scrolling up cannot ask for older ones: load them until it can. */
export async function fillViewport() {
  const list = $('message-list')
  for (let i = 0; i < 10; i++) {
    const c = convs.get(state.openId)
    if (!c?.hasOlder || list.scrollHeight > list.clientHeight) return
    await loadOlder()
  }
}
