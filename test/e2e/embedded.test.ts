// The core path suite against `gochat up` on embedded drivers (one process, one gateway).
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startUp } from '../helpers/up.js'
import { chatSuite } from './chat.suite.js'

let up: Awaited<ReturnType<typeof startUp>>
beforeAll(async () => {
  up = await startUp()
})

const suite = chatSuite('core path on gochat up (embedded)', { gateways: () => [up.url] })

it('shuts down cleanly on SIGTERM', async () => {
  await suite.closeSockets()
  expect(await up.stop()).toBe(0)
  expect(up.output()).toMatch(/stopped cleanly/)
})

afterAll(async () => {
  await up?.stop()
})
