// What the repo handlers share: the ports they work on, the column limits every request is checked against,
// new ids, and the wake-up of the outbox relay after a commit.
import { randomBytes } from 'node:crypto'
import type { GochatConfig } from '../../src/config/index.js'
import { AppError } from '../../src/core/errors.js'
import type { Logger } from '../../src/observability/log.js'
import type { Cache } from '../../src/ports/cache.js'
import type { OutboxRecord, Store } from '../../src/ports/store.js'
import type { Presence } from '../../src/presence/presence.js'
import type { MemberPages } from './member-pages.js'
import { required } from './wire.js'

export interface RepoServiceDeps {
  cfg: Pick<GochatConfig, 'topic_prefix'>
  store: Store
  cache: Cache
  presence: Presence
  memberPages: MemberPages
  /** called after a commit that may have written outbox rows (wakes the relay) */
  onOutbox: () => void
  log: Logger
}

// the column sizes of src/drivers/mysql/migrations/001_initial.sql, checked here so that both stores agree
export const LIMITS = { id: 64, username: 64, displayName: 128, name: 255, idempotencyKey: 128, announcementBytes: 65_535 }

export const newId = (prefix: string) => `${prefix}${randomBytes(12).toString('base64url')}`

export function maxLength(value: string, max: number, name: string): string {
  if (value.length > max) throw new AppError('bad_request', `${name} is longer than ${max} characters`)
  return value
}

export const id = (v: string | null | undefined, name: string) => maxLength(required(v, name), LIMITS.id, name)

/** a mutation committed: wake the relay if it may have written outbox rows */
export function committer(deps: Pick<RepoServiceDeps, 'onOutbox'>) {
  return function committed<T>(outbox: OutboxRecord[], result: T): T {
    if (outbox.length) deps.onOutbox()
    return result
  }
}
