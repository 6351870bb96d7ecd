// The per-address counts the gateways share (address-sync.ts), on the embedded cache: only addresses at or over a
// quarter of the cap are published, one that falls under it is published once more as 0, and each gateway sees
// the sum of the others' counts, never its own.
import { describe, expect, it } from 'vitest'
import { MemoryCache } from '../../src/drivers/memory/cache.js'
import { createLogger } from '../../src/observability/log.js'
import { ADDRESS_COUNTS_KEY, startAddressSync, syncThreshold } from './address-sync.js'
import type { ConnectionGuard } from './connection-guard.js'

const log = createLogger({ test: 'address-sync' })

/** a guard's two sides the sync uses: this gateway's counts, and the remote counts it is given */
function fakeGuard(counts: Map<string, number>) {
  const seen: { remote: Map<string, number> } = { remote: new Map() }
  const guard = { counts: () => counts, setRemote: (m: Map<string, number>) => (seen.remote = m) }
  return { guard: guard as unknown as ConnectionGuard, seen }
}

describe('address sync', () => {
  it('publishes addresses at or over the threshold and gives each gateway the sum of the others', async () => {
    expect(syncThreshold(256)).toBe(64)
    expect(syncThreshold(3)).toBe(1)
    const cache = new MemoryCache()
    const a = fakeGuard(
      new Map([
        ['10.0.0.1', 5],
        ['10.0.0.2', 1],
      ]),
    )
    const b = fakeGuard(new Map([['10.0.0.1', 3]]))
    const cCounts = new Map([
      ['10.0.0.1', 2],
      ['2001:db8:0:1::/64', 4],
    ])
    const c = fakeGuard(cCounts)
    const opts = { cache, maxPerAddress: 8, intervalMs: 60_000, log }
    const syncs = [
      startAddressSync({ ...opts, guard: a.guard, gatewayId: 'gw-a' }),
      startAddressSync({ ...opts, guard: b.guard, gatewayId: 'gw-b' }),
      startAddressSync({ ...opts, guard: c.guard, gatewayId: 'gw-c' }),
    ]
    try {
      for (const s of syncs) await s.tick()
      for (const s of syncs) await s.tick()
      // threshold 2: 10.0.0.2 (1 connection) is never published
      expect(a.seen.remote).toEqual(
        new Map([
          ['10.0.0.1', 5],
          ['2001:db8:0:1::/64', 4],
        ]),
      )
      expect(b.seen.remote).toEqual(
        new Map([
          ['10.0.0.1', 7],
          ['2001:db8:0:1::/64', 4],
        ]),
      )
      expect(c.seen.remote).toEqual(new Map([['10.0.0.1', 8]]))

      // c's address falls under the threshold: written once more as 0, so the others stop counting it at once
      cCounts.delete('2001:db8:0:1::/64')
      cCounts.set('10.0.0.1', 1)
      await syncs[2]!.tick()
      await syncs[0]!.tick()
      expect(a.seen.remote).toEqual(
        new Map([
          ['10.0.0.1', 3],
          ['2001:db8:0:1::/64', 0],
        ]),
      )
      const [fields] = await cache.hashGetMany([ADDRESS_COUNTS_KEY])
      expect(fields!.get('gw-c|2001:db8:0:1::/64')).toBe('0')
    } finally {
      for (const s of syncs) s.stop()
      await cache.close()
    }
  })
})
