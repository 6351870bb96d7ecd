// REST through the client's session (a fresh token); errors in the page's words, and a 401 signs the page out.
import { chat } from './chat-client.js'
import { GochatError, inWords } from './errors.js'
import { page, state } from './state.js'

export async function api(method, path, body) {
  const c = chat()
  if (!c?.session) throw new GochatError('unauthorized', 'not signed in')
  try {
    return await c.api(method, path, body)
  } catch (err) {
    const e = inWords(err)
    if (e.status === 401 && state.session) page.signOut(e.message)
    throw e
  }
}
export const enc = encodeURIComponent
