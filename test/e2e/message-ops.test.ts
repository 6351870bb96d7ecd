// The message operations suite against `gochat up` on embedded drivers (one process, one gateway).
import { afterAll, beforeAll } from 'vitest'
import { startUp } from '../helpers/up.js'
import { messageOpsSuite } from './message-ops.suite.js'

let up: Awaited<ReturnType<typeof startUp>>
beforeAll(async () => {
  up = await startUp([], { GOCHAT_GROUP_ADDS: 'direct' })
})

const suite = messageOpsSuite('message operations on gochat up (embedded)', { gateways: () => [up.url] })

afterAll(async () => {
  await suite.closeSockets()
  await up?.stop()
})
