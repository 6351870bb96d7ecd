// Polling for things that happen asynchronously (a record consumed, a metric counted, a row relayed).

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

/** Calls fn until ok(value) holds or the time is up, and returns the last value either way: the caller's
 *  expect() then says what was wrong. */
export async function until<T>(
  fn: () => T | Promise<T>,
  ok: (v: T) => boolean,
  timeoutMs = 30_000,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const v = await fn()
    if (ok(v) || Date.now() > deadline) return v
    await sleep(everyMs)
  }
}

/** Waits until check() is true; throws when the time is up, saying what it waited for when told (a function
 *  is called then, so the message can show the state at the timeout). */
export async function waitUntil(
  check: () => boolean,
  timeoutMs = 10_000,
  everyMs = 10,
  what?: string | (() => string),
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) {
      const label = typeof what === 'function' ? what() : what
      throw new Error(label ? `timed out waiting for ${label}` : `timed out after ${timeoutMs} ms`)
    }
    await sleep(everyMs)
  }
}
