// One clock for every thread of the harness. Date.now() has millisecond steps; performance.now() is finer but
// relative to each thread's own start, so timeOrigin + now() gives epoch milliseconds with sub-millisecond
// resolution that the main thread (which stamps sends) and the worker threads (which stamp receipts) share.
import { performance } from 'node:perf_hooks'

export const nowMs = (): number => performance.timeOrigin + performance.now()
