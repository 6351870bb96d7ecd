// Readiness probes: cached for their period and shared by concurrent callers (a poll under load is not a probe per
// request), a hanging probe fails after its timeout, and a peer that refuses the probe's request is reachable.
import { describe, expect, it } from 'vitest'
import { AppError } from './errors.js'
import { healthAnswer, peerProbe, readiness } from './health.js'

describe('readiness', () => {
  it('runs each probe once per period, shared by concurrent callers, and reports every check', async () => {
    let calls = 0
    let up = true
    const ready = readiness(
      {
        peer: async () => {
          calls++
          await new Promise((r) => setTimeout(r, 20))
          if (!up) throw new Error('connection refused')
        },
        engine: async () => undefined,
      },
      { ttlMs: 300 },
    )
    const first = await Promise.all(Array.from({ length: 50 }, () => ready()))
    expect(calls).toBe(1)
    expect(first[49]).toEqual({ status: 'ok', checks: { peer: { ok: true }, engine: { ok: true } } })
    up = false
    expect((await ready()).status).toBe('ok') // still the cached answer
    expect(calls).toBe(1)
    await new Promise((r) => setTimeout(r, 350))
    expect(await ready()).toEqual({
      status: 'unavailable',
      checks: { peer: { ok: false, error: 'connection refused' }, engine: { ok: true } },
    })
    expect(calls).toBe(2)
  })

  it('fails a probe that does not answer within its timeout', async () => {
    const ready = readiness({ hangs: () => new Promise(() => undefined) }, { timeoutMs: 100 })
    const t0 = Date.now()
    expect(await ready()).toEqual({
      status: 'unavailable',
      checks: { hangs: { ok: false, error: 'no answer within 100 ms' } },
    })
    expect(Date.now() - t0).toBeLessThan(2000)
  })

  it('counts a refusal of the probe request as reachable, unavailable and internal as not', async () => {
    await expect(peerProbe(() => Promise.reject(new AppError('invalid_token', 'bad')))()).resolves.toBeUndefined()
    await expect(peerProbe(() => Promise.reject(new AppError('unavailable', 'down')))()).rejects.toThrow('down')
    await expect(peerProbe(() => Promise.reject(new AppError('internal', 'boom')))()).rejects.toThrow('boom')
    await expect(peerProbe(() => Promise.reject(new Error('socket hang up')))()).rejects.toThrow('socket hang up')
  })

  it('answers live 200 without checking, ready 503 when a check fails or readiness itself throws', async () => {
    const throws = () => Promise.reject(new Error('oops'))
    expect(await healthAnswer('live', throws)).toEqual({ status: 200, body: { status: 'ok', checks: {} } })
    expect(await healthAnswer('ready', throws)).toEqual({
      status: 503,
      body: { status: 'unavailable', checks: { readiness: { ok: false, error: 'oops' } } },
    })
  })
})
