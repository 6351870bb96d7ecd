// Invitations to groups (group consent): someone who shares no conversation with you can only invite you. They wait
// here, above the conversations, with Join (you become a member and the group opens) and Decline (it goes away);
// a new one arrives live (the group.invitation.created event) and the list is read again on every sign-in.
import { $, el } from './dom.js'

export function initInvitations(app) {
  const { api, enc, showError } = app
  let list = [] // as GET /v1/invitations answered, newest first

  const render = () => {
    $('invitation-list').replaceChildren(
      ...list.map((inv) =>
        el(
          'li',
          { 'data-testid': 'invitation', data: { conversationId: inv.conversationId } },
          el('span', { class: 'invitation-name', 'data-testid': 'invitation-name', text: inv.name }),
          el('span', {
            class: 'hint',
            'data-testid': 'invitation-from',
            text: `from ${inv.inviter.displayName || inv.inviter.userId}`,
          }),
          el('button', {
            type: 'button',
            'data-testid': 'invitation-join',
            text: 'Join',
            onclick: () => answer(inv, 'accept'),
          }),
          el('button', {
            type: 'button',
            class: 'quiet',
            'data-testid': 'invitation-decline',
            text: 'Decline',
            onclick: () => answer(inv, 'decline'),
          }),
        ),
      ),
    )
    $('invitations').hidden = list.length === 0
  }

  async function refresh() {
    list = (await api('GET', '/v1/invitations')).invitations
    render()
  }

  async function answer(inv, how) {
    try {
      await api('POST', `/v1/invitations/${enc(inv.conversationId)}/${how}`)
      list = list.filter((i) => i.conversationId !== inv.conversationId)
      render()
      if (how === 'accept') await app.joined(inv.conversationId)
    } catch (err) {
      showError(err)
      await refresh().catch(() => undefined) // answered elsewhere, or the group is gone
    }
  }

  return {
    refresh,
    clear() {
      list = []
      render()
    },
  }
}
