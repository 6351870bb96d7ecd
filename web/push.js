// What the client library delivers, into the page's state: messages (once each, in seq order per conversation,
// live or caught up after a reconnect or `resync`), the conversation list of each catch-up, and typed events.
import { $ } from './dom.js'
import { applyConversations, refreshConversations } from './conversations.js'
import { inWords, isTransient } from './errors.js'
import { refreshPresence, renderConversations, renderMessages, renderTyping, showError, wantNames } from './render.js'
import { addMessages, isOperation } from './operations.js'
import { pinsChanged } from './pins.js'
import { onOutbox, showOutbox } from './sending.js'
import { convs, names, online, page, state, TYPING_SHOWN_MS, typers } from './state.js'

/** Subscribes the page to a client's events. */
export function listen(chat) {
  chat.on('message', onDelivery)
  chat.on('outbox', onOutbox)
  chat.on('conversations', (list) => {
    applyConversations(list)
    showOutbox()
    rerender()
  })
  chat.on('synced', () => void refreshPresence([...convs.values()].flatMap((c) => (c.peer ? [c.peer.userId] : []))))
  chat.on('recalled', (e) => changeStatus(e, 'recalled'))
  chat.on('deleted', (e) => changeStatus(e, 'deleted'))
  chat.on('read', onRead)
  chat.on('typing', onTyping)
  chat.on('presence', (p) => {
    online.set(p.userId, p.online)
    rerender()
  })
  chat.on('profile', onProfile)
  chat.on('conversation', onConversation)
  chat.on('error', (err) => isTransient(err) || showError(inWords(err)))
}

function rerender(c) {
  renderConversations()
  if (!c || c.id === state.openId) renderMessages() // user events may change the open conversation's names or dot
}

// messages a sync page brings arrive one by one in one go: added together, so that each shows every record of
// the page (operations.js `fetched`)
const synced = new Map() // conversation id → messages of the sync page being delivered
let arriving = Promise.resolve()

function onDelivery({ message: m, source }) {
  if (source === 'sync' && convs.has(m.conversationId)) {
    const batch = synced.get(m.conversationId)
    if (batch) return batch.push(m)
    synced.set(m.conversationId, [m])
    return queueMicrotask(() => {
      const c = convs.get(m.conversationId)
      const ms = synced.get(m.conversationId)
      synced.delete(m.conversationId)
      if (c?.loaded) addMessages(c, ms, true)
      else if (c) c.lastSeq = Math.max(c.lastSeq, ...ms.map((x) => x.seq))
      rerender(c)
    })
  }
  // in delivery order, also when a conversation someone else started must be listed first
  arriving = arriving.then(() => onMessage(m)).catch(showError)
}

async function onMessage(m) {
  let c = convs.get(m.conversationId)
  if (!c) {
    await refreshConversations() // a conversation someone else started
    c = convs.get(m.conversationId)
    if (!c) return
  }
  if (!isOperation(m)) typers.get(c.id)?.delete(m.senderId) // they sent what they were typing (a reaction is not it)
  if (c.loaded)
    addMessages(c, [m]) // an operation record is applied to its target, never shown itself
  else c.lastSeq = Math.max(c.lastSeq, m.seq)
  if (isOperation(m) && (m.kind === 'pin' || m.kind === 'unpin')) pinsChanged(c.id)
  if (m.senderId === state.session.userId && m.seq > c.readSeq && c.id !== state.openId) c.readSeq = m.seq // sent from another device
  rerender(c)
}

function changeStatus(e, status) {
  const c = convs.get(e.conversationId)
  if (!c) return
  const m = c.msgs.get(e.seq) ?? [...c.msgs.values()].find((x) => x.messageId === e.messageId)
  if (m) c.msgs.set(m.seq, { ...m, status, content: '', attachment: undefined })
  rerender(c)
}

function onRead({ conversationId, userId, seq }) {
  const c = convs.get(conversationId)
  if (!c) return
  if (userId === state.session.userId) c.readSeq = Math.max(c.readSeq, seq)
  else if (c.peer?.userId === userId) c.peer.readSeq = Math.max(c.peer.readSeq, seq) // they read mine
  rerender(c)
}

function onTyping({ conversationId, userId }) {
  if (!convs.has(conversationId) || userId === state.session.userId) return
  if (!typers.has(conversationId)) typers.set(conversationId, new Map())
  typers.get(conversationId).set(userId, Date.now() + TYPING_SHOWN_MS)
  void wantNames([userId])
  setTimeout(renderTyping, TYPING_SHOWN_MS + 50)
  renderTyping()
}

function onProfile({ userId, displayName }) {
  names.set(userId, displayName)
  if (userId === state.session.userId) $('my-name').textContent = displayName
  page.groups.changed()
  rerender()
}

function onConversation(e) {
  switch (e.kind) {
    case 'announcement': {
      const g = convs.get(e.conversationId)
      if (!g) return
      g.announcement = e.text
      page.groups.changed()
      if (g.id === state.openId) renderMessages()
      return
    }
    case 'added':
      return void refreshConversations().catch(showError)
    case 'admin.promoted': // my role may have changed, and the group's roles have
      void refreshConversations().catch(showError)
      return page.groups.membersChanged(e.conversationId)
    case 'invited':
      return void page.invitations.refresh().catch(showError)
    case 'invitation.accepted': // someone I invited joined
      return page.groups.membersChanged(e.conversationId)
    default:
      return // declined invitations are not shown by this page
  }
}
