// deliver(): the same bytes to every live connection of every listed user, or to one connection when the record
// names it (an answer to the device that asked, in upstream: kafka mode); several frames of a batch for one socket
// leave in one write. startDownstream: once its consumer is back after losing Kafka, every connection is told to resync.
import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { Connection, ConnectionRegistry } from './connections.js'
import { deliver, startDownstream } from './downstream.js'
import type { Bus, ConsumeOptions, Subscription } from '../../src/ports/bus.js'
import { createLogger } from '../../src/observability/log.js'

function fakeSocket() {
  const sent: Buffer[] = []
  /** what left the socket: one entry per write that reached the wire (cork collects until uncork) */
  const writes: string[][] = []
  let corked: string[] | undefined
  const ws = {
    readyState: WebSocket.OPEN,
    bufferedAmount: 0,
    send: (b: Buffer) => {
      sent.push(b)
      if (corked) corked.push(b.toString())
      else writes.push([b.toString()])
    },
  } as unknown as WebSocket
  const socket = {
    cork: () => void (corked = []),
    uncork: () => {
      writes.push(corked!)
      corked = undefined
    },
  }
  return { sent, writes, ws, socket }
}

describe('deliver', () => {
  const registry = new ConnectionRegistry()
  const [phone, laptop, other] = [fakeSocket(), fakeSocket(), fakeSocket()]
  const bobPhone = new Connection('bob', phone.ws, phone.socket)
  registry.add(bobPhone)
  registry.add(new Connection('bob', laptop.ws, laptop.socket))
  registry.add(new Connection('carol', other.ws, other.socket))

  it('writes the one serialized frame to every device of every target', () => {
    expect(
      deliver(registry, [{ conversationId: 'c', userIds: ['bob', 'carol', 'gone'], frame: '{"op":"message"}' }]),
    ).toBe(3)
    expect(phone.sent[0]).toBe(laptop.sent[0]) // the same Buffer, not a copy per socket
    expect(other.sent[0]!.toString()).toBe('{"op":"message"}')
  })

  it('writes only to the named connection when there is one', () => {
    expect(
      deliver(registry, [{ conversationId: 'c', userIds: ['bob'], connectionId: bobPhone.id, frame: '{"op":"ack"}' }]),
    ).toBe(1)
    expect(phone.sent.at(-1)!.toString()).toBe('{"op":"ack"}')
    expect(laptop.sent.at(-1)!.toString()).toBe('{"op":"message"}')
  })

  it("writes a batch's frames for one socket in order, in one write", () => {
    const before = other.writes.length
    const written = deliver(registry, [
      { conversationId: 'c', userIds: ['carol'], frame: '1' },
      { conversationId: 'd', userIds: ['bob'], frame: 'to bob' },
      { conversationId: 'c', userIds: ['carol', 'bob'], frame: '2' },
      { conversationId: 'c', userIds: ['carol'], frame: '3' },
    ])
    expect(written).toBe(1 + 2 + 3 + 1) // bob has two devices
    expect(other.writes.slice(before)).toEqual([['1', '2', '3']])
    expect(laptop.writes.at(-1)).toEqual(['to bob', '2'])
  })
})

describe('startDownstream', () => {
  it('tells every connection to resync when its consumer is back after losing Kafka, and not before', async () => {
    let subscribed: ConsumeOptions | undefined
    const bus = {
      kind: 'kafka',
      subscribe: async (opts: ConsumeOptions): Promise<Subscription> => {
        subscribed = opts
        return { stop: async () => undefined }
      },
    } as unknown as Bus
    let resyncs = 0
    await startDownstream({
      bus,
      topic: 'down',
      groupId: 'g',
      dlqTopic: 'dlq',
      registry: new ConnectionRegistry(),
      log: createLogger({ test: 'downstream' }),
      resync: () => {
        resyncs++
        return 3
      },
    })
    expect(resyncs).toBe(0)
    subscribed!.onResumed!()
    expect(resyncs).toBe(1)
  })
})
