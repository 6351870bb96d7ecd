// The retention sweeper (issue 28): every retention_sweep_seconds, batches of ExpireMessages until a batch comes
// back short. Every task runs one; the repo answers only from the instance whose relay holds the store's outbox
// lease, one batch at a time (services/repo/retention.ts), so sweeps never run side by side in a cluster. A batch
// answered "not active" came from a standby repo: round robin sends the next call to another, so a few are tried.
// The attachments that expired with their messages are deleted after the batch that named them (expired-attachments.ts).
import type { BlobStore } from '../../src/ports/blobs.js'
import type { Logger } from '../../src/observability/log.js'
import type { RepoApi } from '../../src/rpc/api.js'
import { deleteAttachments } from './expired-attachments.js'
import { messagesExpired } from './metrics.js'

export const EXPIRE_BATCH = 500
/** calls answered by a standby repo before this run gives up (the next run tries again) */
const STANDBY_TRIES = 8
/** the first run waits this long after start (or one interval, if shorter), so that it never slows a start */
const FIRST_AFTER_MS = 10_000

export interface SweeperDeps {
  repo: Pick<RepoApi, 'ExpireMessages' | 'ReleaseAttachment'>
  /** absent: attachments are left to the blob store (a task started without one) */
  blobs?: BlobStore
  log: Logger
}

export interface SweeperOptions {
  defaultRetentionDays: number
  everyMs: number
  firstAfterMs?: number
  batch?: number
}

export interface SweepRun {
  /** false: no repo holding the lease answered */
  active: boolean
  records: number
  conversations: number
  attachments: number
}

export class RetentionSweeper {
  private timer: NodeJS.Timeout | undefined
  private running: Promise<unknown> | undefined
  private stopped = false

  constructor(
    private readonly deps: SweeperDeps,
    private readonly opts: SweeperOptions,
  ) {}

  start(): void {
    const schedule = (ms: number) => {
      this.timer = setTimeout(() => {
        this.running = this.runOnce()
          .catch((err: unknown) => this.deps.log.warn('retention sweep failed; trying again next round', { err }))
          .finally(() => {
            this.running = undefined
            if (!this.stopped) schedule(this.opts.everyMs)
          })
      }, ms)
      this.timer.unref()
    }
    schedule(this.opts.firstAfterMs ?? Math.min(FIRST_AFTER_MS, this.opts.everyMs))
  }

  /** stops after the batch in hand */
  async stop(): Promise<void> {
    this.stopped = true
    clearTimeout(this.timer)
    await this.running
  }

  /** one sweep: batches until one comes back short; what it removed */
  async runOnce(nowMs = Date.now()): Promise<SweepRun> {
    const limit = this.opts.batch ?? EXPIRE_BATCH
    const run: SweepRun = { active: false, records: 0, conversations: 0, attachments: 0 }
    const conversations = new Set<string>()
    for (let standby = 0; standby < STANDBY_TRIES && !this.stopped; ) {
      const res = await this.deps.repo.ExpireMessages({
        now_ms: nowMs,
        default_retention_days: this.opts.defaultRetentionDays,
        limit,
      })
      if (!res.active) {
        standby++
        continue
      }
      run.active = true
      run.records += res.expired.length
      messagesExpired.inc(res.expired.length)
      for (const e of res.expired) conversations.add(e.conversation_id)
      const attachments = res.expired.map((e) => e.attachment_id).filter((id) => id !== '')
      if (attachments.length && this.deps.blobs)
        run.attachments += await deleteAttachments({ ...this.deps, blobs: this.deps.blobs }, attachments)
      if (res.expired.length < limit) break
      await new Promise((r) => setImmediate(r)) // between transactions, let requests through
    }
    run.conversations = conversations.size
    if (run.records)
      this.deps.log.info('retention: expired messages removed from history', {
        ...run,
        before: new Date(nowMs).toISOString(),
      })
    return run
  }
}
