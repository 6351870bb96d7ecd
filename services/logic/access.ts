// Authorization of conversation actions. Every check here asks repo (no cached membership), so a removed member
// loses access with the very next request; sends remember only direct conversations' members (send-membership.ts).
import { AppError } from '../../src/core/errors.js'
import type { Conversation__Output } from '../../src/contracts/generated/gochat/repo/v1/Conversation.js'
import type { Member__Output } from '../../src/contracts/generated/gochat/repo/v1/Member.js'
import type { User__Output } from '../../src/contracts/generated/gochat/repo/v1/User.js'
import type { RepoApi } from '../../src/rpc/api.js'

/** repo's NOT_FOUND turned into the error the caller should see */
async function orElse<T>(call: Promise<T>, code: 'not_member' | 'not_found', message: string): Promise<T> {
  try {
    return await call
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') throw new AppError(code, message)
    throw err
  }
}

/**
 * The actor's membership. An unknown conversation answers not_member as well, so that non-members cannot probe
 * which conversation ids exist.
 */
export const requireMember = (repo: RepoApi, conversationId: string, userId: string): Promise<Member__Output> =>
  orElse(
    repo.GetMember({ conversation_id: conversationId, user_id: userId }),
    'not_member',
    'not a member of this conversation',
  )

/** A group and the actor's membership in it; a member of a direct conversation gets bad_request. */
export async function requireGroupMember(
  repo: RepoApi,
  conversationId: string,
  userId: string,
): Promise<{ conversation: Conversation__Output; member: Member__Output }> {
  const member = await requireMember(repo, conversationId, userId)
  const conversation = await repo.GetConversation({ conversation_id: conversationId })
  if (conversation.kind !== 'group') throw new AppError('bad_request', 'not a group conversation')
  return { conversation, member }
}

export async function requireGroupAdmin(
  repo: RepoApi,
  conversationId: string,
  userId: string,
): Promise<{ conversation: Conversation__Output; member: Member__Output }> {
  const found = await requireGroupMember(repo, conversationId, userId)
  if (found.member.role !== 'admin') throw new AppError('not_admin', 'only group admins may do this')
  return found
}

export async function requireUser(repo: RepoApi, userId: string): Promise<User__Output> {
  const user = await orElse(repo.GetUser({ user_id: userId }), 'not_found', `no such user: ${userId}`)
  // MySQL compares VARCHARs ignoring trailing spaces: "u_x " finds u_x, but stored as a member or friend it is
  // nobody's id (presence, events and pushes use ids exactly)
  if (user.user_id !== userId) throw new AppError('not_found', `no such user: ${userId}`)
  return user
}

/** Checks that every id names a user: one repo call per chunk (groups can be created with thousands). */
export async function requireUsers(repo: RepoApi, userIds: string[], chunk = 1000): Promise<void> {
  for (let i = 0; i < userIds.length; i += chunk) {
    const ids = userIds.slice(i, i + chunk)
    const found = new Set((await repo.FindUsers({ user_ids: ids })).found_user_ids)
    const missing = ids.find((id) => !found.has(id))
    if (missing !== undefined) throw new AppError('not_found', `no such user: ${missing}`)
  }
}
