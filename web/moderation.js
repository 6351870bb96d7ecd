// Moderation on the page (issue 28, docs/protocol.md#moderation): mute the open conversation (no offline push, no
// unread count in the tab title); block someone from the people search, or block and unblock the person of a direct
// conversation (neither can send to the other then); for group admins, mute a member for an hour or ban them from
// the group panel (group.js).
import { api, enc } from './api.js'
import { $ } from './dom.js'

export const MEMBER_MUTE_SECONDS = 3600

export function initModeration({ showError, changed }) {
  const blocked = new Set() // whom I block (GET /v1/blocks)
  let shown = null

  function render() {
    const mute = $('toggle-mute')
    const block = $('toggle-block')
    mute.hidden = !shown
    block.hidden = !shown?.peer
    if (!shown) return
    mute.textContent = shown.muted ? 'Unmute' : 'Mute'
    mute.dataset.muted = String(Boolean(shown.muted))
    const isBlocked = Boolean(shown.peer && blocked.has(shown.peer.userId))
    block.textContent = isBlocked ? 'Unblock' : 'Block'
    block.dataset.blocked = String(isBlocked)
  }

  async function loadBlocks() {
    const res = await api('GET', '/v1/blocks')
    blocked.clear()
    for (const b of res.blocks) blocked.add(b.userId)
    render()
  }

  $('toggle-mute').addEventListener('click', async () => {
    const c = shown
    if (!c) return
    try {
      const { muted } = await api('PUT', `/v1/conversations/${enc(c.id)}/mute`, { muted: !c.muted })
      c.muted = muted
      render()
      changed()
    } catch (err) {
      showError(err)
    }
  })
  $('toggle-block').addEventListener('click', async () => {
    const peer = shown?.peer?.userId
    if (!peer) return
    try {
      if (blocked.has(peer)) await api('DELETE', `/v1/blocks/${enc(peer)}`)
      else await api('POST', '/v1/blocks', { userId: peer })
      await loadBlocks()
    } catch (err) {
      showError(err)
    }
  })

  return {
    /** a conversation was opened (or none) */
    opened(c) {
      shown = c ?? null
      render()
      if (c?.peer) loadBlocks().catch(showError)
    },
    /** blocks someone found in the people search (who then drops out of it) */
    async block(userId) {
      await api('POST', '/v1/blocks', { userId })
      blocked.add(userId)
      render()
    },
    /** the group panel's admin actions on a member */
    async muteMember(conversationId, userId) {
      await api('POST', `/v1/groups/${enc(conversationId)}/mutes`, { userId, seconds: MEMBER_MUTE_SECONDS })
    },
    async banMember(conversationId, userId) {
      await api('POST', `/v1/groups/${enc(conversationId)}/bans`, { userId })
    },
  }
}
