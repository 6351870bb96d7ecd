// Tracing under `gochat up` (--role=all, embedded drivers): one provider serves every role, the roles call each
// other in process, and a message's trace has the same shape as on a cluster — gateway, logic, repo, relay, task,
// and the recipients' socket writes — with gochat.role telling the roles apart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { RestClient } from '../../src/client/rest.js'
import { SocketClient } from '../../src/client/socket.js'
import { startUp } from '../helpers/up.js'
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from '../helpers/otlp.js'

describe('tracing under gochat up (one process)', () => {
  let receiver: OtlpReceiver
  let up: Awaited<ReturnType<typeof startUp>>
  const sockets: SocketClient[] = []

  beforeAll(async () => {
    receiver = await startOtlpReceiver()
    up = await startUp([], {
      GOCHAT_TRACING_ENDPOINT: receiver.url,
      OTEL_BSP_SCHEDULE_DELAY: '100',
      GOCHAT_LOG_FORMAT: 'json',
    })
  })

  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.close()))
    await up?.stop()
    await receiver?.close()
  })

  it('traces a group message through every role in process', async () => {
    const ann = new RestClient(up.url)
    const bea = new RestClient(up.url)
    await ann.register(`ann${randomUUID().slice(0, 8)}`, 'password-1')
    const b = await bea.register(`bea${randomUUID().slice(0, 8)}`, 'password-1')
    const { conversationId } = await ann.createGroup('g', [b.userId])
    await bea.acceptInvitation(conversationId) // a stranger to ann: invited first
    const annWs = await SocketClient.connect(up.url, ann.token!)
    const beaWs = await SocketClient.connect(up.url, bea.token!)
    sockets.push(annWs, beaWs)
    await Promise.all(sockets.map((s) => s.ping()))
    const ack = (await annWs.send(conversationId, 'hello', randomUUID())) as { seq: number }
    await beaWs.waitForMessage(conversationId, ack.seq)

    let spans: ReceivedSpan[] = []
    const deadline = Date.now() + 15_000
    while (Date.now() < deadline) {
      const root = receiver.spans.find((s) => s.name === 'ws.send')
      spans = root ? receiver.spans.filter((s) => s.traceId === root.traceId) : []
      const ids = new Set(spans.map((s) => s.spanId))
      if (spans.some((s) => s.name === 'ws.write') && spans.every((s) => !s.parentSpanId || ids.has(s.parentSpanId)))
        break
      await new Promise((r) => setTimeout(r, 100))
    }
    const byName = (name: string, role: string) =>
      spans.find((s) => s.name === name && s.attributes['gochat.role'] === role)
    expect(new Set(spans.map((s) => s.service))).toEqual(new Set(['gochat-all']))
    expect(spans.filter((s) => !s.parentSpanId).map((s) => s.name)).toEqual(['ws.send'])
    const send = byName('realchat.message.v1.MessageApi/SendMessage', 'logic')
    const store = byName('gochat.repo.v1.RepoService/StoreMessage', 'repo')
    const relay = byName('outbox.relay', 'repo')
    const dispatch = byName('task.dispatch', 'task')
    const write = byName('ws.write', 'gateway')
    for (const s of [send, store, relay, dispatch, write]) expect(s).toBeDefined()
    expect(send!.parentSpanId).toBe(byName('ws.send', 'gateway')!.spanId)
    expect(store!.parentSpanId).toBe(send!.spanId)
    expect(relay!.parentSpanId).toBe(store!.spanId)
    expect(dispatch!.parentSpanId).toBe(relay!.spanId)
    expect(write!.parentSpanId).toBe(dispatch!.spanId)
    expect(write!.attributes['gochat.sockets_written']).toBe(2)
  })

  it('says the role on every log line (trace ids on lines inside spans: src/observability/tracing.test.ts)', () => {
    const lines = up
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(lines.length).toBeGreaterThan(0)
    for (const l of lines) expect(l.role, JSON.stringify(l)).toBeDefined()
  })
})
