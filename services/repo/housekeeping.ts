// Housekeeping of the store, hourly, by one repo: the one whose outbox relay holds the store's lease (MySQL
// GET_LOCK; one process on SQLite and memory), so several repos never sweep at once.
//
// - Guest expiry (guest_ttl_days, 0: off). A guest signs in once, when it is created, and can act only with that
//   token and its refreshes (POST /v1/auth/refresh), which logic never lets live past created_at + guest_ttl_days
//   + token_ttl_seconds: so a guest whose creation is further back than that (+ clock skew) can no longer act and
//   is deleted, with what is its alone (src/ports/store.ts sweepGuests): no activity needs recording on any request path. Batches of
//   SWEEP_BATCH guests, one transaction each.
// - Revoked tokens whose tokens have expired anyway are pruned.
// - Orphan attachments (upload_orphan_hours, 0: off): created that long ago and carried by no shown message (a slot
//   never completed, an upload never sent, or one whose last message was recalled or deleted and whose delete then
//   failed) go, row then bytes and thumbnail (src/attachments/blobs.ts releaseAttachment), batches of SWEEP_BATCH.
//
// What was removed is logged at info and counted (gochat_repo_guests_swept_total,
// gochat_repo_revocations_pruned_total, gochat_repo_attachments_swept_total).
import { releaseAttachment } from '../../src/attachments/blobs.js'
import { SKEW_MS } from '../../src/auth/revocation.js'
import type { BlobStore } from '../../src/ports/blobs.js'
import type { Logger } from '../../src/observability/log.js'
import type { Store } from '../../src/ports/store.js'
import { attachmentsSwept, guestsSwept, revocationsPruned } from './metrics.js'

const DAY_MS = 86_400_000
export const SWEEP_BATCH = 500
const EVERY_MS = 3_600_000
/** the first run waits this long after start, so that it never slows a start */
const FIRST_AFTER_MS = 30_000

export interface HousekeepingOptions {
  guestTtlDays: number
  tokenTtlSeconds: number
  /** upload_orphan_hours; 0 (or no blob store) leaves attachments alone */
  orphanHours?: number
  blobs?: Pick<BlobStore, 'delete'>
  /** true while this repo holds the relay lease: only then does it sweep */
  active: () => boolean
  everyMs?: number
  firstAfterMs?: number
}

export interface HousekeepingRun {
  guests: number
  conversations: number
  revocations: number
  attachments: number
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
    const run = { guests: 0, conversations: 0, revocations: 0, attachments: 0 }
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
    run.attachments = await this.sweepAttachments(nowMs)
    if (run.guests || run.revocations || run.attachments)
      this.log.info('housekeeping: expired guests, revoked tokens and orphan attachments removed', {
        ...run,
        ...(run.guests ? { guestsCreatedBefore: new Date(guestCutoff(nowMs, this.opts)).toISOString() } : {}),
      })
    return run
  }

  private async sweepAttachments(nowMs: number): Promise<number> {
    const { orphanHours = 0, blobs } = this.opts
    if (orphanHours <= 0 || !blobs) return 0
    const attachments = this.store.attachments
    const deps = { release: (id: string) => attachments.releaseAttachment(id), blobs }
    let swept = 0
    for (;;) {
      const ids = await attachments.orphanAttachments(nowMs - orphanHours * 3_600_000, SWEEP_BATCH)
      let batch = 0
      for (const id of ids) if (await releaseAttachment(deps, id)) batch++
      swept += batch
      attachmentsSwept.inc(batch)
      // a batch that released nothing (each carried again meanwhile) would come back the same: stop
      if (ids.length < SWEEP_BATCH || batch === 0 || this.stopped || !this.opts.active()) return swept
      await new Promise((r) => setImmediate(r))
    }
  }
}
