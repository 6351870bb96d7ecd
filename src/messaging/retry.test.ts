// The attempt header is input: a negative, fractional or garbled value counts as 0, so no header buys more
// retries than message_retry_attempts, and a huge one only dead-letters sooner.
import { describe, expect, it } from 'vitest'
import type { Bus, BusRecord, OutgoingRecord } from '../ports/bus.js'
import { AppError } from '../core/errors.js'
import { attemptOf, retrier } from './retry.js'

const rec = (attempt?: string): BusRecord => ({
  topic: 'gochat.notifications.push',
  partition: 0,
  offset: '0',
  key: 'u1',
  value: Buffer.from('{}'),
  timestamp: 0,
  headers: attempt === undefined ? {} : { 'gochat-attempt': attempt },
})

describe('retries', () => {
  it('reads the attempt header as a small non-negative integer, else 0', () => {
    expect(
      [undefined, '0', '2', '-5', '-1000000', '1.5', 'NaN', '1e9', ' 3', '9999999'].map((a) => attemptOf(rec(a))),
    ).toEqual([0, 0, 2, 0, 0, 0, 0, 0, 0, 0])
  })

  it('dead-letters a record whose header claims more attempts than allowed, and retries one with a negative header once per allowed attempt', async () => {
    const published: Array<{ topic: string; records: OutgoingRecord[] }> = []
    const bus = {
      publish: async (topic: string, records: OutgoingRecord[]) => void published.push({ topic, records }),
    } as unknown as Bus
    const r = retrier(bus, { retry: 'retry', dlq: 'dlq' }, 'push', { attempts: 3, baseMs: 1, capMs: 1 })
    await r.fail(rec('999999'), new Error('x'))
    await r.fail(rec('-5'), new Error('x'))
    expect(published.map((p) => p.topic)).toEqual(['dlq', 'retry'])
    expect(JSON.parse(String(published[1]!.records[0]!.value))).toMatchObject({ attempt: 1 })
  })

  it('dead-letters a record refused as bad input at once, without retries', async () => {
    const published: Array<{ topic: string; records: OutgoingRecord[] }> = []
    const bus = {
      publish: async (topic: string, records: OutgoingRecord[]) => void published.push({ topic, records }),
    } as unknown as Bus
    await retrier(bus, { retry: 'retry', dlq: 'dlq' }, 'dispatch', { attempts: 3, baseMs: 1, capMs: 1 }).fail(
      rec(),
      new AppError('not_found', 'conversation c9 not found'),
    )
    expect(published.map((p) => p.topic)).toEqual(['dlq'])
    expect(JSON.parse(String(published[0]!.records[0]!.value))).toMatchObject({
      attempt: 0,
      lastError: 'refused: not_found: conversation c9 not found',
    })
  })
})
