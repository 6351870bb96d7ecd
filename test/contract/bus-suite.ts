// What every case of the bus contract (test/contract/bus*.contract.ts) works with: the suite's bus, fresh topics and
// groups on it, and waiting for records.
import { expect } from 'vitest'
import type { Bus, BusRecord, Subscription } from '../../src/ports/bus.js'
import { partitionForKey } from '../../src/drivers/memory/bus.js'
import { waitUntil } from '../helpers/until.js'

export interface BusSuite {
  /** the bus under test (made before the first case) */
  readonly bus: Bus
  /** subscriptions the suite stops after each case */
  subs: Subscription[]
  /** this run's part of every topic and group name */
  run: string
  /** a fresh group name */
  group(label: string): string
  /** a fresh topic, created */
  topic(label: string, partitions: number): Promise<string>
  /** subscribes, stopping the subscription after the case */
  subscribe(...args: Parameters<Bus['subscribe']>): Promise<Subscription>
  /** how long to keep listening after the expected records arrived, to catch duplicates and extras */
  settleMs: number
  /** per-case timeout */
  timeout: number
  /** the least time a failed partition is expected to wait before its records come again */
  minRetryPauseMs: number
}

export const waitFor = (what: string, cond: () => boolean, timeoutMs = 12_000) => waitUntil(cond, timeoutMs, 20, what)
export const text = (r: BusRecord) => r.value.toString()

/** the first key (k0, k1, …) that Kafka's partitioner puts on the given partition */
export function keyFor(partition: number, partitions: number, prefix = 'k'): string {
  for (let i = 0; ; i++) if (partitionForKey(`${prefix}${i}`, partitions) === partition) return `${prefix}${i}`
}

/** the suite's bus and its fresh names, for the cases of one describe */
export function busSuite(makeBus: () => Promise<Bus>, settleMs: number, timeout: number, minRetryPauseMs: number) {
  let bus: Bus
  const subs: Subscription[] = []
  const run = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`
  let seq = 0
  const s: BusSuite & { start(): Promise<void> } = {
    get bus() {
      return bus
    },
    subs,
    run,
    group: (label) => `contract.${run}.${label}.${++seq}`,
    topic: async (label, partitions) => {
      const name = `contract.${run}.${label}.${++seq}`
      expect(await bus.ensureTopics([{ name, partitions, replicationFactor: 1 }])).toEqual([name])
      return name
    },
    subscribe: async (...args) => {
      const sub = await bus.subscribe(...args)
      subs.push(sub)
      return sub
    },
    settleMs,
    timeout,
    minRetryPauseMs,
    async start() {
      bus = await makeBus()
    },
  }
  return s
}
