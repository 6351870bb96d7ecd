// What a consumer's failure means, and how long it waits before trying again. A failure is permanent when the
// record itself is refused (a decode error, or an AppError of the bad-request/not-found/forbidden class: trying the
// same record again gives the same answer); everything else (repo or MariaDB down, a timeout, a bug) is transient
// and retried with backoff, since dead-lettering good records during an outage would lose what was acknowledged.
import { AppError } from '../core/errors.js'
import { DecodeError } from '../contracts/payloads.js'
import type { GochatConfig } from '../config/index.js'

export interface ConsumerRetryPolicy {
  /** times a failing batch is tried again whole before its records are tried one at a time */
  batchRetries: number
  /** a record failing transiently is dead-lettered only after this long (and once others succeeded meanwhile) */
  recordWindowMs: number
  /** backoff between tries: baseMs · 2^(n-1), at most capMs */
  baseMs: number
  capMs: number
}

export const defaultConsumerRetry: ConsumerRetryPolicy = {
  batchRetries: 5,
  recordWindowMs: 300_000,
  baseMs: 250,
  capMs: 5_000,
}

export function consumerRetry(
  cfg: Pick<GochatConfig, 'consumer_batch_retries' | 'consumer_retry_window_ms'>,
): ConsumerRetryPolicy {
  return {
    ...defaultConsumerRetry,
    batchRetries: cfg.consumer_batch_retries,
    recordWindowMs: cfg.consumer_retry_window_ms,
  }
}

/** the pause before try n+1 after n failures */
export const pauseAfter = (policy: ConsumerRetryPolicy, failures: number): number =>
  Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, Math.min(30, failures - 1)))

/** AppError codes that are about the service, not the record */
const TRANSIENT_CODES = new Set(['unavailable', 'internal', 'rate_limited'])

export function isPermanent(err: unknown): boolean {
  if (err instanceof DecodeError) return true
  return err instanceof AppError && !TRANSIENT_CODES.has(err.code)
}

export const reasonOf = (err: unknown): string => {
  const text =
    err instanceof AppError ? `${err.code}: ${err.message}` : err instanceof Error ? err.message : String(err)
  return text.length > 500 ? `${text.slice(0, 500)}…` : text
}

/** A rejection that asks the bus to deliver the same records again after `retryAfterMs` (see retryAfterOf). */
export class RetryLater extends Error {
  override name = 'RetryLater'
  constructor(
    override readonly cause: unknown,
    readonly retryAfterMs: number,
  ) {
    super(`${reasonOf(cause)} (again in ${retryAfterMs} ms)`)
  }
}
