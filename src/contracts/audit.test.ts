import { describe, expect, it } from 'vitest'
import { MemoryBus } from '../drivers/memory/bus.js'
import type { BusRecord } from '../ports/bus.js'
import { waitUntil } from '../../test/helpers/until.js'
import { AuditEvent, publishAudit } from './audit.js'

describe('publishAudit', () => {
  it('publishes one event keyed by its target, valid against the schema, and returns it', async () => {
    const bus = new MemoryBus({ defaultPartitions: 3 })
    await bus.ensureTopics([{ name: 't.audit', partitions: 3, replicationFactor: 1 }])
    const got: BusRecord[] = []
    const sub = await bus.subscribe({
      groupId: 'audit-test',
      topics: ['t.audit'],
      fromBeginning: true,
      eachBatch: async (records) => void got.push(...records),
    })
    const before = Date.now()
    const sent = await publishAudit(bus, 't.audit', { actor: 'cli', action: 'user.erased', target: 'u_x' })
    await waitUntil(() => got.length === 1, 2_000, 5)
    const parsed = AuditEvent.parse(JSON.parse(got[0]!.value.toString()))
    expect(parsed).toEqual(sent)
    expect(parsed).toMatchObject({ actor: 'cli', action: 'user.erased', target: 'u_x', details: {} })
    expect(parsed.at).toBeGreaterThanOrEqual(before)
    expect(got[0]!.key).toBe('u_x')
    expect(got[0]!.headers['gochat-audit-action']).toBe('user.erased')
    await sub.stop()
    await bus.close()
  })

  it('rejects when the bus does not take the event', async () => {
    const bus = { publish: async () => Promise.reject(new Error('brokers down')) }
    await expect(publishAudit(bus, 't.audit', { actor: 'cli', action: 'x', target: 'y' })).rejects.toThrow(
      'brokers down',
    )
  })
})
