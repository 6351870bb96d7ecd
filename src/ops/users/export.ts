// `gochat users export`: one user's data as one JSON document, written as it is read (sentBy pages) so that a user
// with millions of messages does not fill memory: {"user", "conversations", "messages": [...], "counts"}.
import { once } from 'node:events'
import type { Writable } from 'node:stream'
import type { Store, UserRow } from '../../ports/store.js'
import { sentByPages } from './target.js'

export interface ExportCounts {
  conversations: number
  messages: number
  attachments: number
}

export interface ExportedConversation {
  conversationId: string
  kind: string
  name: string
  role: string
  /** epoch ms; 0 when the membership is gone */
  joinedAt: number
}

/** the profile as exported: never the password hash */
export const exportedProfile = (u: UserRow) => ({
  userId: u.userId,
  username: u.username,
  displayName: u.displayName,
  guest: u.guest,
  discoverable: u.discoverable,
  createdAt: u.createdAt,
})

export async function userConversations(store: Store, userId: string): Promise<ExportedConversation[]> {
  const list = await store.listUserConversations(userId)
  return Promise.all(
    list.map(async (c) => ({
      conversationId: c.conversation.conversationId,
      kind: c.conversation.kind,
      name: c.conversation.name,
      role: c.role,
      joinedAt: (await store.getMember(c.conversation.conversationId, userId))?.joinedAt ?? 0,
    })),
  )
}

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain')
}

/** Writes the export of `user` to `out` (not ended here) and returns what it counted. */
export async function writeExport(store: Store, user: UserRow, out: Writable): Promise<ExportCounts> {
  const conversations = await userConversations(store, user.userId)
  const counts: ExportCounts = { conversations: conversations.length, messages: 0, attachments: 0 }
  await write(out, `{"user":${JSON.stringify(exportedProfile(user))},"conversations":${JSON.stringify(conversations)}`)
  await write(out, ',"messages":[')
  for await (const page of sentByPages(store, user.userId)) {
    const lines = page.map((m) => {
      const { idempotencyKey: _k, ...message } = m
      if (m.attachment) counts.attachments++
      return `${counts.messages++ ? ',' : ''}\n${JSON.stringify(message)}`
    })
    await write(out, lines.join(''))
  }
  await write(out, `\n],"counts":${JSON.stringify(counts)}}\n`)
  return counts
}
