// The gochat web page: a small reference client of docs/protocol.md (REST + WebSocket), plain ES modules. This file
// signs in and out and wires the page's controls; the rest is by concern: state.js (what the page knows), chat-client.js
// (the client library: session, socket, catch-up, outbox), api.js (REST in words), conversations.js (history),
// operations.js (edit, reaction and pin records applied to their targets), sending.js, push.js (what the library
// delivers), render.js, message-actions.js (reply,
// edit, react, pin), mentions.js (@-autocomplete), attachments.js (upload, previews, voice), and the panels group.js, invitations.js, pins.js, people.js and search.js (history search).
import { api, enc } from './api.js'
import { loadOlder, openConversation, refreshConversations } from './conversations.js'
import { initAttachments } from './attachments.js'
import { $, el } from './dom.js'
import { GochatError, inWords } from './errors.js'
import { initGroups } from './group.js'
import { initInvitations } from './invitations.js'
import { peopleSearch } from './people.js'
import { dot, nameOf, refreshPresence, renderConversations, renderMessages, showError } from './render.js'
import { setDraft, submitComposer } from './message-actions.js'
import { mentionKey, suggest } from './mentions.js'
import { togglePins } from './pins.js'
import { initSearch } from './search.js'
import { markRead, showOutbox } from './sending.js'
import { chat, closeClient, newClient } from './chat-client.js'
import { convs, KEYS, names, online, page, state, store, TYPING_SEND_MS, typingSent } from './state.js'

/** Every token the client gets (sign-in, renewal) is kept for a reload; none (expired, signed out) signs out. */
function sessionChanged(s) {
  if (!s) return state.session && signOut('Your session has ended.')
  state.session = s
  store.set(KEYS.session, s)
}

async function start(s) {
  if (!chat()?.session) newClient(s, sessionChanged)
  state.session = chat().session
  store.set(KEYS.session, state.session)
  void chat()
    .connect()
    .catch((err) => showError(inWords(err)))
  const me = await api('GET', '/v1/me')
  names.set(me.userId, me.displayName)
  $('my-name').textContent = me.displayName || (me.guest ? 'guest' : (me.username ?? ''))
  $('my-user-id').textContent = me.userId
  $('me').hidden = false
  $('signin').hidden = true
  $('app').hidden = false
  await Promise.all([refreshConversations(), page.invitations.refresh()])
  showOutbox() // what was written offline before a reload, still pending
  const last = store.get(KEYS.open)
  await openConversation(convs.has(last) ? last : null)
}

page.signOut = signOut
function signOut(reason) {
  state.session = null
  closeClient()
  store.set(KEYS.session, null)
  store.set(KEYS.open, null)
  convs.clear()
  page.invitations.clear()
  state.openId = null
  $('app').classList.remove('conversation-open')
  $('me').hidden = true
  $('app').hidden = true
  $('signin').hidden = false
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
/** Signs in with a new client (the library keeps a password in memory to renew the token); errors in words. */
async function signInWith(how) {
  const c = newClient(null, sessionChanged)
  try {
    await how(c)
  } catch (err) {
    throw inWords(err)
  }
  await signedIn(c.session)
}
onSubmit('guest-form', () => signInWith((c) => c.signInAsGuest($('display-name').value.trim() || undefined)))
onSubmit('account-form', async (_form, button) => {
  const username = $('username').value.trim()
  const password = $('password').value
  const displayName = $('display-name').value.trim() || undefined
  await signInWith((c) =>
    button?.dataset.action === 'register'
      ? c.register({ username, password, displayName })
      : c.signIn(username, password),
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
  return users.filter((u) => u.userId !== state.session.userId)
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
page.groups = initGroups({
  api,
  enc,
  searchUsers,
  showError,
  nameOf,
  names,
  online,
  dot,
  refreshPresence,
  session: () => state.session,
  created: async (conversationId) => {
    await refreshConversations()
    await openConversation(conversationId)
  },
  changed: () => {
    renderConversations()
    renderMessages()
  },
})
page.invitations = initInvitations({
  api,
  enc,
  showError,
  joined: async (conversationId) => {
    await refreshConversations()
    await openConversation(conversationId)
  },
})
initAttachments()
$('back').addEventListener('click', () => openConversation(null).catch(showError))
$('composer-input').addEventListener('input', () => {
  const c = convs.get(state.openId)
  if (!c || !$('composer-input').value.trim() || Date.now() - (typingSent.get(c.id) ?? 0) < TYPING_SEND_MS) return
  typingSent.set(c.id, Date.now())
  chat()?.typing(c.id)
})
$('composer-input').addEventListener('input', () => void suggest().catch(showError))
onSubmit('composer', async () => {
  const text = $('composer-input').value
  $('composer-input').value = ''
  await submitComposer(text)
})
$('composer-mode-cancel').addEventListener('click', () => {
  if ($('composer-mode').dataset.mode === 'edit') $('composer-input').value = ''
  setDraft(null, null)
})
$('show-pins').addEventListener('click', togglePins)
initSearch()
$('composer-input').addEventListener('keydown', (e) => {
  if (mentionKey(e)) return
  if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
    e.preventDefault()
    $('composer').requestSubmit()
  }
})
$('message-list').addEventListener('scroll', (e) => e.target.scrollTop < 30 && loadOlder().catch(showError))
$('sign-out').addEventListener('click', () => {
  const c = chat()
  signOut()
  c?.logout().catch(() => {}) // revokes the token; the page is signed out whatever the server says
})
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
// the browser knows before a silent socket times out (35 s): drop it now, reconnect as soon as the network is back
window.addEventListener('offline', () => chat()?.dropConnection())
window.addEventListener('online', () => chat()?.reconnectNow())

const saved = store.get(KEYS.session)
if (saved?.token)
  start(saved).catch((err) => {
    showError(err)
    if ($('app').hidden) $('signin').hidden = false
  })
else $('signin').hidden = false
