// Finding people: a search box over GET /v1/users?q= (2+ characters, debounced, the latest query wins) that lists
// the users found with the actions its owner gives each (start a chat, pick for a group, add to a group).
import { el } from './dom.js'

const DEBOUNCE_MS = 250
const MIN_CHARS = 2

/**
 * Wires `input` to `results`. `search(q)` answers users; `actions(user)` answers the buttons of one result;
 * `onError` gets failures. Returns `clear()`.
 */
export function peopleSearch({ input, results, search, actions, onError }) {
  let timer
  let latest = 0
  const clear = () => {
    results.replaceChildren()
    input.value = ''
  }
  const run = async () => {
    const q = input.value.trim()
    const mine = ++latest
    if ([...q].length < MIN_CHARS) return results.replaceChildren()
    try {
      const users = await search(q)
      if (mine !== latest) return // a newer query is on its way
      results.replaceChildren(
        ...(users.length
          ? users.map((u) => item(u, actions(u)))
          : [el('li', { class: 'hint', 'data-testid': 'no-people', text: 'Nobody found.' })]),
      )
    } catch (err) {
      onError(err)
    }
  }
  input.addEventListener('input', () => {
    clearTimeout(timer)
    timer = setTimeout(run, DEBOUNCE_MS)
  })
  return { clear, refresh: run }
}

function item(u, buttons) {
  return el(
    'li',
    { 'data-testid': 'person', data: { userId: u.userId } },
    el('span', { class: 'name', 'data-testid': 'person-name', text: u.displayName, title: u.userId }),
    // the username comes only for a search of exactly it (docs/protocol.md)
    el('span', { class: 'sub', text: u.username ? `@${u.username}` : '' }),
    ...buttons,
  )
}
