// Users of the in-memory store: accounts, profile changes, people search, friend requests and the guest sweep.
import { AppError } from '../../core/errors.js'
import {
  changedUser,
  checkOutbox,
  type GuestSweep,
  type OutboxRecord,
  type UserChanges,
  type UserRow,
  type UserSearch,
} from '../../ports/store.js'
import { normalizeUsername } from '../../contracts/names.js'
import { MemoryStoreBase } from './store-base.js'
import { pair } from './store-base.js'
import { oldestMember } from '../../ports/last-admin.js'

export abstract class MemoryUsers extends MemoryStoreBase {
  async insertUsers(users: UserRow[], outbox: OutboxRecord[]): Promise<void> {
    const names = new Set<string>()
    for (const u of users) {
      if (u.username === null) continue
      const norm = normalizeUsername(u.username)
      if (this.userIdByName.has(norm) || names.has(norm))
        throw new AppError('username_taken', `username ${u.username} is taken`)
      names.add(norm)
    }
    checkOutbox(outbox)
    for (const u of users) {
      this.users.set(u.userId, { ...u })
      if (u.username !== null) this.userIdByName.set(normalizeUsername(u.username), u.userId)
    }
    this.append(outbox)
  }

  /** by username: normalized names are unique here from the start, so the exact name is found by its form too */
  async getUser(by: { userId: string } | { username: string }): Promise<UserRow | null> {
    const id = 'userId' in by ? by.userId : this.userIdByName.get(normalizeUsername(by.username))
    const u = id === undefined ? undefined : this.users.get(id)
    return u ? { ...u } : null
  }

  async existingUserIds(userIds: string[]): Promise<Set<string>> {
    return new Set(userIds.filter((id) => this.users.has(id)))
  }

  async updateUser(userId: string, changes: UserChanges, outbox: OutboxRecord[]): Promise<UserRow | null> {
    const u = this.users.get(userId)
    if (!u) return null
    checkOutbox(outbox)
    if (changes.erase && u.username !== null) this.userIdByName.delete(normalizeUsername(u.username))
    Object.assign(u, changedUser(u, changes))
    this.append(outbox)
    return { ...u }
  }

  async directPeers(userId: string, limit: number): Promise<string[]> {
    const peers = [...(this.conversationsOfUser.get(userId) ?? [])]
      .filter((id) => this.conversations.get(id)!.kind === 'direct')
      .flatMap((id) => [...this.members.get(id)!.byUser.keys()].filter((u) => u !== userId))
    return [...new Set(peers)].sort().slice(0, limit)
  }

  async getUsers(userIds: string[]): Promise<UserRow[]> {
    return [...new Set(userIds)].sort().flatMap((id) => {
      const u = this.users.get(id)
      return u ? [{ ...u }] : []
    })
  }

  async searchUsers({ prefix, afterUserId, limit, scope }: UserSearch): Promise<UserRow[]> {
    const p = prefix.toLowerCase()
    const hit = (u: UserRow) =>
      u.displayName.toLowerCase().startsWith(p) || (u.username?.toLowerCase().startsWith(p) ?? false)
    // the caller and everyone sharing a conversation with them
    const contacts = scope
      ? new Set([
          scope.contactsOf,
          ...[...(this.conversationsOfUser.get(scope.contactsOf) ?? [])].flatMap((id) => [
            ...this.members.get(id)!.byUser.keys(),
          ]),
        ])
      : undefined
    const exact = scope?.exactUsername ? this.userIdByName.get(scope.exactUsername) : undefined
    const found = (u: UserRow) =>
      !scope || u.userId === exact || (hit(u) && ((scope.discoverable && u.discoverable) || contacts!.has(u.userId)))
    return [...this.users.values()]
      .filter((u) => u.userId > afterUserId && (scope ? found(u) : hit(u)))
      .sort((a, b) => (a.userId < b.userId ? -1 : 1))
      .slice(0, limit)
      .map((u) => ({ ...u }))
  }

  async createFriendRequest(fromUserId: string, toUserId: string, _at: number, outbox: OutboxRecord[]): Promise<void> {
    if (
      this.friendRequests.has(pair(fromUserId, toUserId)) ||
      this.friendRequests.get(pair(toUserId, fromUserId)) === 'accepted'
    ) {
      throw new AppError('already_exists', `${fromUserId} already asked ${toUserId}, or they are friends`)
    }
    checkOutbox(outbox)
    this.friendRequests.set(pair(fromUserId, toUserId), 'pending')
    this.append(outbox)
  }

  async acceptFriendRequest(fromUserId: string, toUserId: string, _at: number, outbox: OutboxRecord[]): Promise<void> {
    if (this.friendRequests.get(pair(fromUserId, toUserId)) !== 'pending') {
      throw new AppError('not_found', `no pending friend request from ${fromUserId} to ${toUserId}`)
    }
    checkOutbox(outbox)
    this.friendRequests.set(pair(fromUserId, toUserId), 'accepted')
    this.append(outbox)
  }

  async sweepGuests(createdBefore: number, limit: number): Promise<GuestSweep> {
    const guests = [...this.users.values()]
      .filter((u) => u.guest && u.createdAt < createdBefore)
      .sort((a, b) => a.createdAt - b.createdAt || (a.userId < b.userId ? -1 : 1))
      .slice(0, limit)
    const gone = new Set(guests.map((u) => u.userId))
    let conversations = 0
    for (const userId of gone) {
      for (const id of [...(this.conversationsOfUser.get(userId) ?? [])]) {
        const c = this.conversations.get(id)!
        if (c.kind === 'group') {
          this.dropMember(id, userId)
          this.readCursors.delete(pair(id, userId))
          if (c.memberCount > 0) {
            // the last-admin rule (src/ports/last-admin.ts), without an event: sweeps write no outbox
            const left = [...this.members.get(id)!.byUser.values()]
            if (!left.some((m) => m.role === 'admin')) oldestMember(left)!.role = 'admin'
            continue
          }
        }
        this.dropConversation(id)
        conversations++
      }
      this.conversationsOfUser.delete(userId)
      this.forgetInvitations(userId)
      this.users.delete(userId)
    }
    for (const key of this.friendRequests.keys()) {
      const [from, to] = key.split('\u0000') as [string, string]
      if (gone.has(from) || gone.has(to)) this.friendRequests.delete(key)
    }
    return { users: gone.size, conversations }
  }
}
