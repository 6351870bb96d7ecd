// Polling for things that happen asynchronously (a record consumed, a metric counted, a row relayed).

/** Calls fn until ok(value) holds or the time is up, and returns the last value either way: the caller's
 *  expect() then says what was wrong. */
export async function until<T>(fn: () => T | Promise<T>, ok: (v: T) => boolean, timeoutMs = 30_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const v = await fn()
    if (ok(v) || Date.now() > deadline) return v
    await new Promise((r) => setTimeout(r, everyMs))
  }
}

/** Waits until check() is true; throws when the time is up. */
export async function waitUntil(check: () => boolean, timeoutMs = 10_000, everyMs = 10): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, everyMs))
  }
}
