// The retention suite against `gochat up` on embedded drivers (one process: the sweep runs in its task role).
import { afterAll, beforeAll } from 'vitest'
import { startUp } from '../helpers/up.js'
import { retentionSuite } from './retention.suite.js'

let up: Awaited<ReturnType<typeof startUp>>
beforeAll(async () => {
  up = await startUp([], { GOCHAT_RETENTION_SWEEP_SECONDS: '1' })
})
retentionSuite('retention on gochat up (embedded)', { gateways: () => [up.url] })
afterAll(async () => {
  await up?.stop()
})
