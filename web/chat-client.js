// The page's one client of the protocol: gochat/client (the library, served at /client.js; docs/client.md). It
// signs in, keeps the token, holds the socket (reconnected with backoff), catches up after every (re)connect and
// `resync`, delivers each message once and in order, and queues sends in its outbox (IndexedDB: what was written
// offline is sent after a reload too). This file makes one per sign-in and shows its connection state; push.js
// and sending.js turn its events into the page's state.
import { GochatClient } from '/client.js'
import { $ } from './dom.js'
import { listen } from './push.js'
import { PAGE, state } from './state.js'

let current = null
let wasOnline = false

/** the signed-in client (null while signed out) */
export const chat = () => current

/** A client for the session, or for signing in with (`session` null); `onSession` gets every new token or null. */
export function newClient(session, onSession) {
  current?.close()
  wasOnline = false
  // `backfill`: a conversation the page holds nothing of catches up on its newest page only (older ones on scroll)
  const c = new GochatClient({ backfill: PAGE })
  current = c
  c.on('session', (s) => c === current && onSession(s))
  c.on('state', (s) => c === current && showState(s.state, s.retryInMs))
  listen(c)
  if (session) c.useSession(session)
  return c
}

/** Closes the client (its outbox keeps what is pending for the next sign-in of the same user). */
export function closeClient() {
  current?.close()
  current = null
  showState('offline')
}

function showState(to, retryInMs) {
  const shown = to === 'closed' || to === 'idle' ? 'offline' : to
  const badge = $('conn-state')
  badge.dataset.state = shown
  badge.textContent = retryInMs !== undefined ? `${shown} (retrying in ${Math.ceil(retryInMs / 1000)} s)` : shown
  if (to === 'online') wasOnline = true
  // the banner: while a signed-in page has no connection (not during the very first connect)
  $('offline-banner').hidden =
    to === 'online' || !current || !state.session || to === 'closed' || (to === 'connecting' && !wasOnline)
}
