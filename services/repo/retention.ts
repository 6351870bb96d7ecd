// Retention handlers: a conversation's settings, and ExpireMessages, one batch of the sweep the task role runs
// (services/task/retention-sweep.ts). Only the repo whose outbox relay holds the store's lease answers a batch —
// the housekeeping rule (housekeeping.ts), so one sweep runs at a time in a cluster — and it runs its batches one
// after the other, whichever task asks.
import { AppError } from '../../src/core/errors.js'
import type { RetentionSettings as WireSettings } from '../../src/contracts/generated/gochat/repo/v1/RetentionSettings.js'
import type { RetentionSettings } from '../../src/ports/retention.js'
import type { RepoApi } from '../../src/rpc/api.js'
import { committer, id, type RepoServiceDeps } from './deps.js'
import { int, outboxOf } from './wire.js'

/** a batch is at most this many records (one transaction) */
export const MAX_EXPIRE_BATCH = 1000

const settingsOut = (s: RetentionSettings) => ({ retention_days: s.retentionDays, ttl_seconds: s.ttlSeconds })
const settingsIn = (s: WireSettings | null | undefined): RetentionSettings => ({
  retentionDays: int(s?.retention_days),
  ttlSeconds: int(s?.ttl_seconds),
})

export function retentionHandlers(
  deps: Pick<RepoServiceDeps, 'store' | 'onOutbox' | 'leaseHeld'>,
): Pick<RepoApi, 'GetRetention' | 'SetRetention' | 'ExpireMessages'> {
  const { store } = deps
  const committed = committer(deps)
  let batches: Promise<unknown> = Promise.resolve()
  const missing = (conversationId: string) => new AppError('not_found', `conversation ${conversationId} not found`)

  return {
    async GetRetention(req) {
      const conversationId = id(req.conversation_id, 'conversation_id')
      const s = await store.retention.getRetention(conversationId)
      if (!s) throw missing(conversationId)
      return settingsOut(s)
    },

    async SetRetention(req) {
      const conversationId = id(req.conversation_id, 'conversation_id')
      const outbox = outboxOf(req.events)
      const s = await store.retention.setRetention(conversationId, settingsIn(req.settings), outbox)
      if (!s) throw missing(conversationId)
      return committed(outbox, settingsOut(s))
    },

    async ExpireMessages(req) {
      if (!(deps.leaseHeld?.() ?? true)) return { active: false, expired: [] }
      const limit = int(req.limit)
      if (limit < 1 || limit > MAX_EXPIRE_BATCH)
        throw new AppError('bad_request', `limit must be 1 to ${MAX_EXPIRE_BATCH}`)
      const policy = { nowMs: int(req.now_ms), defaultRetentionDays: int(req.default_retention_days) }
      if (policy.defaultRetentionDays < 0) throw new AppError('bad_request', 'default_retention_days must be 0 or more')
      const batch = batches.then(() => store.retention.expireMessages(policy, limit))
      batches = batch.catch(() => undefined)
      const expired = await batch
      return {
        active: true,
        expired: expired.map((e) => ({
          conversation_id: e.conversationId,
          message_id: e.messageId,
          seq: e.seq,
          attachment_id: e.attachmentId,
        })),
      }
    },
  }
}
