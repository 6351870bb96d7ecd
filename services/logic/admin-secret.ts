// The deployment's admin_secret, checked the one way every admin path checks it: digests compared in constant
// time (equal lengths for timingSafeEqual, and no timing leak of the secret's length or prefix). Off while unset.
import { createHash, timingSafeEqual } from 'node:crypto'
import { AppError } from '../../src/core/errors.js'

const digest = (s: string) => createHash('sha256').update(s).digest()

/** throws forbidden unless `given` is the admin secret (and one is set) */
export function adminCheck(adminSecret: string | null): (given: string | null | undefined) => void {
  const expected = adminSecret ? digest(adminSecret) : undefined
  return (given) => {
    if (!expected) throw new AppError('forbidden', 'the admin path is off (admin_secret is not set)')
    if (!timingSafeEqual(digest(given ?? ''), expected)) throw new AppError('forbidden', 'admin secret does not match')
  }
}
