// The bus contract's cases on consuming: groups, committed offsets, stopping, redelivery and its pause, dead letters
// and where a new group starts (test/contract/bus.contract.ts runs them).
import { expect, it } from 'vitest'
import type { BusRecord } from '../../src/ports/bus.js'
import { runConsumer } from '../../src/messaging/consumer.js'
import { AppError } from '../../src/core/errors.js'
import { createLogger } from '../../src/observability/log.js'
import { sleep } from '../helpers/until.js'
import { type BusSuite, keyFor, text, waitFor } from './bus-suite.js'

export function busConsumerCases(suite: BusSuite): void {
  const { subs, group, topic, subscribe, settleMs, timeout, minRetryPauseMs } = suite

  it(
    'shares partitions between the members of one group',
    async () => {
      const t = await topic('share', 4)
      const g = group('share')
      const a: BusRecord[] = []
      const b: BusRecord[] = []
      await subscribe({ groupId: g, topics: [t], fromBeginning: true, eachBatch: async (rs) => void a.push(...rs) })
      await subscribe({ groupId: g, topics: [t], fromBeginning: true, eachBatch: async (rs) => void b.push(...rs) })
      await suite.bus.publish(
        t,
        Array.from({ length: 120 }, (_, i) => ({ key: `k${i}`, value: String(i) })),
      )
      await waitFor('120 records', () => a.length + b.length >= 120)
      await sleep(settleMs)
      const all = [...a, ...b].map(text)
      expect(all).toHaveLength(120)
      expect(new Set(all).size).toBe(120)
      expect(a.length).toBeGreaterThan(0)
      expect(b.length).toBeGreaterThan(0)
      const pa = new Set(a.map((r) => r.partition))
      expect(b.some((r) => pa.has(r.partition))).toBe(false)
    },
    timeout,
  )

  it(
    'resumes from committed offsets after a restart: nothing again, nothing skipped',
    async () => {
      const t = await topic('restart', 2)
      const g = group('restart')
      const first: string[] = []
      await suite.bus.publish(
        t,
        Array.from({ length: 50 }, (_, i) => ({ key: `k${i % 7}`, value: String(i) })),
      )
      const sub = await subscribe({
        groupId: g,
        topics: [t],
        fromBeginning: true,
        eachBatch: async (rs) => void first.push(...rs.map(text)),
      })
      await waitFor('first 50', () => first.length >= 50)
      await sub.stop()
      await suite.bus.publish(
        t,
        Array.from({ length: 50 }, (_, i) => ({ key: `k${i % 7}`, value: String(50 + i) })),
      )
      // fromBeginning again: only committed offsets keep the first 50 from coming back
      const second: string[] = []
      await subscribe({
        groupId: g,
        topics: [t],
        fromBeginning: true,
        eachBatch: async (rs) => void second.push(...rs.map(text)),
      })
      await waitFor('next 50', () => second.length >= 50)
      await sleep(settleMs)
      expect(first.sort()).toEqual(Array.from({ length: 50 }, (_, i) => String(i)).sort())
      expect(second.sort()).toEqual(Array.from({ length: 50 }, (_, i) => String(50 + i)).sort())
    },
    timeout,
  )

  it(
    'stop() waits for the batch in hand and commits it',
    async () => {
      const t = await topic('stop', 1)
      const g = group('stop')
      let release!: () => void
      const gate = new Promise<void>((r) => (release = r))
      const first: string[] = []
      const sub = await subscribe({
        groupId: g,
        topics: [t],
        fromBeginning: true,
        eachBatch: async (rs) => {
          first.push(...rs.map(text))
          await gate
        },
      })
      await suite.bus.publish(t, [{ value: 'one' }])
      await waitFor('the batch in hand', () => first.length > 0)
      let stopped = false
      const stopping = sub.stop().then(() => (stopped = true))
      await sleep(settleMs)
      expect(stopped).toBe(false)
      release()
      await stopping
      const second: string[] = []
      await subscribe({
        groupId: g,
        topics: [t],
        fromBeginning: true,
        eachBatch: async (rs) => void second.push(...rs.map(text)),
      })
      await suite.bus.publish(t, [{ value: 'two' }])
      await waitFor('the next record', () => second.length > 0)
      await sleep(settleMs)
      expect(first).toEqual(['one'])
      expect(second).toEqual(['two'])
    },
    timeout,
  )

  it(
    'redelivers a failed batch after a pause without blocking other partitions',
    async () => {
      const t = await topic('retry', 2)
      const [k0, k1] = [keyFor(0, 2), keyFor(1, 2)]
      const failed: BusRecord[][] = []
      const succeeded: BusRecord[][] = []
      const attemptsAt: number[] = []
      const p1: string[] = []
      await subscribe({
        groupId: group('retry'),
        topics: [t],
        fromBeginning: true,
        eachBatch: async (rs) => {
          if (rs[0]!.partition === 1) return void p1.push(...rs.map(text))
          attemptsAt.push(Date.now())
          // partition 0 fails until partition 1 has been fully handled: proves p1 flowed while p0 waited
          if (p1.length < 5) {
            failed.push(rs)
            throw new Error('boom')
          }
          succeeded.push(rs)
        },
      })
      await suite.bus.publish(
        t,
        Array.from({ length: 5 }, (_, i) => ({ key: k0, value: `p0:${i}` })),
      )
      await waitFor('a failure on partition 0', () => failed.length > 0)
      await suite.bus.publish(
        t,
        Array.from({ length: 5 }, (_, i) => ({ key: k1, value: `p1:${i}` })),
      )
      await waitFor('partition 0 to succeed', () => succeeded.flat().length >= 5)
      await sleep(settleMs)
      expect(p1).toEqual(['p1:0', 'p1:1', 'p1:2', 'p1:3', 'p1:4'])
      expect(succeeded.flat().map(text)).toEqual(['p0:0', 'p0:1', 'p0:2', 'p0:3', 'p0:4'])
      // the same records again, from the failed batch's first offset
      for (const f of failed)
        expect(f.map((r) => r.offset)).toEqual(succeeded[0]!.slice(0, f.length).map((r) => r.offset))
      // after a pause, not in a hot loop
      attemptsAt.slice(1).forEach((at, i) => expect(at - attemptsAt[i]!).toBeGreaterThanOrEqual(minRetryPauseMs))
    },
    timeout,
  )

  it(
    'dead-letters an undecodable record (runConsumer) and still handles the records after it',
    async () => {
      const t = await topic('poison', 1)
      const handled: number[] = []
      const dead: Array<{ value: string; reason: string }> = []
      subs.push(
        await runConsumer({
          bus: suite.bus,
          groupId: group('poison'),
          topics: [t],
          fromBeginning: true,
          log: createLogger({ test: 'contract' }),
          decode: (r) => {
            const v = JSON.parse(text(r)) as { n?: unknown }
            if (typeof v.n !== 'number') throw new Error('n must be a number')
            return v.n
          },
          handle: async (items) => void handled.push(...items.map((i) => i.value)),
          deadLetter: async (r, reason) => void dead.push({ value: text(r), reason }),
        }),
      )
      await suite.bus.publish(
        t,
        ['{"n":1}', 'not json', '{"n":2}', '{"n":"x"}', '{"n":3}'].map((value) => ({ key: 'c', value })),
      )
      await waitFor('three handled and two dead letters', () => handled.length >= 3 && dead.length >= 2)
      await sleep(settleMs)
      expect(handled).toEqual([1, 2, 3])
      expect(dead.map((d) => d.value)).toEqual(['not json', '{"n":"x"}'])
      expect(dead[1]!.reason).toContain('n must be a number')
    },
    timeout,
  )

  it(
    'waits the retryAfterMs a rejection carries before the same records come again',
    async () => {
      const t = await topic('retry-after', 1)
      const attemptsAt: number[] = []
      await subscribe({
        groupId: group('retry-after'),
        topics: [t],
        fromBeginning: true,
        eachBatch: async () => {
          attemptsAt.push(Date.now())
          if (attemptsAt.length < 3) throw Object.assign(new Error('later'), { retryAfterMs: minRetryPauseMs + 600 })
        },
      })
      await suite.bus.publish(t, [{ key: 'c', value: 'x' }])
      await waitFor('a third attempt', () => attemptsAt.length >= 3)
      attemptsAt.slice(1).forEach((at, i) => expect(at - attemptsAt[i]!).toBeGreaterThanOrEqual(minRetryPauseMs + 550))
    },
    timeout,
  )

  it(
    'dead-letters a record the handler refuses as bad input (runConsumer) with the reason; the rest goes on in order',
    async () => {
      const t = await topic('refused', 1)
      const handled: number[] = []
      const batches: number[][] = []
      const dead: Array<{ value: string; reason: string }> = []
      let outage = 2
      subs.push(
        await runConsumer({
          bus: suite.bus,
          groupId: group('refused'),
          topics: [t],
          fromBeginning: true,
          log: createLogger({ test: 'contract' }),
          retry: { batchRetries: 3, recordWindowMs: 60_000, baseMs: 10, capMs: 50 },
          decode: (r) => Number(text(r)),
          handle: async (items) => {
            batches.push(items.map((i) => i.value))
            // the first two tries fail as an outage would: the batch is tried again whole, nothing dead-lettered
            if (outage-- > 0) throw new Error('connect ECONNREFUSED')
            if (items.some((i) => i.value === 3))
              throw new AppError('bad_request', 'message_id is longer than 64 characters')
            handled.push(...items.map((i) => i.value))
          },
          deadLetter: async (r, reason) => void dead.push({ value: text(r), reason }),
        }),
      )
      await suite.bus.publish(
        t,
        ['1', '2', '3', '4', '5'].map((value) => ({ key: 'c', value })),
      )
      await waitFor('four handled and a dead letter', () => handled.length >= 4 && dead.length >= 1)
      await sleep(settleMs)
      expect(handled).toEqual([1, 2, 4, 5])
      expect(dead).toEqual([{ value: '3', reason: 'refused: bad_request: message_id is longer than 64 characters' }])
      expect(batches.slice(0, 3).map((b) => b.length)).toEqual([5, 5, 5])
    },
    timeout,
  )

  it(
    'starts a new group at the beginning with fromBeginning, else at the end',
    async () => {
      const t = await topic('start', 2)
      await suite.bus.publish(
        t,
        Array.from({ length: 5 }, (_, i) => ({ key: `k${i}`, value: `old${i}` })),
      )
      const early: string[] = []
      const late: string[] = []
      await subscribe({
        groupId: group('early'),
        topics: [t],
        fromBeginning: true,
        eachBatch: async (rs) => void early.push(...rs.map(text)),
      })
      await subscribe({
        groupId: group('late'),
        topics: [t],
        eachBatch: async (rs) => void late.push(...rs.map(text)),
      })
      await suite.bus.publish(
        t,
        Array.from({ length: 5 }, (_, i) => ({ key: `k${i}`, value: `new${i}` })),
      )
      await waitFor('both groups', () => early.length >= 10 && late.length >= 5)
      await sleep(settleMs)
      expect(early.sort()).toEqual([
        ...Array.from({ length: 5 }, (_, i) => `new${i}`),
        ...Array.from({ length: 5 }, (_, i) => `old${i}`),
      ])
      expect(late.sort()).toEqual(Array.from({ length: 5 }, (_, i) => `new${i}`))
    },
    timeout,
  )
}
