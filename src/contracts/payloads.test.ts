import { describe, expect, it } from 'vitest'
import { decode, DecodeError, PersistMessage, UpstreamMessage } from './payloads.js'

const send = {
  traceId: 't',
  userId: 'u1',
  conversationId: 'c1',
  content: 'hi',
  idempotencyKey: 'k1',
}

describe('the two message payloads', () => {
  it('UpstreamMessage: a send names the gateway and connection its answer goes to, the gateway an instance id', () => {
    const up = { ...send, gatewayId: 'gw-1', connectionId: 'conn-1', ref: 7 }
    expect(decode(UpstreamMessage, JSON.stringify(up), 'UpstreamMessage')).toEqual(up)
    for (const bad of [send, { ...up, connectionId: '' }, { ...up, gatewayId: '../../tasks.dlq' }])
      expect(() => decode(UpstreamMessage, JSON.stringify(bad), 'UpstreamMessage')).toThrow(DecodeError)
  })

  it('PersistMessage: a checked record with its id, seq and time; operations too; without id, seq or time it is refused', () => {
    const record = { ...send, messageId: 'm1', seq: 3, sentAt: 1_700_000_000_000, conversationKind: 'group' }
    expect(decode(PersistMessage, JSON.stringify(record), 'PersistMessage')).toEqual(record)
    // a record of another kind, as logic writes operations
    expect(decode(PersistMessage, JSON.stringify({ ...record, kind: 'edit', targetId: 'm0' }), 'p')).toMatchObject({
      kind: 'edit',
      targetId: 'm0',
    })
    for (const missing of ['messageId', 'seq', 'sentAt']) {
      const { [missing as 'seq']: _, ...rest } = record
      expect(() => decode(PersistMessage, JSON.stringify(rest), 'PersistMessage')).toThrow(DecodeError)
    }
  })
})
