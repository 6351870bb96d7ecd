// Sending at a fixed rate (open loop: the schedule does not wait for acks, so a slow server shows up as
// latency rather than as a lower offered load) or as fast as a window of unacknowledged sends allows.
import { nowMs } from './clock.js'

export type Rate = number | 'max'

export function parseRate(text: string): Rate {
  if (text === 'max') return 'max'
  const n = Number(text)
  if (!Number.isFinite(n) || n <= 0)
    throw new Error(`--rate must be a positive number of messages a second, or "max" (got "${text}")`)
  return n
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

/**
 * Calls `fire(k)` for k = 0..count-1: the k-th at start + k/rate (never earlier), and never with more than
 * `window` calls unsettled. Resolves when every call has settled.
 */
export async function paced(
  count: number,
  rate: Rate,
  window: number,
  fire: (k: number) => Promise<void>,
): Promise<void> {
  const start = nowMs()
  const interval = rate === 'max' ? 0 : 1000 / rate
  const active = new Set<Promise<void>>()
  for (let k = 0; k < count; k++) {
    const wait = start + k * interval - nowMs()
    if (wait > 0.5) await sleep(wait)
    while (active.size >= Math.max(1, window)) await Promise.race(active)
    const p: Promise<void> = fire(k).finally(() => active.delete(p))
    active.add(p)
  }
  await Promise.all(active)
}

/** Polls `done` every `everyMs` until it is true or `timeoutMs` passed; true when it became true. */
export async function waitUntil(done: () => Promise<boolean>, timeoutMs: number, everyMs = 200): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (await done()) return true
    if (Date.now() >= deadline) return false
    await sleep(everyMs)
  }
}
