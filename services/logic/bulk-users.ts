// The admin path that benchmarks use to get thousands of users with tokens in seconds: no password hashing (the
// users have none and can only use the returned tokens), repo.CreateUsers in chunks of a bounded size. It is
// authorised by admin_secret alone (never the token-signing key), and off while admin_secret is unset.
import { randomBytes } from 'node:crypto'
import { AppError } from '../../src/core/errors.js'
import type { LogicApi } from '../../src/rpc/api.js'
import type { LogicDeps } from './deps.js'
import type { Tokens } from '../../src/auth/tokens.js'
import { adminCheck } from './admin-secret.js'

/** users a call: enough for a bench (which asks 5,000 at a time), small enough that one call cannot hog repo */
export const BULK_MAX = 10_000
const CHUNK = 1000

export function createBulkUsers(
  deps: LogicDeps,
  tokens: Tokens,
  adminSecret: string | null,
): Pick<LogicApi, 'BulkCreateUsers'> {
  const requireAdmin = adminCheck(adminSecret)
  return {
    async BulkCreateUsers(req) {
      requireAdmin(req.admin_secret)
      const count = req.count ?? 0
      if (!Number.isInteger(count) || count < 1 || count > BULK_MAX)
        throw new AppError('bad_request', `count must be 1 to ${BULK_MAX}`)
      const prefix = req.name_prefix || 'bench'
      if (!/^[a-zA-Z0-9_.-]{1,16}$/.test(prefix))
        throw new AppError('bad_request', 'namePrefix must be 1 to 16 letters, digits, ".", "_" or "-"')
      // a random run id keeps usernames unique across runs with the same prefix
      const run = randomBytes(3).toString('hex')
      const users = []
      for (let start = 0; start < count; start += CHUNK) {
        const batch = Array.from({ length: Math.min(CHUNK, count - start) }, (_, i) => {
          const name = `${prefix}-${run}-${start + i}`
          return { username: name, password_hash: '', display_name: name, guest: false }
        })
        const created = await deps.repo.CreateUsers({ users: batch })
        for (const u of created.users) users.push({ user_id: u.user_id, token: await tokens.issue(u.user_id) })
      }
      return { users }
    },
  }
}
