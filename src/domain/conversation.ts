// Conversations and their members as every role reasons about them (beside the Message of message.ts). Stores
// keep them as they are; wire shapes are converted at the edges (services/repo/wire.ts for repo's contract).
export type ConversationKind = 'direct' | 'group'

export interface Conversation {
  conversationId: string
  kind: ConversationKind
  /** groups: their name; '' for direct conversations */
  name: string
  announcement: string
  memberCount: number
  /** epoch ms */
  createdAt: number
}

export type MemberRole = 'admin' | 'member'

/** one user's membership of one conversation */
export interface Member {
  conversationId: string
  userId: string
  role: MemberRole
  /** epoch ms */
  joinedAt: number
}
