// What the repo handlers share: the ports they work on, the column limits every request is checked against
// (src/contracts/limits.ts, the same logic checks against), new ids, and the wake-up of the outbox relay after a commit.
import { randomFillSync } from 'node:crypto'
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
  /** true while this repo's relay holds the store's outbox lease (only then does it sweep); absent: always */
  leaseHeld?: () => boolean
}

const ID_BYTES = 12
// the randomness of 256 ids drawn at once (as randomUUID does): a system call per id was 1.2% of repo's CPU under load
const idPool = Buffer.alloc(ID_BYTES * 256)
let idUsed = idPool.length

/** `prefix` and 12 random bytes, base64url */
export function newId(prefix: string): string {
  if (idUsed === idPool.length) {
    randomFillSync(idPool)
    idUsed = 0
  }
  idUsed += ID_BYTES
  return `${prefix}${idPool.toString('base64url', idUsed - ID_BYTES, idUsed)}`
}

export const id = (v: string | null | undefined, name: string) => maxLength(required(v, name), LIMITS.id, name)

/** a mutation committed: wake the relay if it may have written outbox rows */
export function committer(deps: Pick<RepoServiceDeps, 'onOutbox'>) {
  return function committed<T>(outbox: OutboxRecord[], result: T): T {
    if (outbox.length) deps.onOutbox()
    return result
  }
}
