// The in-memory store's outbox: records appended with the writes they describe, and the relay's lease.
import { checkOutbox, type OutboxLease, type OutboxRecord, type PendingOutboxRow } from '../../ports/store.js'
import { MemoryRevocations } from './revocations.js'

const MAX_PUBLISHED_KEPT = 100_000

export abstract class MemoryOutbox extends MemoryRevocations {
  async appendOutbox(outbox: OutboxRecord[]): Promise<void> {
    checkOutbox(outbox)
    this.append(outbox)
  }

  async acquireOutboxLease(): Promise<OutboxLease | null> {
    if (this.leaseHeld) return null
    this.leaseHeld = true
    let held = true
    const mine = () => {
      if (!held) throw new Error('the outbox lease was released')
    }
    return {
      pending: async (limit) => {
        mine()
        const out: PendingOutboxRow[] = []
        const now = Date.now()
        for (const row of this.pending.values()) {
          if (out.length >= limit) break
          out.push({ ...row, headers: { ...row.headers }, ageMs: now - (this.committedAt.get(row.id) ?? now) })
        }
        return out
      },
      countPending: async () => {
        mine()
        return this.pending.size
      },
      markPublished: async (ids) => {
        mine()
        const now = Date.now()
        for (const id of ids)
          if (this.pending.delete(id)) {
            this.committedAt.delete(id)
            this.published.set(id, now)
          }
        for (const id of this.published.keys()) {
          if (this.published.size <= MAX_PUBLISHED_KEPT) break
          this.published.delete(id)
        }
      },
      purgePublished: async (olderThanMs) => {
        mine()
        const before = Date.now() - olderThanMs
        let n = 0
        for (const [id, at] of this.published) if (at < before && this.published.delete(id)) n++
        return n
      },
      release: async () => {
        if (held) this.leaseHeld = false
        held = false
      },
    }
  }
}
