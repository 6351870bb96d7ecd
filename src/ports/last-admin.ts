// The last-admin rule every store applies when a member leaves or is removed: a group never keeps members without
// an admin. When the admin who goes was the last one, the member logic named (the oldest) is promoted in the same
// transaction; when it named none, or someone who is no member any more (a race), the removal fails and changes
// nothing, and logic asks again.
import { AppError } from '../core/errors.js'

export interface AfterRemoval {
  /** the removed member's role */
  removedRole: 'admin' | 'member'
  /** admins among the members left */
  adminsLeft: number
  membersLeft: number
  /** the member logic named to promote */
  promote?: string
}

/** the member to promote (checked to be a member by the caller), or null when the group keeps an admin */
export function promotionAfterRemoval(o: AfterRemoval): string | null {
  if (o.removedRole !== 'admin' || o.adminsLeft > 0 || o.membersLeft === 0) return null
  if (!o.promote) throw noAdminLeft()
  return o.promote
}

/** the member who joined first (ties: the lower user id): who is promoted when no admin is left */
export function oldestMember<M extends { userId: string; joinedAt: number }>(members: Iterable<M>): M | undefined {
  let oldest: M | undefined
  for (const m of members)
    if (!oldest || m.joinedAt < oldest.joinedAt || (m.joinedAt === oldest.joinedAt && m.userId < oldest.userId))
      oldest = m
  return oldest
}

/** SQL's order of the same: the first row is the member to promote */
export const OLDEST_FIRST = 'ORDER BY joined_at, user_id'

export const noAdminLeft = () =>
  new AppError('conflict', 'the last admin cannot leave before another member is made admin (name one to promote)')
