// The bus contract against a real broker (skipped when Kafka does not answer, failed under test:ci).
import { describe } from 'vitest'
import { busContract } from '../contract/bus.contract.js'
import { KafkaBus } from '../../src/drivers/kafka/bus.js'
import { KAFKA, infraAvailable } from '../helpers/infra.js'
import { deleteTopicsWithPrefix } from '../helpers/cleanup.js'

describe.skipIf(!(await infraAvailable('kafka')))('kafka bus', () => {
  busContract('kafka', async () => new KafkaBus([KAFKA], `contract-${process.pid}`, { retryBackoffMs: 300 }), {
    settleMs: 1_000,
    timeoutMs: 20_000,
    minRetryPauseMs: 280,
    cleanup: deleteTopicsWithPrefix,
  })
})
