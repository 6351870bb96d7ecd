// Request limits, once for both sides of the repo API: logic checks what clients send against them, repo checks
// every request (over gRPC or in process under --role=all, where no proto decoding happens) before it stores it.
// They are the column sizes of src/drivers/mysql/migrations/001_initial.sql, so that both stores agree.
import { AppError } from '../core/errors.js'

export const LIMITS = {
  id: 64,
  username: 64,
  displayName: 128,
  name: 255,
  idempotencyKey: 128,
  announcementBytes: 65_535,
}

/** The longest id-like value a client request may carry (the idempotency key's column); narrower columns (ids:
 *  64) are checked by repo, which answers bad_request naming the field all the same. */
export const REQUEST_KEY_MAX = LIMITS.idempotencyKey

/** `value` unchanged, or bad_request "<name> is longer than <max> characters" */
export function maxLength(value: string, max: number, name: string): string {
  if (value.length > max) throw new AppError('bad_request', `${name} is longer than ${max} characters`)
  return value
}

/** `value` unchanged, or bad_request: MySQL/MariaDB compare PAD SPACE, so "u_1 " would match "u_1" in the
 *  database but not in Redis or on the wire. Logic applies it to every id and key a client sends. */
export function unpadded(value: string, name: string): string {
  if (value !== value.trim()) throw new AppError('bad_request', `${name} must not start or end with whitespace`)
  return value
}
