// Small network and waiting helpers shared by the three components.
import { type AddressInfo, connect, createServer, type Server } from 'node:net'

/** true when host:port accepts a TCP connection within timeoutMs */
export function portAnswers(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = connect({ host, port })
    const done = (ok: boolean) => {
      sock.destroy()
      resolve(ok)
    }
    sock.setTimeout(timeoutMs, () => done(false))
    sock.once('connect', () => done(true))
    sock.once('error', () => done(false))
  })
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

export interface WaitOptions {
  timeoutMs: number
  intervalMs?: number
  /** called about every progressEveryMs with the seconds waited so far */
  onWaiting?: (seconds: number) => void
  progressEveryMs?: number
}

/**
 * Polls check() until it returns a value other than undefined, or throws once the time is up. check() may throw
 * to stop waiting at once (e.g. the process it waits for died).
 */
export async function waitFor<T>(check: () => Promise<T | undefined>, opts: WaitOptions): Promise<T | undefined> {
  const start = Date.now()
  let lastProgress = start
  for (;;) {
    const value = await check()
    if (value !== undefined) return value
    const now = Date.now()
    if (now - start >= opts.timeoutMs) return undefined
    if (opts.onWaiting && now - lastProgress >= (opts.progressEveryMs ?? 5000)) {
      lastProgress = now
      opts.onWaiting(Math.round((now - start) / 1000))
    }
    await sleep(opts.intervalMs ?? 250)
  }
}

/** n distinct ports that are free on host right now (the OS picks them; a caller binds them soon after) */
export async function freePorts(n: number, host = '127.0.0.1'): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<Server>((resolve, reject) => {
          const s = createServer().listen(0, host, () => resolve(s))
          s.once('error', reject)
        }),
    ),
  )
  const ports = servers.map((s) => (s.address() as AddressInfo).port)
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))))
  return ports
}
