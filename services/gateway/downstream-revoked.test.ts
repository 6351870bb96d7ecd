// deliver() with closeRevoked (user.tokens.revoked, `gochat users erase`): the frame first, then the listed users'
// sockets opened with the revoked token are closed with 1008 token revoked (all of them for user:<id>); the
// user's other tokens' sockets and other users stay open.
import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { Connection, ConnectionRegistry, REVOKED_CLOSE } from './connections.js'
import { deliver } from './downstream.js'

function socket(log: string[], name: string) {
  return {
    readyState: WebSocket.OPEN,
    bufferedAmount: 0,
    send: (b: Buffer) => void log.push(`${name} got ${b.toString()}`),
    close: (code: number, reason: string) => void log.push(`${name} closed ${code} ${reason}`),
  } as unknown as WebSocket
}

function conn(log: string[], name: string, userId: string, jti?: string) {
  const c = new Connection(userId, socket(log, name))
  if (jti) c.jti = jti
  return c
}

describe('deliver: closeRevoked', () => {
  it('user:<id> closes every socket of the user after the frame; nobody else', () => {
    const log: string[] = []
    const registry = new ConnectionRegistry()
    for (const c of [
      conn(log, 'phone', 'alice', 't1'),
      conn(log, 'laptop', 'alice', 't2'),
      conn(log, 'b', 'bob', 't3'),
    ])
      registry.add(c)
    deliver(registry, [{ conversationId: '', userIds: ['alice'], frame: '{"op":"event"}', closeRevoked: 'user:alice' }])
    expect(log).toEqual([
      'phone got {"op":"event"}',
      'laptop got {"op":"event"}',
      `phone closed ${REVOKED_CLOSE.code} ${REVOKED_CLOSE.reason}`,
      `laptop closed ${REVOKED_CLOSE.code} ${REVOKED_CLOSE.reason}`,
    ])
  })

  it("one token id closes only that token's sockets", () => {
    const log: string[] = []
    const registry = new ConnectionRegistry()
    for (const c of [conn(log, 'phone', 'alice', 't1'), conn(log, 'laptop', 'alice', 't2')]) registry.add(c)
    deliver(registry, [{ conversationId: '', userIds: ['alice'], frame: '{"op":"event"}', closeRevoked: 't2' }])
    expect(log.filter((l) => l.includes('closed'))).toEqual([`laptop closed 1008 token revoked`])
  })

  it('a message without closeRevoked closes nothing', () => {
    const log: string[] = []
    const registry = new ConnectionRegistry()
    registry.add(conn(log, 'phone', 'alice', 't1'))
    deliver(registry, [{ conversationId: 'c', userIds: ['alice'], frame: '{"op":"message"}' }])
    expect(log).toEqual(['phone got {"op":"message"}'])
  })
})
