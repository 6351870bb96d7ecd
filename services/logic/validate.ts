// Input checks shared by the logic handlers. Requests arrive from the gateway (already JSON-checked) or over gRPC
// from anywhere, so logic validates every field itself and answers bad_request naming the field. The limits
// and the length and padding checks are src/contracts/limits.ts, the ones repo checks against too.
import type { Long } from '@grpc/proto-loader'
import { AppError } from '../../src/core/errors.js'
import { maxLength, REQUEST_KEY_MAX, unpadded } from '../../src/contracts/limits.js'

/** A required string field (ids, keys): non-empty and at most `max` characters, not trimmed. */
export function requireId(value: string | undefined, field: string, max = REQUEST_KEY_MAX): string {
  if (typeof value !== 'string' || value.length === 0) throw new AppError('bad_request', `${field} is required`)
  return unpadded(maxLength(value, max, field), field)
}

/** A human-readable text field: trimmed, non-empty, at most `max` characters. */
export function requireText(value: string | undefined, field: string, max: number): string {
  const text = typeof value === 'string' ? value.trim() : ''
  if (text.length === 0) throw new AppError('bad_request', `${field} is required`)
  if (text.length > max) throw new AppError('bad_request', `${field} is longer than ${max} characters`)
  return text
}

/** int64 fields arrive as numbers in process and from the gRPC loader (longs: Number); strings and Longs are tolerated. */
export function toInt(value: number | string | Long | undefined | null, field: string): number {
  const n =
    value === undefined || value === null ? 0 : typeof value === 'object' ? Number(value.toString()) : Number(value)
  if (!Number.isSafeInteger(n)) throw new AppError('bad_request', `${field} must be an integer`)
  return n
}

/** Distinct ids in first-seen order, each checked. */
export function distinctIds(values: string[] | undefined, field: string): string[] {
  return [...new Set((values ?? []).map((v) => requireId(v, field)))]
}
