// What the server pushes: messages, events and `resync`, and the catch-up after every (re)connect.
import { $ } from './dom.js'
import { GochatError } from './errors.js'
import { refreshConversations, syncRange } from './conversations.js'
import { refreshPresence, renderConversations, renderMessages, renderTyping, showError, wantNames } from './render.js'
import { addMessages, isOperation } from './operations.js'
import { pinsChanged } from './pins.js'
import { deliver } from './sending.js'
import { convs, highestHeld, online, names, page, state, TYPING_SHOWN_MS, typers } from './state.js'

/** After every (re)connect: the conversation list, then `sync` from the highest seq held, then resends. */
export async function onOnline() {
  await resync()
  for (const c of convs.values()) for (const p of c.pending.values()) if (p.state === 'pending') void deliver(c, p)
  void refreshPresence([...convs.values()].flatMap((c) => (c.peer ? [c.peer.userId] : [])))
}

/** The conversation list, then every loaded conversation synced from the highest seq it holds (no gap, no double). */
export async function resync() {
  await refreshConversations()
  for (const c of convs.values()) if (c.loaded) await syncRange(c, highestHeld(c))
  renderConversations()
  renderMessages()
}

export async function onFrame(frame) {
  if (frame.op === 'message') return onMessage(frame.message)
  if (frame.op === 'event') return onEvent(frame.event)
  if (frame.op === 'error') return showError(new GochatError(frame.code, frame.message))
}

async function onMessage(m) {
  let c = convs.get(m.conversationId)
  if (!c) {
    await refreshConversations() // a conversation someone else started
    c = convs.get(m.conversationId)
    if (!c) return
  }
  if (!isOperation(m)) typers.get(c.id)?.delete(m.senderId) // they sent what they were typing (a reaction is not it)
  if (c.loaded) {
    const held = highestHeld(c)
    if (m.seq > held + 1) await syncRange(c, held, m.seq) // fill a gap before the new message
    addMessages(c, [m]) // an operation record is applied to its target, never shown itself
  } else {
    c.lastSeq = Math.max(c.lastSeq, m.seq)
  }
  if (isOperation(m) && (m.kind === 'pin' || m.kind === 'unpin')) pinsChanged(c.id)
  if (m.senderId === state.session.userId && m.seq > c.readSeq && c.id !== state.openId) c.readSeq = m.seq // sent from another device
  renderConversations()
  if (c.id === state.openId) renderMessages()
}

function onEvent(ev) {
  const c = ev.conversation_id ? convs.get(ev.conversation_id) : undefined
  switch (ev.event_type) {
    case 'message.recalled':
    case 'message.deleted': {
      if (!c) return
      const m =
        c.msgs.get(ev.payload?.seq_id) ?? [...c.msgs.values()].find((x) => x.messageId === ev.payload?.message_id)
      if (m)
        c.msgs.set(m.seq, { ...m, status: ev.event_type === 'message.recalled' ? 'recalled' : 'deleted', content: '' })
      break
    }
    case 'message.read': {
      const seq = Number(ev.payload?.seq_id) || 0
      if (c && ev.operator_id === state.session.userId) c.readSeq = Math.max(c.readSeq, seq)
      else if (c?.peer?.userId === ev.operator_id) c.peer.readSeq = Math.max(c.peer.readSeq, seq) // they read mine
      break
    }
    case 'typing':
      if (!c || ev.operator_id === state.session.userId) return
      if (!typers.has(c.id)) typers.set(c.id, new Map())
      typers.get(c.id).set(ev.operator_id, Date.now() + TYPING_SHOWN_MS)
      void wantNames([ev.operator_id])
      setTimeout(renderTyping, TYPING_SHOWN_MS + 50)
      return renderTyping()
    case 'user.online':
    case 'user.offline':
      online.set(ev.user_id, ev.event_type === 'user.online')
      break
    case 'user.profile.updated':
      if (typeof ev.payload?.display_name !== 'string') return
      names.set(ev.user_id, ev.payload.display_name)
      if (ev.user_id === state.session.userId) $('my-name').textContent = ev.payload.display_name
      page.groups.changed()
      break
    case 'group.announcement.updated': {
      const g = convs.get(ev.payload?.conversation_id)
      if (!g) return
      g.announcement = String(ev.payload.text ?? '')
      page.groups.changed()
      if (g.id === state.openId) renderMessages()
      return
    }
    case 'group.invited':
      void refreshConversations().catch(showError)
      break
    case 'group.admin.promoted': // my role may have changed, and the group's roles have
      void refreshConversations().catch(showError)
      page.groups.membersChanged(ev.conversation_id)
      break
    case 'group.invitation.created':
      void page.invitations.refresh().catch(showError)
      return
    case 'group.invitation.accepted': // someone I invited joined
      page.groups.membersChanged(ev.payload?.conversation_id)
      return
    case 'resync': // the server says this connection may have missed frames
      void resync().catch(showError)
      return
    default:
      return // other events (friends) are not shown by this page
  }
  renderConversations()
  if (!c || c.id === state.openId) renderMessages() // user events may change the open conversation's names or dot
}
