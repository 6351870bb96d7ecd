// Users: create (one or in bulk), look up, check existence, rename.
import { AppError } from '../../src/core/errors.js'
import type { UserRow } from '../../src/ports/store.js'
import type { RepoApi } from '../../src/rpc/api.js'
import type { CreateUserRequest } from '../../src/contracts/generated/gochat/repo/v1/CreateUserRequest.js'
import { LIMITS, maxLength } from '../../src/contracts/limits.js'
import { cleanDisplayName, normalizeUsername, refuseInvisibleUsername } from '../../src/contracts/names.js'
import { committer, id, newId, type RepoServiceDeps } from './deps.js'
import { outboxOf, required, str, userOut } from './wire.js'

const FIND_USERS_MAX = 10_000
const SEARCH_USERS_MAX = 100

/** the name rules of src/contracts/names.ts, checked again here: logic is not the only gRPC client */
function newUser(req: CreateUserRequest, now: number): UserRow {
  const username = refuseInvisibleUsername(maxLength(str(req.username), LIMITS.username, 'username'))
  if (!username && !req.guest) throw new AppError('bad_request', 'username is required unless guest')
  // the normalized form is the unique key, and NFKC may lengthen a name
  maxLength(normalizeUsername(username), LIMITS.username, 'username (normalized)')
  return {
    userId: newId('u_'),
    username: username || null,
    displayName: displayName(str(req.display_name)) || username || 'guest',
    guest: Boolean(req.guest),
    passwordHash: str(req.password_hash),
    createdAt: now,
    discoverable: false,
  }
}

const displayName = (name: string) =>
  maxLength(cleanDisplayName(name, 'display_name'), LIMITS.displayName, 'display_name')
export function userHandlers(
  deps: RepoServiceDeps,
): Pick<RepoApi, 'CreateUser' | 'CreateUsers' | 'GetUser' | 'FindUsers' | 'GetUsers' | 'SearchUsers' | 'UpdateUser'> {
  const { store } = deps
  const committed = committer(deps)

  return {
    async CreateUser(req) {
      const user = newUser(req, Date.now())
      const outbox = outboxOf(req.events)
      await store.insertUsers([user], outbox)
      return committed(outbox, userOut(user))
    },

    async CreateUsers(req) {
      const now = Date.now()
      const users = (req.users ?? []).map((u) => newUser(u, now))
      const outbox = (req.users ?? []).flatMap((u) => outboxOf(u.events))
      if (users.length) await store.insertUsers(users, outbox)
      return committed(outbox, { users: users.map(userOut) })
    },

    async GetUser(req) {
      const user = req.user_id
        ? await store.getUser({ userId: req.user_id })
        : await store.getUser({ username: required(req.username, 'user_id or username') })
      if (!user) throw new AppError('not_found', `user ${req.user_id || req.username} not found`)
      return userOut(user)
    },

    async FindUsers(req) {
      const ids = req.user_ids ?? []
      if (ids.length > FIND_USERS_MAX) throw new AppError('bad_request', `at most ${FIND_USERS_MAX} user ids a call`)
      return { found_user_ids: [...(await store.existingUserIds(ids))] }
    },

    async GetUsers(req) {
      const ids = req.user_ids ?? []
      if (ids.length > FIND_USERS_MAX) throw new AppError('bad_request', `at most ${FIND_USERS_MAX} user ids a call`)
      return { users: (await store.getUsers(ids)).map(userOut) }
    },

    async SearchUsers(req) {
      const prefix = required(req.prefix, 'prefix')
      const limit = Math.min(Math.max(req.limit ?? 0, 1), SEARCH_USERS_MAX)
      const scope = req.scope
        ? {
            contactsOf: id(req.scope.contacts_of, 'scope.contacts_of'),
            discoverable: Boolean(req.scope.discoverable),
            exactUsername: str(req.scope.exact_username) || null,
          }
        : undefined
      const users = await store.searchUsers({ prefix, afterUserId: str(req.after_user_id), limit, scope })
      return { users: users.map(userOut) }
    },

    async UpdateUser(req) {
      const userId = id(req.user_id, 'user_id')
      const changes = {
        ...(str(req.display_name) ? { displayName: required(displayName(str(req.display_name)), 'display_name') } : {}),
        ...(typeof req.discoverable === 'boolean' ? { discoverable: req.discoverable } : {}),
      }
      if (Object.keys(changes).length === 0)
        throw new AppError('bad_request', 'display_name or discoverable is required')
      const outbox = outboxOf(req.events)
      const user = await store.updateUser(userId, changes, outbox)
      if (!user) throw new AppError('not_found', `user ${userId} not found`)
      return committed(outbox, userOut(user))
    },
  }
}
