// Accounts and sessions: register, login, guest, token verification and the caller's own profile.
import { randomBytes } from 'node:crypto'
import { AppError } from '../../src/core/errors.js'
import { userEvent } from '../../src/contracts/events.js'
import type { User__Output } from '../../src/contracts/generated/gochat/repo/v1/User.js'
import type { LogicApi } from '../../src/rpc/api.js'
import type { LogicDeps } from './deps.js'
import { requireUser } from './access.js'
import { outboxEvent } from './domain-events.js'
import { revocationCheck, revocationExpiry, revocationIds } from '../../src/auth/revocation.js'
import type { Cache } from '../../src/ports/cache.js'
import type { LoginThrottle } from './login-throttle.js'
import { dummyHash, hashPassword, verifyPassword, type HashSlots } from './passwords.js'
import type { Tokens } from '../../src/auth/tokens.js'
import { requireId, requireText } from './validate.js'
import { cleanDisplayName, refuseInvisibleUsername } from '../../src/contracts/names.js'

export const USERNAME = /^[a-zA-Z0-9_.-]{3,32}$/
export const PASSWORD_MIN = 6
export const PASSWORD_MAX = 256
export const DISPLAY_NAME_MAX = 64

type AuthApi = Pick<
  LogicApi,
  'Register' | 'Login' | 'Guest' | 'VerifyToken' | 'Logout' | 'Refresh' | 'CheckRevoked' | 'GetMe' | 'UpdateMe'
>

/** What stands between a flood of logins and the password hashes. */
export interface AuthGuards {
  throttle: LoginThrottle
  /** every scrypt computation runs in one of these slots */
  hashing: HashSlots
  /** the copy of the revoked tokens that every logic instance and gateway checks (the store has them all) */
  cache: Cache
  /** guest_ttl_days: a guest's refreshed tokens end this long after it was created (0 or absent: never) */
  guestTtlDays?: number
}

const DAY_SECONDS = 86_400

const me = (u: User__Output) => ({
  user_id: u.user_id,
  username: u.username,
  display_name: u.display_name,
  guest: u.guest,
  discoverable: u.discoverable,
})

/** a display name as given, cleaned of invisible characters (src/contracts/names.ts) and checked; '' when none was given */
function displayNameOf(value: string | undefined): string {
  if (!value) return ''
  const cleaned = cleanDisplayName(value)
  return requireText(cleaned || value, 'displayName', DISPLAY_NAME_MAX)
}

function checkPassword(password: string | undefined): string {
  if (typeof password !== 'string' || password.length < PASSWORD_MIN)
    throw new AppError('bad_request', `password must have at least ${PASSWORD_MIN} characters`)
  if (password.length > PASSWORD_MAX)
    throw new AppError('bad_request', `password is longer than ${PASSWORD_MAX} characters`)
  return password
}

/** repo reports a taken username as some 409 code; clients get docs/protocol.md's username_taken */
function asUsernameTaken(err: unknown): never {
  if (
    err instanceof AppError &&
    (err.code === 'conflict' || err.code === 'already_exists' || err.code === 'username_taken')
  ) {
    throw new AppError('username_taken', 'this username is taken')
  }
  throw err
}

export function createAuth(deps: LogicDeps, tokens: Tokens, guards: AuthGuards): AuthApi {
  const { repo } = deps
  const invalid = () => new AppError('invalid_credentials', 'wrong username or password')
  const fromStore = async (jtis: string[]) => new Set((await repo.CheckRevoked({ jtis })).revoked_jtis)
  const revoked = revocationCheck(guards.cache, fromStore)
  return {
    async Register(req) {
      const username = refuseInvisibleUsername(req.username ?? '')
      if (!USERNAME.test(username))
        throw new AppError('bad_request', 'username must be 3 to 32 letters, digits, ".", "_" or "-"')
      const password = checkPassword(req.password)
      const displayName = displayNameOf(req.display_name) || username
      const user = await repo
        .CreateUser({
          username,
          password_hash: await guards.hashing.run(() => hashPassword(password)),
          display_name: displayName,
          guest: false,
        })
        .catch(asUsernameTaken)
      return { user_id: user.user_id, token: await tokens.issue(user.user_id) }
    },

    async Login(req) {
      const username = req.username ?? ''
      const password = req.password ?? ''
      // a name or password that no account can have costs no hashing (the rules are public: this tells nothing)
      if (!USERNAME.test(username) || password.length > PASSWORD_MAX) throw invalid()
      await guards.throttle.check(username)
      const user = await repo.GetUser({ username }).catch((err: unknown) => {
        if (err instanceof AppError && err.code === 'not_found') return undefined
        throw err
      })
      // verify against a dummy hash for unknown users: same work, same time, no username oracle
      const ok = await guards.hashing.run(async () =>
        verifyPassword(password, user && !user.guest ? user.password_hash : await dummyHash()),
      )
      if (!user || user.guest || !ok) {
        await guards.throttle.failed(username)
        throw invalid()
      }
      await guards.throttle.succeeded(username)
      return { user_id: user.user_id, token: await tokens.issue(user.user_id) }
    },

    async Guest(req) {
      const displayName = displayNameOf(req.display_name) || `guest-${randomBytes(3).toString('hex')}`
      const user = await repo.CreateUser({ username: '', password_hash: '', display_name: displayName, guest: true })
      return { user_id: user.user_id, token: await tokens.issue(user.user_id) }
    },

    async VerifyToken(req) {
      const claims = await tokens.verify(req.token ?? '')
      if ((await revoked(revocationIds(claims))).size > 0)
        throw new AppError('invalid_token', 'the token was revoked (logged out)')
      return { user_id: claims.userId }
    },

    async Logout(req) {
      // a token already revoked verifies too: logging out twice succeeds
      const claims = await tokens.verify(req.token ?? '')
      // the session's jti may sit in a token refreshed later than this one: kept as long as any could live
      const lastExp = Math.max(claims.exp, Math.floor(Date.now() / 1000) + tokens.ttlSeconds)
      await repo.RevokeToken({ jti: claims.jti, expires_at: revocationExpiry(lastExp) })
      return {}
    },

    // A refresh keeps the session's jti: the old token stays good until its own exp (not revoked: a refresh is not
    // a logout, and other tabs or sockets may hold it), and a logout with any token of the session ends them all.
    // A guest's last token ends guest_ttl_days (+ one token life) after its creation, before the guest sweep
    // (services/repo/housekeeping.ts) can delete it: a guest that wants to stay registers.
    async Refresh(req) {
      const claims = await tokens.verify(req.token ?? '')
      if ((await revoked(revocationIds(claims))).size > 0)
        throw new AppError('invalid_token', 'the token was revoked (logged out)')
      const user = await repo.GetUser({ user_id: claims.userId }).catch((err: unknown) => {
        if (err instanceof AppError && err.code === 'not_found')
          throw new AppError('invalid_token', 'the account is gone')
        throw err
      })
      const guestEnd =
        user.guest && guards.guestTtlDays
          ? Math.floor(Number(user.created_at) / 1000) + guards.guestTtlDays * DAY_SECONDS + tokens.ttlSeconds
          : undefined
      if (guestEnd !== undefined && guestEnd <= claims.exp)
        throw new AppError('invalid_token', 'this guest session cannot be extended further: register to keep it')
      return { user_id: user.user_id, token: await tokens.issue(user.user_id, { jti: claims.jti, notAfter: guestEnd }) }
    },

    async CheckRevoked(req) {
      return { revoked_jtis: [...(await fromStore(req.jtis ?? []))] }
    },

    async GetMe(req) {
      return me(await requireUser(repo, requireId(req.user_id, 'userId')))
    },

    async UpdateMe(req) {
      const userId = requireId(req.user_id, 'userId')
      const discoverable = typeof req.discoverable === 'boolean' ? req.discoverable : undefined
      // over gRPC an absent name arrives as '': both mean "unchanged"
      if (!req.display_name && discoverable === undefined)
        throw new AppError('bad_request', 'displayName or discoverable is required')
      const displayName = displayNameOf(req.display_name)
      await requireUser(repo, userId)
      // a rename is announced to the user's peers; being discoverable or not is nobody else's business
      const events = displayName
        ? [
            outboxEvent(
              deps.topics.userEvents,
              userEvent('user.profile.updated', userId, { display_name: displayName }),
            ),
          ]
        : []
      return me(
        await repo.UpdateUser({
          user_id: userId,
          display_name: displayName,
          events,
          ...(discoverable === undefined ? {} : { discoverable }),
        }),
      )
    },
  }
}
