// Nothing acknowledged is lost: messages committed while the relay was not running (repo killed between commit
// and publish) are dispatched once repo is back, and every device ends with each seq exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { Cluster } from '../../runtime/cluster.js'
import { RestClient } from '../../src/client/rest.js'
import { SocketClient } from '../../src/client/socket.js'
import { infraAvailable, KAFKA, MYSQL, REDIS } from '../helpers/infra.js'
import { deleteTopicsWithPrefix, dropDatabase } from '../helpers/cleanup.js'

const available = await infraAvailable('kafka', 'mysql', 'redis')

describe.skipIf(!available)('outbox: repo killed between commit and publish', () => {
  const run = `crash${Date.now().toString(36)}`
  const db = `${MYSQL}/gochat_${run}`
  let cluster: Cluster
  const sockets: SocketClient[] = []
  beforeAll(async () => {
    // the relay starts switched off: every message is committed with its outbox row, and none is published
    cluster = new Cluster({
      gateways: 2,
      tasks: 1,
      kafka: KAFKA,
      mysql: db,
      redis: REDIS,
      topicPrefix: run,
      env: { GOCHAT_OUTBOX_RELAY: 'false' },
    })
    await cluster.start()
  }, 120_000)
  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.close()))
    await cluster?.stop()
    await dropDatabase(db)
    await deleteTopicsWithPrefix(run)
  }, 60_000)

  it('dispatches every stored message after repo comes back, once per device after de-duplication', async () => {
    const [gw1, gw2] = cluster.gatewayUrls as [string, string]
    const alice = new RestClient(gw1)
    const bob = new RestClient(gw2)
    await alice.register(`a${randomUUID().slice(0, 8)}`, 'password-1')
    const b = await bob.register(`b${randomUUID().slice(0, 8)}`, 'password-1')
    const { conversationId } = await alice.direct(b.userId)
    const devices = await Promise.all([SocketClient.connect(gw1, b.token), SocketClient.connect(gw2, b.token)])
    sockets.push(...devices)
    for (const d of devices) await d.ping()

    const acks = []
    for (let i = 1; i <= 10; i++) acks.push(await alice.send(conversationId, `m${i}`, randomUUID()))
    expect(acks.map((a) => a.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    await new Promise((r) => setTimeout(r, 1000))
    for (const d of devices) expect(d.messages(conversationId)).toHaveLength(0)

    expect(await cluster.kill('repo', 'SIGKILL')).toBeNull()
    await cluster.startProc('repo', 60_000, { GOCHAT_OUTBOX_RELAY: 'true' })

    for (const d of devices) {
      await d.waitForMessage(conversationId, 10, 30_000)
      expect(d.messages(conversationId).map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    }
    // stored once: history has each message exactly once, in order
    const hist = await bob.history(conversationId)
    expect(hist.messages.map((m) => m.content)).toEqual(acks.map((_, i) => `m${i + 1}`))
  }, 90_000)
})
