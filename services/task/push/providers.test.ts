// The push providers against a local HTTP receiver: the webhook gets the OfflinePush as JSON, FCM gets one
// HTTP v1 message per user, and a failing endpoint makes delivery throw (so the worker retries).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startReceiver, type Receiver } from '../../../test/helpers/webhook.js'
import { createPushProvider } from './providers.js'
import { createLogger } from '../../../src/observability/log.js'
import type { OfflinePush } from '../../../src/contracts/payloads.js'

const push: OfflinePush = {
  pushId: 'p1',
  userIds: ['u_a', 'u_b'],
  conversationId: 'g_1',
  messageId: 'm_1',
  seq: 7,
  senderId: 'u_s',
  preview: 'hello there',
  sentAt: 1_700_000_000_000,
}
const log = createLogger()

describe('push providers', () => {
  let receiver: Receiver
  beforeAll(async () => {
    receiver = await startReceiver()
  })
  afterAll(async () => {
    await receiver.close()
  })

  it('webhook POSTs the OfflinePush as JSON', async () => {
    await createPushProvider('webhook', receiver.url, log).deliver(push)
    expect(receiver.bodies.at(-1)).toEqual(push)
  })

  it('fcm POSTs one FCM HTTP v1 message per user', async () => {
    const before = receiver.bodies.length
    await createPushProvider('fcm', receiver.url, log).deliver(push)
    const sent = receiver.bodies.slice(before) as Array<{
      message: { token: string; notification: { body: string }; data: Record<string, string> }
    }>
    expect(sent.map((b) => b.message.token).sort()).toEqual(['u_a', 'u_b'])
    expect(sent[0]!.message.notification.body).toBe('hello there')
    expect(sent[0]!.message.data).toEqual({ conversationId: 'g_1', messageId: 'm_1', seq: '7', senderId: 'u_s' })
  })

  it('throws when the endpoint fails, and asks for an endpoint when none is configured', async () => {
    receiver.failNext = 1
    await expect(createPushProvider('webhook', receiver.url, log).deliver(push)).rejects.toThrow(/HTTP 500/)
    expect(() => createPushProvider('fcm', null, log)).toThrow(/push_endpoint/)
  })
})
