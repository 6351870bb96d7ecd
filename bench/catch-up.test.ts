// The bench receivers' answer to `resync`, against `gochat up`: a sync from the highest seq they have records the
// messages that never came live, once, and nothing of another run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RestClient } from '../src/client/rest.js'
import { startUp } from '../test/helpers/up.js'
import { ConnectionTally } from './accounting.js'
import { catchUp, isResync } from './catch-up.js'
import { encodeContent } from './content.js'

describe('bench catch-up after resync', () => {
  let up: Awaited<ReturnType<typeof startUp>>
  beforeAll(async () => {
    up = await startUp()
  }, 60_000)
  afterAll(async () => {
    await up?.stop()
  })

  it('knows the resync event', () => {
    expect(isResync(JSON.parse('{"op":"event","type":"resync","event":{"event_type":"resync"}}'))).toBe(true)
    expect(isResync({ op: 'event', type: 'typing' })).toBe(false)
    expect(isResync({ op: 'message' })).toBe(false)
  })

  it('records the run’s messages after its highest seq that it has not seen, and only those', async () => {
    const a = await new RestClient(up.url).guest('sender')
    const b = await new RestClient(up.url).guest('receiver')
    const rest = new RestClient(up.url, a.token)
    const { conversationId } = await rest.direct(b.userId)
    // seq 1..5: the run's messages 1..4, and one of another run in the middle
    const seqs: number[] = []
    for (const [i, run] of [
      [1, 'r1'],
      [2, 'r1'],
      [1, 'other'],
      [3, 'r1'],
      [4, 'r1'],
    ] as const)
      seqs.push((await rest.send(conversationId, encodeContent(run, i, Date.now(), 16), `${run}-${i}`)).seq)
    const tally = new ConnectionTally()
    tally.record(1, seqs[0]!) // message 1 came live; 2..4 did not
    const spec = { dialect: 'gochat' as const, url: up.url, token: b.token, conversationId }
    expect(await catchUp(spec, tally, 'r1', 4)).toBe(3)
    expect(tally.tally(4)).toMatchObject({ received: 4, missing: 0, duplicates: 0, outOfOrder: 0 })
    expect(tally.lastSeq).toBe(seqs[4])
    // a second resync finds nothing new
    expect(await catchUp(spec, tally, 'r1', 4)).toBe(0)
  }, 60_000)
})
