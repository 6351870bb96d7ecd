// MySQL out of reach (refused, connection lost or reset, timed out, shutting down) is an outage, not a failed
// statement: callers get `unavailable` at once (a client retries with its idempotency key), the outage is logged
// once with its cause and its end at info. A statement's own errors (duplicate key, deadlock, bad SQL) stay as
// they are.
import { AppError } from '../../core/errors.js'
import { log } from '../../observability/log.js'

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_SERVER_SHUTDOWN',
  'ER_CON_COUNT_ERROR',
])

export function isOutage(err: unknown): boolean {
  if (err instanceof AppError) return false
  const e = err as { fatal?: boolean; code?: string; message?: string }
  return e.fatal === true || CONNECTION_CODES.has(e.code ?? '') || /closed state/.test(e.message ?? '')
}

/** One per store: runs its operations, turning an outage into `unavailable` and saying when it starts and ends. */
export class OutageWatch {
  private down = false

  constructor(private readonly where: string) {}

  async run<T>(op: () => Promise<T>): Promise<T> {
    let out: T
    try {
      out = await op()
    } catch (err) {
      if (!isOutage(err)) throw err
      if (!this.down)
        log.warn('MySQL unreachable; requests needing it get unavailable until it is back', { at: this.where, err })
      this.down = true
      throw new AppError('unavailable', 'the database is unavailable; try again shortly', 1)
    }
    if (this.down) log.info('MySQL is reachable again', { at: this.where })
    this.down = false
    return out
  }
}
