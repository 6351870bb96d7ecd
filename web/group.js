// Groups on the page: creating one by picking people, and the panel of an open group (its announcement, which
// admins edit, and its members with presence, which admins add to, remove, mute for an hour and ban).
import { $, el } from './dom.js'
import { peopleSearch } from './people.js'

const MEMBERS_PAGE = 500

export function initGroups(app) {
  const { api, enc, showError } = app
  const picked = new Map() // user id → name, for the group being created
  let shown = null // the open group conversation
  let members = [] // its members, as GET …/members answered

  // ---- creating a group ----
  const renderPicked = () =>
    $('group-picked').replaceChildren(
      ...[...picked].map(([id, name]) =>
        el(
          'li',
          { 'data-testid': 'picked', data: { userId: id } },
          name,
          el('button', {
            type: 'button',
            'aria-label': `remove ${name}`,
            text: '×',
            onclick: () => {
              picked.delete(id)
              renderPicked()
            },
          }),
        ),
      ),
    )
  const pick = peopleSearch({
    input: $('group-search'),
    results: $('group-search-results'),
    search: app.searchUsers,
    onError: showError,
    actions: (u) => [
      el('button', {
        type: 'button',
        'data-testid': 'person-pick',
        text: 'Add',
        onclick: () => {
          picked.set(u.userId, u.displayName)
          renderPicked()
          pick.clear()
        },
      }),
    ],
  })
  $('group-form').addEventListener('submit', async (e) => {
    e.preventDefault()
    const button = e.submitter
    if (button) button.disabled = true
    try {
      const { conversationId } = await api('POST', '/v1/groups', {
        name: $('group-name').value.trim(),
        memberIds: [...picked.keys()],
      })
      $('group-name').value = ''
      picked.clear()
      renderPicked()
      $('new-group').open = false
      await app.created(conversationId)
    } catch (err) {
      showError(err)
    } finally {
      if (button) button.disabled = false
    }
  })

  // ---- the open group's panel ----
  const isAdmin = () => shown?.role === 'admin'
  const add = peopleSearch({
    input: $('add-member-search'),
    results: $('add-member-results'),
    search: app.searchUsers,
    onError: showError,
    actions: (u) =>
      members.some((m) => m.userId === u.userId)
        ? [el('span', { class: 'sub', text: 'member' })]
        : [
            el('button', {
              type: 'button',
              'data-testid': 'person-add',
              text: 'Add',
              onclick: () => addMember(u.userId),
            }),
          ],
  })

  async function loadMembers() {
    if (!shown) return
    const id = shown.id
    const res = await api('GET', `/v1/conversations/${enc(id)}/members?limit=${MEMBERS_PAGE}`)
    if (shown?.id !== id) return
    members = res.members
    for (const m of members) app.names.set(m.userId, m.displayName)
    render()
    void app.refreshPresence(members.map((m) => m.userId))
  }

  async function addMember(userId) {
    try {
      const { invited } = await api('POST', `/v1/groups/${enc(shown.id)}/members`, { userIds: [userId] })
      add.clear()
      // someone who shares no conversation with you is invited, and joins once they accept
      $('add-member-note').textContent = invited.length ? `${app.nameOf(userId)} is invited and joins on accepting` : ''
      $('add-member-note').hidden = !invited.length
      await loadMembers()
    } catch (err) {
      showError(err)
    }
  }

  async function removeMember(userId) {
    try {
      await api('DELETE', `/v1/groups/${enc(shown.id)}/members/${enc(userId)}`)
      await loadMembers()
    } catch (err) {
      showError(err)
    }
  }

  /** an admin mutes a member for an hour or bans them (moderation.js) */
  const moderationButtons = (userId) =>
    [
      ['mute-member', 'Mute 1h', (id) => app.moderation().muteMember(shown.id, id)],
      ['ban-member', 'Ban', (id) => app.moderation().banMember(shown.id, id)],
    ].map(([testid, text, act]) =>
      el('button', {
        type: 'button',
        class: 'quiet',
        'data-testid': testid,
        text,
        onclick: () => act(userId).then(loadMembers).catch(showError),
      }),
    )

  function render() {
    const panel = $('group-panel')
    $('show-group').hidden = !shown
    if (!shown || panel.hidden) return
    $('announcement').textContent = shown.announcement || 'No announcement.'
    $('announcement-form').hidden = !isAdmin()
    $('add-member').hidden = !isAdmin()
    const me = app.session()?.userId
    // admins first, then by name
    const sorted = [...members].sort((a, b) =>
      a.role === b.role ? app.nameOf(a.userId).localeCompare(app.nameOf(b.userId)) : a.role === 'admin' ? -1 : 1,
    )
    $('member-list').replaceChildren(
      ...sorted.map((m) =>
        el(
          'li',
          { 'data-testid': 'member', data: { userId: m.userId, role: m.role } },
          app.dot(m.userId),
          el('span', {
            class: 'name',
            'data-testid': 'member-name',
            text: m.userId === me ? `${app.nameOf(m.userId)} (you)` : app.nameOf(m.userId),
            title: m.userId,
          }),
          el('span', { class: 'role', text: m.role }),
          ...(isAdmin() && m.userId !== me
            ? [
                el('button', {
                  type: 'button',
                  class: 'quiet',
                  'data-testid': 'remove-member',
                  text: 'Remove',
                  onclick: () => removeMember(m.userId),
                }),
                ...(m.role === 'admin' ? [] : moderationButtons(m.userId)),
              ]
            : []),
        ),
      ),
    )
  }

  $('show-group').addEventListener('click', () => {
    const panel = $('group-panel')
    panel.hidden = !panel.hidden
    if (!panel.hidden) {
      $('announcement-input').value = shown?.announcement ?? ''
      loadMembers().catch(showError)
    }
  })
  $('announcement-form').addEventListener('submit', async (e) => {
    e.preventDefault()
    try {
      const text = $('announcement-input').value
      await api('PUT', `/v1/groups/${enc(shown.id)}/announcement`, { text })
      shown.announcement = text.trim()
      app.changed()
      render()
    } catch (err) {
      showError(err)
    }
  })

  return {
    /** a conversation was opened (or none): the panel follows it */
    opened(c) {
      shown = c?.kind === 'group' ? c : null
      members = []
      $('group-panel').hidden = true
      add.clear()
      render()
    },
    /** names, presence or the announcement changed */
    changed() {
      render()
    },
    /** someone joined or became admin: the open panel of that group reads its members again */
    membersChanged(conversationId) {
      if (shown?.id === conversationId && !$('group-panel').hidden) loadMembers().catch(showError)
    },
  }
}
