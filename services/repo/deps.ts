// What the repo handlers share: the ports they work on, the column limits every request is checked against
// (src/contracts/limits.ts, the same logic checks against), new ids, and the wake-up of the outbox relay after a commit.
import { randomBytes } from 'node:crypto'
import type { GochatConfig } from '../../src/config/index.js'
import { LIMITS, maxLength } from '../../src/contracts/limits.js'
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

export const newId = (prefix: string) => `${prefix}${randomBytes(12).toString('base64url')}`

export const id = (v: string | null | undefined, name: string) => maxLength(required(v, name), LIMITS.id, name)

/** a mutation committed: wake the relay if it may have written outbox rows */
export function committer(deps: Pick<RepoServiceDeps, 'onOutbox'>) {
  return function committed<T>(outbox: OutboxRecord[], result: T): T {
    if (outbox.length) deps.onOutbox()
    return result
  }
}
