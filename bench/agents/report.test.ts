import { describe, expect, it } from 'vitest'
import { emptyArrivals, recordArrival, type Tally } from '../accounting.js'
import { LatencyRecorder } from '../stats.js'
import type { WorkerResult } from '../worker-protocol.js'
import { fromWire, toWire, type AgentResult } from './protocol.js'
import { distributedCpu, mergeAgents, type AgentOutcome } from './report.js'

const MESSAGES = 3

/** a worker that received `samples` (latency ms) for `connections` connections */
function worker(samples: number[], connections: number, peakElu = 0.2): WorkerResult {
  const latencies = new LatencyRecorder()
  const arrivals = emptyArrivals(MESSAGES)
  samples.forEach((ms, k) => {
    latencies.record(ms)
    recordArrival(arrivals, 1 + (k % MESSAGES), 1000 + ms)
  })
  const tally: Tally = {
    received: samples.length,
    duplicates: 0,
    outOfOrder: 0,
    missing: connections * MESSAGES - samples.length,
  }
  return {
    tally,
    arrivals,
    latencies: latencies.encode(),
    lost: 0,
    elapsedMs: 1000,
    eventLoopUtilization: 0.1,
    peakEventLoopUtilization: peakElu,
    cpuMs: 100,
    processCpuMs: null,
    sent: 0,
    sendErrors: 0,
    perSecond: [samples.length],
  }
}

const clock = { offsetMs: 0.5, uncertaintyMs: 2, samples: 8 }
const outcome = (
  name: string,
  workers: WorkerResult[],
  connections: number,
  extra: Partial<AgentOutcome> = {},
): AgentOutcome => ({
  name,
  host: `${name}.example`,
  workers: workers.length,
  connections,
  connectFailures: 0,
  clock,
  // through the wire, as the coordinator gets it
  result: fromWire(
    JSON.parse(JSON.stringify(toWire({ workers, cpuMs: 300, elapsedMs: 1000, cores: 4 } satisfies AgentResult))),
  ),
  failure: null,
  ...extra,
})

describe('mergeAgents', () => {
  const a = [1.5, 2, 2.5, 3, 40, 41] // agent a: 2 connections × 3 messages
  const b1 = [0.8, 1, 1.2] // agent b, worker 1: 1 connection
  const b2 = [7, 9, 120] // agent b, worker 2: 1 connection

  it('merges the histograms exactly: the count is the sum of the samples, the percentiles those of their union', () => {
    const merged = mergeAgents(
      [outcome('a', [worker(a, 2)], 2), outcome('b', [worker(b1, 1), worker(b2, 1)], 2)],
      MESSAGES,
    )
    const union = new LatencyRecorder()
    for (const ms of [...a, ...b1, ...b2]) union.record(ms)
    expect(merged.latencies.count).toBe(a.length + b1.length + b2.length)
    expect(merged.latencies.summary()).toEqual(union.summary())
    expect(merged.tally).toEqual({ received: 12, duplicates: 0, outOfOrder: 0, missing: 0 })
    expect(merged.arrivals.count.slice(1)).toEqual([4, 4, 4])
    expect(merged.perSecond).toEqual([12])
    expect(merged.agents.failures).toEqual([])
    expect(merged.agents.agents.map((r) => [r.name, r.expected, r.received, r.coresUsed])).toEqual([
      ['a', 6, 6, 0.3],
      ['b', 6, 6, 0.3],
    ])
  })

  it("keeps a failed agent's deliveries in the denominators, all missing, and names it", () => {
    const merged = mergeAgents(
      [outcome('a', [worker(a, 2)], 2), outcome('b', [], 2, { result: null, failure: 'no heartbeat for 10 s' })],
      MESSAGES,
    )
    expect(merged.latencies.count).toBe(a.length)
    expect(merged.tally.received).toBe(6)
    expect(merged.tally.missing).toBe(6) // b's 2 connections × 3 messages
    expect(merged.agents.failures).toEqual(['agent b: no heartbeat for 10 s'])
    expect(merged.agents.agents[1]).toMatchObject({ expected: 6, received: 0, missing: 6, coresUsed: null })
  })

  it('does not count what a failed agent sent back before it was declared failed', () => {
    const merged = mergeAgents([outcome('a', [worker(a, 2)], 2, { failure: 'fell behind' })], MESSAGES)
    expect(merged.latencies.count).toBe(0)
    expect(merged.tally).toMatchObject({ received: 0, missing: 6 })
  })

  it('flags an agent whose worker loop saturated', () => {
    const merged = mergeAgents([outcome('a', [worker(a, 2, 0.97)], 2), outcome('b', [worker(b1, 1)], 1)], MESSAGES)
    expect(merged.agents.saturated).toEqual(['a'])
    expect(merged.agents.agents.map((r) => r.saturated)).toEqual([true, false])
  })
})

describe('the wire form of an agent result', () => {
  it('brings back the infinite extremes of messages nobody received', () => {
    const w = worker([], 1)
    const back = fromWire(JSON.parse(JSON.stringify(toWire({ workers: [w], cpuMs: null, elapsedMs: 1, cores: 1 }))))
    expect(back.workers[0]!.arrivals).toEqual(w.arrivals)
    expect(back.workers[0]!.latencies.max).toBe(-Infinity)
  })
})

describe('distributedCpu', () => {
  it("adds the agents' CPU to the coordinator's and judges saturation per agent", () => {
    const merged = mergeAgents([outcome('a', [worker([1], 1)], 1), outcome('b', [worker([1], 1, 0.99)], 1)], MESSAGES)
    const own = {
      processCpuMs: 100,
      activeMs: 1000,
      coresUsed: 0.1,
      cores: 2,
      mainThreadCpuMs: null,
      workers: [],
      saturated: false,
    }
    const cpu = distributedCpu(own, merged.agents)
    expect(cpu.processCpuMs).toBe(100 + 300 + 300)
    expect(cpu.coresUsed).toBe(0.7)
    expect(cpu.saturated).toBe(true) // b's worker loop
    expect(distributedCpu(own, undefined)).toBe(own)
  })
})
