// The cache port's contract, with the seq allocation and presence built on it: every driver passes the same
// suite (src/drivers/memory/cache.test.ts, test/integration/redis-cache.test.ts).
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Cache } from '../../src/ports/cache.js'
import { Presence } from '../../src/presence/presence.js'
import { nextSeq } from '../../services/repo/seq.js'
import { sleep } from '../helpers/until.js'

export interface CacheFixture {
  cache: Cache
  cleanup(): Promise<void>
}

const uid = (prefix = 'k') => `${prefix}-${randomUUID().slice(0, 12)}`

export function cacheContract(driver: string, open: () => Promise<CacheFixture>): void {
  describe(`cache contract: ${driver}`, () => {
    let fx: CacheFixture
    let cache: Cache
    beforeAll(async () => {
      fx = await open()
      cache = fx.cache
    })
    afterAll(async () => {
      await fx?.cleanup()
    })

    describe('counters', () => {
      it('incrExisting never creates a key; incrAtLeast raises to the floor, never lowers', async () => {
        const key = uid()
        expect(await cache.incrExisting(key)).toBeNull()
        expect(await cache.incrExisting(key)).toBeNull()
        expect(await cache.incrAtLeast(key, 10)).toBe(11)
        expect(await cache.incrExisting(key)).toBe(12)
        expect(await cache.incrAtLeast(key, 5)).toBe(13)
        expect(await cache.incrAtLeast(key, 100)).toBe(101)
        expect(await cache.incrAtLeast(uid(), 2 ** 50)).toBe(2 ** 50 + 1)
      })

      it('incrSeeded creates a missing counter at the floor, and leaves an existing one as it is', async () => {
        const key = uid()
        expect(await cache.incrSeeded(key, 10)).toBe(11)
        expect(await cache.incrSeeded(key, 100)).toBe(12) // it exists: the floor does not apply
        expect(await cache.incrSeeded(key, 0)).toBe(13)
        // seeders that read different floors (one before, one after a reservation moved it) do not leave a gap
        const fresh = uid()
        expect(await Promise.all([cache.incrSeeded(fresh, 0), cache.incrSeeded(fresh, 100)])).toEqual([1, 2])
      })

      it('re-seeds race-free: concurrent seeders of a missing key get distinct consecutive values', async () => {
        const key = uid()
        const got = await Promise.all(Array.from({ length: 20 }, () => cache.incrAtLeast(key, 7)))
        expect(got.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => 8 + i))
      })

      it('seq allocation re-seeds from MAX(seq) when the key vanished, and never repeats a seq', async () => {
        const conversation = uid('c')
        let max = 0
        const maxSeq = vi.fn(async () => max)
        const stored: number[] = []
        const send = async () => {
          const seq = await nextSeq(cache, conversation, maxSeq)
          stored.push(seq)
          max = Math.max(max, seq)
        }
        for (let i = 0; i < 5; i++) await send()
        expect(maxSeq).toHaveBeenCalledTimes(1)
        await cache.del(`seq:${conversation}`)
        for (let i = 0; i < 3; i++) await send()
        expect(maxSeq).toHaveBeenCalledTimes(2)
        expect(stored).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
        // a counter behind the table (left from before rows were stored without it) is raised when told what is
        // stored; one ahead is left as it is
        await cache.del(`seq:${conversation}`)
        await cache.incrAtLeast(`seq:${conversation}`, 2)
        expect(await nextSeq(cache, conversation, maxSeq)).toBe(4)
        expect(await nextSeq(cache, conversation, maxSeq, 8)).toBe(9)
        expect(await nextSeq(cache, conversation, maxSeq, 8)).toBe(10)
        expect(maxSeq).toHaveBeenCalledTimes(2)
      })
    })

    describe('values', () => {
      it('gets, sets with a TTL, sets if absent, deletes', async () => {
        const key = uid()
        expect(await cache.get(key)).toBeNull()
        await cache.set(key, 'one', 60_000)
        expect(await cache.get(key)).toBe('one')
        expect(await cache.setIfAbsent(key, 'two', 60_000)).toBe(false)
        expect(await cache.get(key)).toBe('one')
        await cache.del(key)
        expect(await cache.get(key)).toBeNull()
        expect(await cache.setIfAbsent(key, 'three', 60_000)).toBe(true)
        expect(await cache.get(key)).toBe('three')
      })

      it('expires values after their TTL', async () => {
        const key = uid()
        await cache.set(key, 'short', 50)
        expect(await cache.setIfAbsent(uid(), 'x', 50)).toBe(true)
        await sleep(120)
        expect(await cache.get(key)).toBeNull()
        expect(await cache.setIfAbsent(key, 'again', 60_000)).toBe(true)
      })

      it('gets many values at once, in order, null for the missing', async () => {
        const [a, b] = [uid(), uid()]
        await cache.set(a, 'A', 60_000)
        await cache.set(b, 'B', 60_000)
        expect(await cache.getMany([b, uid(), a])).toEqual(['B', null, 'A'])
        expect(await cache.getMany([])).toEqual([])
      })

      it('incrWindow counts within a window that starts at the first increment and is not extended by later ones', async () => {
        const key = uid()
        expect(await cache.incrWindow(key, 300)).toBe(1)
        expect(await Promise.all([cache.incrWindow(key, 300), cache.incrWindow(key, 300)])).toEqual(
          expect.arrayContaining([2, 3]),
        )
        expect(await cache.get(key)).toBe('3')
        await sleep(150)
        expect(await cache.incrWindow(key, 300)).toBe(4) // a later increment does not restart the window
        await sleep(250)
        expect(await cache.get(key)).toBeNull()
        expect(await cache.incrWindow(key, 60_000)).toBe(1)
        await cache.del(key)
        expect(await cache.incrWindow(key, 60_000)).toBe(1)
        // by more than one, and back (a reservation given back)
        expect(await cache.incrWindow(key, 60_000, 40)).toBe(41)
        expect(await cache.incrWindow(key, 60_000, -40)).toBe(1)
      })
    })

    describe('expiring hashes', () => {
      it('counts live fields on put and remove', async () => {
        const key = uid()
        expect(await cache.hashPut(key, 'a', 'gw-1', 60_000)).toBe(1)
        expect(await cache.hashPut(key, 'b', 'gw-2', 60_000)).toBe(2)
        expect(await cache.hashPut(key, 'a', 'gw-1', 60_000)).toBe(2)
        expect(await cache.hashRemove(key, 'a')).toBe(1)
        expect(await cache.hashRemove(key, 'a')).toBe(1)
        expect(await cache.hashRemove(key, 'b')).toBe(0)
        expect(await cache.hashRemove(uid(), 'x')).toBe(0)
        expect(await cache.hashGetMany([key])).toEqual([new Map()])
      })

      it('expires fields one by one, and the whole hash after its last field', async () => {
        const key = uid()
        await cache.hashPut(key, 'short', 'v1', 60)
        expect(await cache.hashPut(key, 'long', 'v2', 60_000)).toBe(2)
        await sleep(120)
        expect(await cache.hashGetMany([key])).toEqual([new Map([['long', 'v2']])])
        expect(await cache.hashPut(key, 'third', 'v3', 60_000)).toBe(2)
        const gone = uid()
        await cache.hashPut(gone, 'f', 'v', 60)
        await sleep(120)
        expect(await cache.hashGetMany([gone])).toEqual([new Map()])
        expect(await cache.hashPut(gone, 'g', 'v', 60_000)).toBe(1)
      })

      it('writes and reads many hashes at once, in order', async () => {
        const [k1, k2, k3] = [uid(), uid(), uid()]
        // per write: the live fields of its hash right after it (k1 counts 1, then 2)
        expect(
          await cache.hashPutMany(
            [
              { key: k1, field: 'a', value: '1' },
              { key: k2, field: 'b', value: '2' },
              { key: k1, field: 'c', value: '3' },
            ],
            60_000,
          ),
        ).toEqual([1, 1, 2])
        expect(await cache.hashPutMany([], 60_000)).toEqual([])
        expect(await cache.hashGetMany([k2, k3, k1])).toEqual([
          new Map([['b', '2']]),
          new Map(),
          new Map([
            ['a', '1'],
            ['c', '3'],
          ]),
        ])
        expect(await cache.hashGetMany([])).toEqual([])
      })
    })

    describe('presence', () => {
      const presence = (ttlMs = 60_000) => new Presence(cache, { ttlMs })

      it('register and unregister return the live connections (0→1 online, 1→0 offline)', async () => {
        const p = presence()
        const user = uid('u')
        expect(await p.register(user, 'gw-1', 'c1')).toBe(1)
        expect(await p.register(user, 'gw-2', 'c2')).toBe(2)
        expect(await p.register(user, 'gw-1', 'c3')).toBe(3)
        // the same connection id on another gateway is another connection
        expect(await p.register(user, 'gw-2', 'c1')).toBe(4)
        expect((await p.lookup([user])).get(user)).toEqual(['gw-1', 'gw-2'])
        expect(await p.unregister(user, 'gw-1', 'c1')).toBe(3)
        expect(await p.unregister(user, 'gw-2', 'c2')).toBe(2)
        expect(await p.unregister(user, 'gw-2', 'c1')).toBe(1)
        expect((await p.lookup([user])).get(user)).toEqual(['gw-1'])
        expect(await p.unregister(user, 'gw-1', 'c3')).toBe(0)
        expect((await p.lookup([user])).get(user)).toEqual([])
      })

      it('expires connections that are not refreshed; a heartbeat keeps them', async () => {
        // margins of a few hundred ms: on two loaded cores a refresh and a lookup may take 100 ms between them
        const p = presence(600)
        const [kept, dropped] = [uid('u'), uid('u')]
        await p.register(kept, 'gw-1', 'c1')
        await p.register(dropped, 'gw-9', 'c1')
        await sleep(360)
        await p.refresh('gw-1', [{ userId: kept, connectionId: 'c1' }])
        await sleep(360)
        const seen = await p.lookup([kept, dropped])
        expect(seen.get(kept)).toEqual(['gw-1'])
        expect(seen.get(dropped)).toEqual([])
        await sleep(480)
        expect((await p.lookup([kept])).get(kept)).toEqual([])
        expect(await p.register(kept, 'gw-1', 'c2')).toBe(1)
      })

      it('looks up 5,000 users in one batched call', async () => {
        const p = presence()
        const users = Array.from({ length: 5_000 }, (_, i) => `${uid('bulk')}-${i}`)
        const online = users.filter((_, i) => i % 2 === 0) // 2,500: refreshed in more than one chunk of writes
        await p.refresh(
          'gw-7',
          online.map((userId) => ({ userId, connectionId: 'c' })),
        )
        // speed belongs to the benchmarks; what is checked here is that it is one batched call
        const spy = vi.spyOn(cache, 'hashGetMany')
        const found = await p.lookup(users)
        expect(spy).toHaveBeenCalledTimes(1)
        spy.mockRestore()
        expect(found.size).toBe(5_000)
        expect(users.filter((u) => found.get(u)!.length > 0)).toEqual(online)
        expect(found.get(online[3]!)).toEqual(['gw-7'])
      })
    })
  })
}
