// The bus contract: what gochat's roles rely on from any Bus driver. Run by the memory driver's tests (always) and
// by test/integration/kafka-bus.test.ts against a real broker. Every case uses fresh topics and groups.
import { afterAll, afterEach, beforeAll, describe } from 'vitest'
import type { Bus } from '../../src/ports/bus.js'
import { busConsumerCases } from './bus-consumers.contract.js'
import { busSuite } from './bus-suite.js'
import { busTopicCases } from './bus-topics.contract.js'

export interface ContractOptions {
  /** how long to keep listening after the expected records arrived, to catch duplicates and extras */
  settleMs?: number
  /** per-case timeout */
  timeoutMs?: number
  /** the least time a failed partition is expected to wait before its records come again */
  minRetryPauseMs?: number
  /** removes what the suite created under this name prefix (topics and groups on a real broker) */
  cleanup?: (prefix: string) => Promise<void>
}

export function busContract(name: string, makeBus: () => Promise<Bus>, opts: ContractOptions = {}): void {
  describe(`bus contract: ${name}`, () => {
    const s = busSuite(makeBus, opts.settleMs ?? 300, opts.timeoutMs ?? 15_000, opts.minRetryPauseMs ?? 0)
    beforeAll(async () => {
      await s.start()
    })
    afterEach(async () => {
      await Promise.all(s.subs.splice(0).map((sub) => sub.stop()))
    })
    afterAll(async () => {
      await s.bus?.close()
      await opts.cleanup?.(`contract.${s.run}`)
    })

    busTopicCases(s)
    busConsumerCases(s)
  })
}
