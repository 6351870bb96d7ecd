// The plain ws baselines, naive and batched per tick: every connection gets every sent message once, in order,
// and the sender an ack per send. The batched one must deliver what the naive one does, only in fewer writes.
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { BaselineServer } from './spawn.js'

type Frame = { op: string; ref?: string; message?: { seq: number; content: string } }

function open(url: string): Promise<{ ws: WebSocket; frames: Frame[] }> {
  const ws = new WebSocket(`${url.replace('http', 'ws')}/`)
  const frames: Frame[] = []
  ws.on('message', (d) => frames.push(JSON.parse(d.toString()) as Frame))
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, frames }))
    ws.once('error', reject)
  })
}

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe.each(['ws', 'ws-batched'] as const)('%s baseline server', (kind) => {
  let server: BaselineServer | undefined
  const sockets: WebSocket[] = []
  afterEach(async () => {
    for (const ws of sockets) ws.terminate()
    await server?.stop()
  })

  it('broadcasts each send to every connection in order and acks the sender', async () => {
    server = await BaselineServer.start(kind)
    const clients = await Promise.all([open(server.url), open(server.url), open(server.url)])
    sockets.push(...clients.map((c) => c.ws))
    const sender = clients[0]!
    for (let i = 0; i < 5; i++)
      sender.ws.send(JSON.stringify({ op: 'send', ref: `r${i}`, conversationId: 'bench', content: `c${i}` }))
    const messages = (c: { frames: Frame[] }) => c.frames.filter((f) => f.op === 'message').map((f) => f.message!)
    await until(() => clients.every((c) => messages(c).length >= 5))
    for (const c of clients) {
      expect(messages(c).map((m) => m.content)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4'])
      expect(messages(c).map((m) => m.seq)).toEqual([1, 2, 3, 4, 5])
    }
    expect(sender.frames.filter((f) => f.op === 'ack').map((f) => f.ref)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4'])
    expect((await server.stats())?.connections).toBe(3)
  })
})
