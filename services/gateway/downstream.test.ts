// deliver(): the same bytes to every live connection of every listed user, or to one connection when the record
// names it (an answer to the device that asked, in upstream: kafka mode).
import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { Connection, ConnectionRegistry } from './connections.js'
import { deliver } from './downstream.js'

function fakeSocket() {
  const sent: Buffer[] = []
  return { sent, ws: { readyState: WebSocket.OPEN, send: (b: Buffer) => sent.push(b), bufferedAmount: 0 } as unknown as WebSocket }
}

describe('deliver', () => {
  const registry = new ConnectionRegistry()
  const [phone, laptop, other] = [fakeSocket(), fakeSocket(), fakeSocket()]
  const bobPhone = new Connection('bob', phone.ws)
  registry.add(bobPhone)
  registry.add(new Connection('bob', laptop.ws))
  registry.add(new Connection('carol', other.ws))

  it('writes the one serialized frame to every device of every target', () => {
    expect(deliver(registry, { conversationId: 'c', userIds: ['bob', 'carol', 'gone'], frame: '{"op":"message"}' })).toBe(3)
    expect(phone.sent[0]).toBe(laptop.sent[0]) // the same Buffer, not a copy per socket
    expect(other.sent[0]!.toString()).toBe('{"op":"message"}')
  })

  it('writes only to the named connection when there is one', () => {
    expect(deliver(registry, { conversationId: 'c', userIds: ['bob'], connectionId: bobPhone.id, frame: '{"op":"ack"}' })).toBe(1)
    expect(phone.sent.at(-1)!.toString()).toBe('{"op":"ack"}')
    expect(laptop.sent.at(-1)!.toString()).toBe('{"op":"message"}')
  })
})
