// The store contract, the transactional outbox and its relay lease: run on every driver by store.contract.ts (one store per driver, shared by
// the cases, so each uses ids and outbox topics of its own).
import { expect, it } from 'vitest'
import type { Store } from '../../src/ports/store.js'
import { uid, record, rejectsWith, storeHelpers } from './store-suite.js'

/** outbox; `store`: the suite's store (opened before the cases run) */
export function outboxCases(store: Store): void {
  const { withLease } = storeHelpers(store)
  it('lists pending rows in id order through the lease, marks them published, purges old published rows', async () => {
    const topic = uid('t')
    await store.appendOutbox([record(topic, 1), record(topic, 2)])
    await store.appendOutbox([{ topic, key: null, value: Buffer.from([0, 255]), headers: {} }])
    await rejectsWith(store.appendOutbox([record(topic, 3), { ...record(topic), topic: '' }]), 'bad_request')
    await withLease(async (lease) => {
      const mine = async () => (await lease.pending(100_000)).filter((r) => r.topic === topic)
      const rows = await mine()
      expect(rows.map((r) => r.key)).toEqual(['k1', 'k2', null])
      expect(rows[0]!.headers).toEqual({ n: '1' })
      expect(rows[2]!.value).toEqual(Buffer.from([0, 255]))
      expect(rows[0]!.id).toBeLessThan(rows[1]!.id)

      await lease.markPublished([rows[0]!.id, rows[1]!.id])
      expect((await mine()).map((r) => r.id)).toEqual([rows[2]!.id])
      await lease.markPublished([rows[2]!.id])
      expect(await lease.purgePublished(3_600_000)).toBe(0)
      await new Promise((r) => setTimeout(r, 20))
      expect(await lease.purgePublished(5)).toBeGreaterThanOrEqual(3)
    })
  })

  it('grants the relay lease to one holder at a time; a released lease reads nothing', async () => {
    const first = await store.acquireOutboxLease()
    expect(first).not.toBeNull()
    expect(await store.acquireOutboxLease()).toBeNull()
    await first!.release()
    await expect(first!.pending(1)).rejects.toThrow()
    const second = await store.acquireOutboxLease()
    expect(second).not.toBeNull()
    await second!.release()
  })
}
