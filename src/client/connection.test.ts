// The connection's reconnect policy with a scripted transport and fake timers: backoff between failed attempts,
// Retry-After honoured, a refused token renewed once or the end, a revoked token the end, a socket that held
// resetting the backoff, and a silent socket dropped.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Connection, type ConnectionHooks } from './connection.js'
import type { CloseInfo, TransportFactory, TransportHandlers } from './transport.js'

/** a transport whose every socket does what the test says, recorded in `sockets` */
function scripted() {
  const sockets: Array<{ on: TransportHandlers; sent: string[]; closed: boolean }> = []
  const factory: TransportFactory = (_url, on) => {
    const s = { on, sent: [] as string[], closed: false }
    sockets.push(s)
    return {
      send: (d) => s.sent.push(d),
      close: () => {
        if (s.closed) return
        s.closed = true
        on.close({ code: 1006, reason: '', opened: true })
      },
    }
  }
  const refuse = (info: Partial<CloseInfo> = {}) =>
    sockets.at(-1)!.on.close({ code: 1006, reason: '', opened: false, ...info })
  return { sockets, factory, refuse }
}

function hooks(over: Partial<ConnectionHooks> = {}) {
  const states: string[] = []
  const h: ConnectionHooks = {
    url: async () => 'ws://gw/v1/ws?token=t',
    online: () => undefined,
    offline: () => undefined,
    frame: () => undefined,
    state: (s) => states.push(s),
    unauthorized: async () => false,
    ...over,
  }
  return { h, states }
}

describe('Connection', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('retries a refused connect within the backoff window, and never before Retry-After', async () => {
    const t = scripted()
    const { h } = hooks()
    const c = new Connection({ transport: t.factory, backoff: { baseMs: 100, capMs: 400, random: () => 0.99 } }, h)
    c.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(t.sockets).toHaveLength(1)
    t.refuse() // window 100 ms: next within 99
    await vi.advanceTimersByTimeAsync(99)
    expect(t.sockets).toHaveLength(2)
    t.refuse({ status: 429, retryAfterMs: 5000 }) // window 200 ms, but the server said 5 s
    await vi.advanceTimersByTimeAsync(4999)
    expect(t.sockets).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1)
    expect(t.sockets).toHaveLength(3)
    for (let i = 0; i < 5; i++) {
      t.refuse()
      await vi.advanceTimersByTimeAsync(399) // the cap: never more than 400 ms
    }
    expect(t.sockets).toHaveLength(8)
    c.stop()
  })

  it('a refused token: renewed once and tried again, or the end (closed, no retry loop)', async () => {
    const t = scripted()
    let renewals = 0
    const { h, states } = hooks({ unauthorized: async () => ++renewals === 1 })
    const c = new Connection({ transport: t.factory, backoff: { baseMs: 10, random: () => 0 } }, h)
    c.start()
    await vi.advanceTimersByTimeAsync(0)
    t.refuse({ status: 401 })
    await vi.advanceTimersByTimeAsync(100)
    expect(t.sockets).toHaveLength(2)
    t.refuse({ status: 401 })
    await vi.advanceTimersByTimeAsync(60_000)
    expect(t.sockets).toHaveLength(2)
    expect(states.at(-1)).toBe('closed')
  })

  it('a token revoked elsewhere (close 1008) ends it; a socket that held starts the backoff over', async () => {
    const t = scripted()
    const { h, states } = hooks()
    const c = new Connection(
      { transport: t.factory, backoff: { baseMs: 1000, capMs: 60_000, random: () => 0.99 }, stableMs: 5000 },
      h,
    )
    c.start()
    await vi.advanceTimersByTimeAsync(0)
    for (let i = 0; i < 4; i++) {
      t.refuse()
      await vi.advanceTimersByTimeAsync(60_000)
    }
    expect(t.sockets).toHaveLength(5)
    t.sockets.at(-1)!.on.open()
    await vi.advanceTimersByTimeAsync(6000)
    t.sockets.at(-1)!.on.close({ code: 1001, reason: 'going away', opened: true })
    await vi.advanceTimersByTimeAsync(999) // back to the first window
    expect(t.sockets).toHaveLength(6)
    t.sockets.at(-1)!.on.open()
    t.sockets.at(-1)!.on.close({ code: 1008, reason: 'token revoked', opened: true })
    await vi.advanceTimersByTimeAsync(60_000)
    expect(t.sockets).toHaveLength(6)
    expect(states.at(-1)).toBe('closed')
  })

  it('pings a quiet socket and drops a silent one, then reconnects', async () => {
    const t = scripted()
    const { h } = hooks()
    const c = new Connection(
      { transport: t.factory, pingMs: 1000, silenceMs: 3000, backoff: { baseMs: 10, random: () => 0 } },
      h,
    )
    c.start()
    await vi.advanceTimersByTimeAsync(0)
    t.sockets[0]!.on.open()
    await vi.advanceTimersByTimeAsync(1500)
    expect(t.sockets[0]!.sent.some((f) => JSON.parse(f).op === 'ping')).toBe(true)
    await vi.advanceTimersByTimeAsync(2500) // nothing heard for 3 s (seen at the next check, a quarter later)
    expect(t.sockets[0]!.closed).toBe(true)
    expect(t.sockets).toHaveLength(2)
    c.stop()
  })
})
