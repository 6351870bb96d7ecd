// Mentions: "@" in the composer lists the open conversation's members by name (and @all for a group's admins); a
// pick writes "@Name" and remembers whom it names, and a send mentions those whose "@Name" is still in the text.
// Shown messages mark the names they mention (as text nodes and spans: user data never becomes HTML).
import { api, enc } from './api.js'
import { $, el } from './dom.js'
import { isTransient } from './errors.js'
import { nameOf, showError } from './render.js'
import { convs, names, state } from './state.js'

const MENTION_ALL = '@all'
const MEMBERS_PAGE = 500
const MEMBERS_FRESH_MS = 30_000
const SHOWN = 8 // suggestions at most
const QUERY = /(^|\s)@([^\s@]{0,40})$/u

const picks = new Map() // user id (or @all) → the "@Name" written for it
const members = new Map() // conversation id → { at, ids }
let options = [] // the suggestions shown: { id, label }
let active = 0

/** The members of a conversation but me: a direct chat's peer, a group's members (cached for a while). */
async function membersOf(c) {
  if (c.kind === 'direct') return c.peer ? [c.peer.userId] : []
  const held = members.get(c.id)
  if (held && Date.now() - held.at < MEMBERS_FRESH_MS) return held.ids
  const res = await api('GET', `/v1/conversations/${enc(c.id)}/members?limit=${MEMBERS_PAGE}`)
  for (const m of res.members) names.set(m.userId, m.displayName)
  const ids = res.members.map((m) => m.userId).filter((id) => id !== state.session.userId)
  members.set(c.id, { at: Date.now(), ids })
  return ids
}

const input = () => $('composer-input')
const query = () => {
  const i = input()
  return QUERY.exec(i.value.slice(0, i.selectionStart ?? i.value.length))?.[2]
}

function close() {
  options = []
  $('mention-list').hidden = true
}

function renderOptions() {
  const list = $('mention-list')
  list.replaceChildren(
    ...options.map((o, i) =>
      el('li', {
        class: i === active ? 'active' : '',
        role: 'option',
        'data-testid': 'mention-option',
        data: { userId: o.id },
        text: o.label,
        onmousedown: (e) => {
          e.preventDefault() // keep the caret in the composer
          pick(o)
        },
      }),
    ),
  )
  list.hidden = options.length === 0
}

/** After each keystroke in the composer: suggestions for the "@…" before the caret, or none. */
export async function suggest() {
  const q = query()
  const c = convs.get(state.openId)
  if (q === undefined || !c) return close()
  let ids
  try {
    ids = await membersOf(c)
  } catch (err) {
    if (!isTransient(err)) showError(err)
    return close()
  }
  if (query() !== q) return // typed on meanwhile: that keystroke suggests
  const low = q.toLowerCase()
  const starts = (label) =>
    label
      .toLowerCase()
      .split(/\s+/)
      .some((w) => w.startsWith(low)) || label.toLowerCase().startsWith(low)
  options = ids
    .map((id) => ({ id, label: nameOf(id) }))
    .filter((o) => starts(o.label))
    .sort((a, b) => a.label.localeCompare(b.label))
    .slice(0, SHOWN)
  if (c.kind === 'group' && c.role === 'admin' && MENTION_ALL.slice(1).startsWith(low))
    options.push({ id: MENTION_ALL, label: 'all' })
  active = 0
  renderOptions()
}

function pick(o) {
  const i = input()
  const caret = i.selectionStart ?? i.value.length
  const before = i.value.slice(0, caret).replace(QUERY, (_, space) => `${space}@${o.label} `)
  i.value = before + i.value.slice(caret)
  i.setSelectionRange(before.length, before.length)
  picks.set(o.id, `@${o.label}`)
  close()
  i.focus()
}

/** Composer keys while suggestions show: arrows move, Enter and Tab pick, Escape closes. True when it took the key. */
export function mentionKey(e) {
  if (!options.length) return false
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    active = (active + (e.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length
    renderOptions()
  } else if (e.key === 'Enter' || e.key === 'Tab') pick(options[active])
  else if (e.key === 'Escape') close()
  else return false
  e.preventDefault()
  return true
}

/** The mentions of `text`: the picks whose "@Name" it still holds. */
export const mentionsIn = (text) => [...picks].filter(([, written]) => text.includes(written)).map(([id]) => id)

/** Forgets the picks (after a send, or on another conversation). */
export function clearMentions(prefill = []) {
  picks.clear()
  for (const id of prefill) picks.set(id, id === MENTION_ALL ? MENTION_ALL : `@${nameOf(id)}`)
  close()
}

/** Whether a message mentions me (by id, or @all). */
export const mentionsMe = (m) => (m.mentions ?? []).some((id) => id === MENTION_ALL || id === state.session.userId)

/** The content as text nodes, with each "@Name" it mentions in a span of its own. */
export function contentNodes(m) {
  const tokens = (m.mentions ?? []).map((id) => (id === MENTION_ALL ? MENTION_ALL : `@${nameOf(id)}`))
  const out = []
  let rest = m.content
  for (;;) {
    let at = -1
    let token = ''
    for (const t of tokens) {
      const i = rest.indexOf(t)
      if (i >= 0 && (at < 0 || i < at || (i === at && t.length > token.length))) [at, token] = [i, t]
    }
    if (at < 0) break
    if (at > 0) out.push(rest.slice(0, at))
    out.push(el('span', { class: 'mention', 'data-testid': 'mention', text: token }))
    rest = rest.slice(at + token.length)
  }
  if (rest) out.push(rest)
  return out
}
