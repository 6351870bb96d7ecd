// History search: a box over GET /v1/search (Enter searches) listing hits with their snippet, the words found marked;
// a hit opens its conversation, loads older history until the message is there, scrolls to it and highlights it.
import { api, enc } from './api.js'
import { loadOlder, openConversation } from './conversations.js'
import { $, el } from './dom.js'
import { nameOf, renderMessages, showError, title } from './render.js'
import { convs, state } from './state.js'

let latest = 0

/** the snippet as text and <mark> nodes (textContent only: no user text becomes HTML) */
function marked(snippet, highlights) {
  const out = []
  let at = 0
  for (const [start, end] of highlights) {
    out.push(snippet.slice(at, start), el('mark', { text: snippet.slice(start, end) }))
    at = end
  }
  out.push(snippet.slice(at))
  return out
}

async function run(q, cursor) {
  const mine = ++latest
  const list = $('search-hits')
  if (!q) return list.replaceChildren()
  let res
  try {
    res = await api('GET', `/v1/search?q=${enc(q)}&limit=20${cursor ? `&cursor=${enc(cursor)}` : ''}`)
  } catch (err) {
    return showError(err)
  }
  if (mine !== latest) return // a newer search is on its way
  const items = res.hits.map(({ message: m, snippet, highlights }) => {
    const c = convs.get(m.conversationId)
    return el(
      'li',
      {
        'data-testid': 'search-hit',
        data: { conversationId: m.conversationId, seq: String(m.seq) },
        onclick: () => jumpTo(m).catch(showError),
      },
      el('span', { class: 'where', text: `${c ? title(c) : 'conversation'} · ${nameOf(m.senderId)}` }),
      el('span', { class: 'snippet', 'data-testid': 'search-snippet' }, ...marked(snippet, highlights)),
    )
  })
  if (!cursor) list.replaceChildren()
  list.querySelector('[data-testid="search-more"]')?.remove()
  list.append(...items)
  if (!cursor && !items.length)
    list.append(el('li', { class: 'hint', 'data-testid': 'no-hits', text: 'No messages found.' }))
  if (res.next)
    list.append(
      el(
        'li',
        { 'data-testid': 'search-more' },
        el('button', { type: 'button', class: 'link', text: 'more', onclick: () => run(q, res.next) }),
      ),
    )
}

/** opens the hit's conversation, loads history back to it, scrolls to it and marks it */
export async function jumpTo(m) {
  if (state.openId !== m.conversationId) await openConversation(m.conversationId)
  const c = convs.get(m.conversationId)
  if (!c) return
  while (c.lowest > m.seq && c.hasOlder && state.openId === c.id) await loadOlder()
  state.found = m.messageId
  renderMessages()
  const item = $('message-list').querySelector(`[data-message-id="${CSS.escape(m.messageId)}"]`)
  item?.scrollIntoView({ block: 'center' })
}

export function initSearch() {
  $('message-search-form').addEventListener('submit', (e) => {
    e.preventDefault()
    void run($('message-search').value.trim())
  })
  $('message-search').addEventListener('input', (e) => {
    if (!e.target.value.trim()) void run('')
  })
}
