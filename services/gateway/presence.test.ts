// A connect burst registers presence in one cache call and publishes its user.online events in one bus call, with
// the events' meaning kept: one user.online per user whose first connection anywhere this was.
import { describe, expect, it, vi } from 'vitest'
import { MemoryCache } from '../../src/drivers/memory/cache.js'
import type { Bus } from '../../src/ports/bus.js'
import { log } from '../../src/observability/log.js'
import { Connection } from './connections.js'
import { createPresence } from './presence.js'

function setup() {
  const cache = new MemoryCache()
  const putMany = vi.spyOn(cache, 'hashPutMany')
  const published: Array<{ key?: string | null; value: string }[]> = []
  const bus = { publish: vi.fn(async (_topic: string, records) => void published.push(records)) } as unknown as Bus
  const glue = (gatewayId: string) =>
    createPresence({ cache, bus, gatewayId, ttlMs: 60_000, userEventsTopic: 'user-events', log })
  return { putMany, published, glue }
}

const conn = (userId: string) => new Connection(userId, {} as never)
const types = (records: { value: string }[]) =>
  records.map((r) => (JSON.parse(r.value) as { event_type: string }).event_type)

describe('gateway presence: connect bursts', () => {
  it('registers the connects of one tick in one call and publishes their user.online events in one publish', async () => {
    const { putMany, published, glue } = setup()
    const gw = glue('gw1')
    const conns = ['u1', 'u2', 'u1', 'u3'].map(conn)
    await Promise.all(conns.map((c) => gw.connected(c)))
    expect(putMany).toHaveBeenCalledTimes(1)
    expect(published).toHaveLength(1)
    // u1's second device is not a second user.online
    expect(published[0]!.map((r) => r.key)).toEqual(['u1', 'u2', 'u3'])
    expect(types(published[0]!).every((t) => t === 'user.online')).toBe(true)
    expect(await gw.online(['u1', 'u2', 'u3', 'u4'])).toEqual(new Set(['u1', 'u2', 'u3']))
  })

  it('publishes no user.online for a user already online on another gateway, and user.offline after the last', async () => {
    const { published, glue } = setup()
    const [gw1, gw2] = [glue('gw1'), glue('gw2')]
    const [a, b] = [conn('u1'), conn('u1')]
    await gw1.connected(a)
    await gw2.connected(b)
    expect(published.flat().map((r) => r.key)).toEqual(['u1'])
    await gw1.disconnected(a)
    expect(published).toHaveLength(1)
    await gw2.disconnected(b)
    expect(types(published[1]!)).toEqual(['user.offline'])
  })

  it('fails every connect of a batch when the cache fails, and publishes nothing', async () => {
    const { putMany, published, glue } = setup()
    putMany.mockRejectedValueOnce(new Error('cache down'))
    const gw = glue('gw1')
    const results = await Promise.allSettled(['u1', 'u2'].map((u) => gw.connected(conn(u))))
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected'])
    expect(published).toHaveLength(0)
  })
})
