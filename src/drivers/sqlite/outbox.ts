// The SQLite store's transactional outbox: records appended with the writes they describe, the relay's lease,
// and the purge of published rows (nobody else reads the file).
import type { OutboxLease, OutboxRecord } from '../../ports/store.js'
import { SqliteRevocations } from './revocations.js'

const PURGE_BATCH = 10_000
/** published outbox rows older than this are deleted as the relay marks more (nobody else can read the file) */
const KEEP_PUBLISHED_MS = 10 * 60_000
const PURGE_EVERY_MS = 10_000

export abstract class SqliteOutbox extends SqliteRevocations {
  async appendOutbox(outbox: OutboxRecord[]): Promise<void> {
    this.tx(() => this.insertOutbox(outbox))
  }

  /** One relay per process: the file belongs to this process alone (see the header), so a flag is the lease. */
  async acquireOutboxLease(): Promise<OutboxLease | null> {
    if (this.leaseHeld) return null
    this.leaseHeld = true
    let held = true
    const mine = () => {
      if (!held || this.closed) throw new Error('the outbox lease was released')
    }
    return {
      pending: async (limit) => {
        mine()
        const now = Date.now()
        return this.all(
          'SELECT id, topic, msg_key, value, headers, created_at FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT ?',
          limit,
        ).map((r) => ({
          id: Number(r.id),
          topic: r.topic as string,
          key: r.msg_key as string | null,
          value: r.value as Buffer,
          headers: JSON.parse(r.headers as string) as Record<string, string>,
          ageMs: Math.max(0, now - Number(r.created_at)),
        }))
      },
      countPending: async () => {
        mine()
        return Number(this.one('SELECT COUNT(*) AS n FROM outbox WHERE published_at IS NULL')!.n)
      },
      markPublished: async (ids) => {
        mine()
        const now = Date.now()
        this.run(
          'UPDATE outbox SET published_at = ? WHERE id IN (SELECT value FROM json_each(?)) AND published_at IS NULL',
          now,
          JSON.stringify(ids),
        )
        // the relay purges once an hour, keeping a day; at hundreds of messages a second that is gigabytes here
        if (now - this.lastPurge >= PURGE_EVERY_MS) {
          this.lastPurge = now
          this.run(
            'DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE published_at < ? LIMIT ?)',
            now - KEEP_PUBLISHED_MS,
            PURGE_BATCH,
          )
        }
      },
      purgePublished: async (olderThanMs) => {
        mine()
        const before = Date.now() - olderThanMs
        let total = 0
        for (;;) {
          // in batches, so that a large purge never holds the write lock long
          const n = this.run(
            'DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE published_at < ? LIMIT ?)',
            before,
            PURGE_BATCH,
          ).changes
          total += n
          if (n < PURGE_BATCH) return total
          await new Promise((resolve) => setImmediate(resolve))
        }
      },
      release: async () => {
        if (held) this.leaseHeld = false
        held = false
      },
    }
  }
}
