// Filling users.username_norm for rows written before it existed (MySQL migration 005, SQLite 003), shared by
// both migrators. SQL cannot compute NFKC, so this runs in the migrator right after the files, and again on
// every migration run for rows still without one (rows a rolling deploy's old instances wrote in between).
// A name whose normalized form another account holds ("alice" beside an older "Alice") is never changed nor
// dropped: it keeps NULL there, logs in by its exact name only, and is reported as a UsernameCollision.
import { LIMITS } from '../../contracts/limits.js'
import { normalizeUsername } from '../../contracts/names.js'
import type { UsernameCollision } from '../../ports/store.js'

/** rows read and updated per step */
export const BACKFILL_BATCH = 1000

/** the query of one step: named users without a normalized name, oldest first, after a (created_at, user_id) cursor */
export const PENDING_USERNAMES = `SELECT user_id, username, created_at FROM users
  WHERE username IS NOT NULL AND username_norm IS NULL AND (created_at > ? OR (created_at = ? AND user_id > ?))
  ORDER BY created_at, user_id LIMIT ${BACKFILL_BATCH}`

export interface PendingUsername {
  userId: string
  username: string
}

/**
 * Who of `rows` (oldest first) gets which normalized name; `holders` (normalized name → user id, those already
 * set) is updated as names are given, so the oldest of several look-alikes keeps the name.
 */
export function planUsernames(
  rows: PendingUsername[],
  holders: Map<string, string>,
): { set: Array<{ userId: string; norm: string }>; collisions: UsernameCollision[] } {
  const set: Array<{ userId: string; norm: string }> = []
  const collisions: UsernameCollision[] = []
  for (const { userId, username } of rows) {
    const norm = normalizeUsername(username)
    const holder = holders.get(norm)
    // a form longer than the column (NFKC expands some characters) is reported as held by nobody
    if (holder !== undefined || norm.length > LIMITS.username) {
      collisions.push({ userId, username, normalized: norm, heldBy: holder ?? '' })
      continue
    }
    holders.set(norm, userId)
    set.push({ userId, norm })
  }
  return { set, collisions }
}

/** one line per collision, for logs and `gochat db migrate` */
export const describeCollision = (c: UsernameCollision) =>
  c.heldBy
    ? `username "${c.username}" (${c.userId}) normalizes to "${c.normalized}", held by ${c.heldBy}: it logs in by its exact name only`
    : `username "${c.username}" (${c.userId}) normalizes to "${c.normalized}", longer than ${LIMITS.username} characters: it logs in by its exact name only`
