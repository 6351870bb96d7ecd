// The store contract, revoked tokens: run on every driver by store.contract.ts (one store per driver, shared by
// the cases, so each uses ids and outbox topics of its own).
import { expect, it } from 'vitest'
import type { Store } from '../../src/ports/store.js'
import { uid, now, rejectsWith } from './store-suite.js'

/** revoked tokens; `store`: the suite's store (opened before the cases run) */
export function revocationCases(store: Store): void {
  it('keeps a revocation until it expires, answers a batch, pages the live ones, prunes the expired', async () => {
    const tag = uid('jti')
    const [a, b, c, expired] = ['a', 'b', 'c', 'x'].map((n) => `${tag}-${n}`) as [string, string, string, string]
    await store.revokeToken({ jti: a, expiresAt: now + 60_000 })
    await store.revokeToken({ jti: a, expiresAt: now + 1_000 }) // again, earlier: the later expiry stays
    await store.revokeToken({ jti: b, expiresAt: now + 60_000 })
    await store.revokeToken({ jti: expired, expiresAt: now - 1 })
    expect(await store.revokedTokenIds([a, b, c, expired, a], now)).toEqual(new Set([a, b]))
    expect(await store.revokedTokenIds([a], now + 30_000)).toEqual(new Set([a]))
    expect(await store.revokedTokenIds([], now)).toEqual(new Set())
    // the live ones, in jti order, a page at a time
    const mine = async (after: string, n: number) =>
      (await store.listRevocations(now, after, n)).filter((r) => r.jti.startsWith(tag))
    expect(await mine(`${tag}-`, 1)).toEqual([{ jti: a, expiresAt: now + 60_000 }])
    expect(await mine(a, 10)).toEqual([{ jti: b, expiresAt: now + 60_000 }])
    expect(await mine(`${tag}-`, 10)).toHaveLength(2)
    // pruned: the expired row is gone even for a clock that would still count it
    expect(await store.revokedTokenIds([expired], now - 10)).toEqual(new Set([expired]))
    expect(await store.pruneRevocations(now)).toBeGreaterThanOrEqual(1)
    expect(await store.revokedTokenIds([expired, a], now - 10)).toEqual(new Set([a]))
  })

  it('refuses an empty or over-long token id', async () => {
    await rejectsWith(store.revokeToken({ jti: '', expiresAt: now }), 'bad_request')
    await rejectsWith(store.revokeToken({ jti: 'j'.repeat(65), expiresAt: now }), 'bad_request')
  })
}
