// What the page knows: the session, the conversations and what it learned about people. One place, so that every
// module reads the same state; `page` holds the panels app.js builds (group details, invitations) for the others.

export const PAGE = 50 // messages per sync page
export const KEYS = { session: 'gochat.session', open: 'gochat.open' }
export const TYPING_SEND_MS = 2_000 // the server relays one typing a connection and conversation every 2 s
export const TYPING_SHOWN_MS = 5_000
export const PRESENCE_IDS = 100 // ids per presence or name lookup
/** the server's default message_edit_window_seconds: the page offers "edit" within it (the server has the say) */
export const EDIT_WINDOW_MS = 900_000

export const store = {
  get: (k) => {
    try {
      return JSON.parse(sessionStorage.getItem(k) ?? 'null')
    } catch {
      return null
    }
  },
  set: (k, v) => (v === null ? sessionStorage.removeItem(k) : sessionStorage.setItem(k, JSON.stringify(v))),
}

/** session: { userId, token }, kept in sessionStorage so that two tabs can be two users; openId: the open conversation;
 *  found: the message id a search hit jumped to (highlighted) */
export const state = { session: null, openId: null, found: null }
/** conversationId → { id, kind, name, lastSeq, readSeq, msgs: Map<seq, Message>, pending: Map<key, outbox entry shown>, loaded, lowest, hasOlder } */
export const convs = new Map()
export const names = new Map() // user id → display name: conversation list, member lists, searches, lookups, profile events
export const online = new Map() // user id → online (presence queries and user.online / user.offline events)
export const typers = new Map() // conversation id → Map(user id → when the indicator expires)
export const typingSent = new Map() // conversation id → when this page last sent `typing`
/** what the composer's next send is: a reply to `target`, an edit of it, or (mode null) a new message */
export const draft = { mode: null, target: null }
/** the panels and the sign-out app.js sets up */
export const page = { groups: null, invitations: null, signOut: (_reason) => {} }

export const highestHeld = (c) => Math.max(0, ...c.msgs.keys())
