// Housekeeping of the store, hourly, by one repo: the one whose outbox relay holds the store's lease (MySQL
// GET_LOCK; one process on SQLite and memory), so several repos never sweep at once.
//
// - Guest expiry (guest_ttl_days, 0: off). A guest signs in once, when it is created, and can act only with that
//   token and its refreshes (POST /v1/auth/refresh), which logic never lets live past created_at + guest_ttl_days
//   + token_ttl_seconds: so a guest whose creation is further back than that (+ clock skew) can no longer act and
//   is deleted, with what is its alone (src/ports/store.ts sweepGuests): no activity needs recording on any request path. Batches of
//   SWEEP_BATCH guests, one transaction each.
// - Revoked tokens whose tokens have expired anyway are pruned.
//
// What was removed is logged at info and counted (gochat_repo_guests_swept_total,
// gochat_repo_revocations_pruned_total).
import { SKEW_MS } from '../../src/auth/revocation.js'
import type { Logger } from '../../src/observability/log.js'
import type { Store } from '../../src/ports/store.js'
import { guestsSwept, revocationsPruned } from './metrics.js'

const DAY_MS = 86_400_000
export const SWEEP_BATCH = 500
const EVERY_MS = 3_600_000
/** the first run waits this long after start, so that it never slows a start */
const FIRST_AFTER_MS = 30_000

export interface HousekeepingOptions {
  guestTtlDays: number
  tokenTtlSeconds: number
  /** true while this repo holds the relay lease: only then does it sweep */
  active: () => boolean
  everyMs?: number
  firstAfterMs?: number
}

export interface HousekeepingRun {
  guests: number
  conversations: number
  revocations: number
}

/** Guests created before this hold no token that is still good (logic's Refresh caps guests' tokens there). */
export const guestCutoff = (nowMs: number, o: Pick<HousekeepingOptions, 'guestTtlDays' | 'tokenTtlSeconds'>) =>
  nowMs - o.guestTtlDays * DAY_MS - o.tokenTtlSeconds * 1000 - SKEW_MS

export class Housekeeping {
  private timer: NodeJS.Timeout | undefined
  private running: Promise<unknown> | undefined
  private stopped = false

  constructor(
    private readonly store: Store,
    private readonly log: Logger,
    private readonly opts: HousekeepingOptions,
  ) {}

  start(): void {
    const schedule = (ms: number) => {
      this.timer = setTimeout(() => {
        this.running = this.runOnce()
          .catch((err: unknown) => this.log.warn('housekeeping failed; trying again in an hour', { err }))
          .finally(() => {
            this.running = undefined
            if (!this.stopped) schedule(this.opts.everyMs ?? EVERY_MS)
          })
      }, ms)
      this.timer.unref()
    }
    schedule(this.opts.firstAfterMs ?? FIRST_AFTER_MS)
  }

  /** stops after the batch in hand */
  async stop(): Promise<void> {
    this.stopped = true
    clearTimeout(this.timer)
    await this.running
  }

  /** one run, if this repo is the active one; what it removed */
  async runOnce(nowMs = Date.now()): Promise<HousekeepingRun> {
    const run = { guests: 0, conversations: 0, revocations: 0 }
    if (!this.opts.active()) return run
    if (this.opts.guestTtlDays > 0) {
      const before = guestCutoff(nowMs, this.opts)
      for (;;) {
        const swept = await this.store.sweepGuests(before, SWEEP_BATCH)
        run.guests += swept.users
        run.conversations += swept.conversations
        guestsSwept.inc(swept.users)
        if (swept.users < SWEEP_BATCH || this.stopped || !this.opts.active()) break
        await new Promise((r) => setImmediate(r)) // between transactions, let requests through
      }
    }
    run.revocations = await this.store.pruneRevocations(nowMs)
    revocationsPruned.inc(run.revocations)
    if (run.guests || run.revocations)
      this.log.info('housekeeping: expired guests and revoked tokens removed', {
        ...run,
        ...(run.guests ? { guestsCreatedBefore: new Date(guestCutoff(nowMs, this.opts)).toISOString() } : {}),
      })
    return run
  }
}
