// Issue 23, finding: "1,100 silent TCP connections to a gateway limited to 1,024 descriptors: guest sign-in hangs
// until they go". Here `gochat up` runs with 256 descriptors and 400 loopback connections that never send a byte
// are opened against it (and held by this test). With the first-byte timeout out of the way (10 minutes) a guest
// sign-in gets no answer while they are held; with the defaults the gateway closes them after
// http_first_byte_timeout_ms and the sign-in answers.
import { connect, type Socket } from 'node:net'
import { describe, expect, it } from 'vitest'
import { startUp } from '../helpers/up.js'

const FD_LIMIT = 256
const SILENT = 400

/** SILENT connections from 127.0.7.x that say nothing; resolves once each is connected or refused */
async function openSilent(port: number): Promise<Socket[]> {
  const socks: Socket[] = []
  await Promise.all(
    Array.from(
      { length: SILENT },
      (_, i) =>
        new Promise<void>((resolve) => {
          const s = connect({ port, host: '127.0.0.1', localAddress: `127.0.7.${1 + (i % 50)}` })
          socks.push(s)
          s.on('error', () => resolve())
          s.once('connect', () => resolve())
          s.once('close', () => resolve())
        }),
    ),
  )
  return socks
}

/** a guest sign-in tried again until it answers 201 or `ms` pass; the milliseconds it took, or null */
async function signInWithin(url: string, ms: number): Promise<number | null> {
  const t0 = Date.now()
  while (Date.now() - t0 < ms) {
    const res = await fetch(`${url}/v1/auth/guest`, {
      method: 'POST',
      body: '{}',
      signal: AbortSignal.timeout(Math.max(100, ms - (Date.now() - t0))),
    }).catch(() => null)
    if (res?.status === 201) return Date.now() - t0
    await new Promise((r) => setTimeout(r, 200))
  }
  return null
}

describe('silent sockets on a gateway with few descriptors', () => {
  it('without the first-byte timeout they starve sign-in; with the defaults sign-in answers', async () => {
    const measured: Record<string, number | null> = {}
    for (const [name, env] of [
      ['no timeout', { GOCHAT_HTTP_FIRST_BYTE_TIMEOUT_MS: '600000' }],
      ['defaults', {}],
    ] as const) {
      const up = await startUp([], env, { fdLimit: FD_LIMIT })
      const socks = await openSilent(Number(new URL(up.url).port))
      try {
        measured[name] = await signInWithin(up.url, 15_000)
      } finally {
        for (const s of socks) s.destroy()
        await up.stop()
      }
    }
    console.log('guest sign-in with 400 silent sockets held, 256 descriptors (ms; null: no answer in 15 s)', measured)
    expect(measured['no timeout']).toBeNull()
    expect(measured.defaults).not.toBeNull()
  }, 120_000)
})
