import { describe, expect, it } from 'vitest'
import { produceRequests } from './publish-batch.js'

const rec = (key: string, bytes = 1) => ({ key, value: Buffer.alloc(bytes, key) })
const keys = (req: ReturnType<typeof produceRequests>[number]) =>
  req.map((t) => [t.topic, t.messages.map((m) => m.key)])

describe('produceRequests', () => {
  it('merges the calls of a turn into one request per topic, each topic in call order', () => {
    const reqs = produceRequests([
      { topic: 'a', records: [rec('1'), rec('2')] },
      { topic: 'b', records: [rec('x')] },
      { topic: 'a', records: [rec('3')] },
    ])
    expect(reqs).toHaveLength(1)
    expect(keys(reqs[0]!)).toEqual([
      ['a', ['1', '2', '3']],
      ['b', ['x']],
    ])
  })

  it('cuts a new request before the values pass 512 KiB; a larger single call goes alone, whole', () => {
    const big = 300 * 1024
    const reqs = produceRequests([
      { topic: 'a', records: [rec('1', big)] },
      { topic: 'a', records: [rec('2', big)] },
      { topic: 'a', records: [rec('3', 700 * 1024)] },
      { topic: 'a', records: [rec('4', 10)] },
    ])
    expect(reqs.map(keys)).toEqual([[['a', ['1']]], [['a', ['2']]], [['a', ['3']]], [['a', ['4']]]])
  })
})
