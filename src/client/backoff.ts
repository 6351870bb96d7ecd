// Reconnect delays: "full jitter" exponential backoff (a uniformly random wait between 0 and min(cap, base·2^n)),
// so that thousands of clients cut at once by one gateway come back spread over the window instead of in waves,
// and never sooner than the server's Retry-After.

export interface BackoffOptions {
  /** the first window, ms (default 500) */
  baseMs?: number
  /** the largest window, ms (default 30 s) */
  capMs?: number
  /** a number in [0, 1) (default Math.random); tests pass their own */
  random?: () => number
}

export class Backoff {
  private attempt = 0
  private readonly baseMs: number
  private readonly capMs: number
  private readonly random: () => number

  constructor(opts: BackoffOptions = {}) {
    this.baseMs = opts.baseMs ?? 500
    this.capMs = opts.capMs ?? 30_000
    this.random = opts.random ?? Math.random
  }

  /** The upper bound of the next delay. */
  get window(): number {
    return Math.min(this.capMs, this.baseMs * 2 ** Math.min(this.attempt, 30))
  }

  get attempts(): number {
    return this.attempt
  }

  /** The next delay, ms: full jitter over the window, at least `retryAfterMs`; the window doubles up to the cap. */
  next(retryAfterMs = 0): number {
    const delay = Math.floor(this.random() * this.window)
    this.attempt++
    return Math.max(delay, retryAfterMs)
  }

  /** After a connection that held: the next failure starts from the first window again. */
  reset(): void {
    this.attempt = 0
  }
}

/** Retry-After as ms: seconds or an HTTP date (RFC 9110); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined
  const s = Number(value)
  if (Number.isFinite(s) && s >= 0) return s * 1000
  const at = Date.parse(value)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}
