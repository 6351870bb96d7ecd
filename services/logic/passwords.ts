// Password hashing with scrypt from node:crypto: memory-hard, a fresh random salt per user, and the parameters
// stored inside the hash so they can be raised later without invalidating the hashes already stored. HashSlots
// bounds how many hashes run at once, so that a flood of logins cannot take libuv's whole thread pool.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import { AppError } from '../../src/core/errors.js'

const KEY_BYTES = 32
const SALT_BYTES = 16
// N=2^14, r=8: 16 MiB and a few tens of ms per hash — the floor OWASP recommends for scrypt. It runs on libuv's
// thread pool (async scrypt), so logins never stall the event loop.
const PARAMS = { N: 16384, r: 8, p: 1 }

function derive(
  password: string,
  salt: Buffer,
  params: { N: number; r: number; p: number },
  keyBytes: number,
): Promise<Buffer> {
  const opts: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 }
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, keyBytes, opts, (err, key) => (err ? reject(err) : resolve(key))),
  )
}

/** `scrypt$N$r$p$<salt b64>$<key b64>` */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES)
  const key = await derive(password, salt, PARAMS, KEY_BYTES)
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$')
}

/** Constant-time comparison; a malformed or empty stored hash (users created without a password) never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number]
  const salt = Buffer.from(parts[4]!, 'base64')
  const expected = Buffer.from(parts[5]!, 'base64')
  if (![N, r, p].every((v) => Number.isInteger(v) && v > 0) || salt.length === 0 || expected.length === 0) return false
  const key = await derive(password, salt, { N, r, p }, expected.length)
  return timingSafeEqual(key, expected)
}

let dummy: Promise<string> | undefined
/**
 * A hash to verify against when the username does not exist, so that "no such user" and "wrong password" take
 * the same time and the login endpoint cannot be used to probe for usernames.
 */
export const dummyHash = (): Promise<string> => (dummy ??= hashPassword(randomBytes(16).toString('hex')))

/**
 * At most `concurrency` hashes at once, at most `maxQueue` waiting (first come, first served); one more is
 * refused at once with unavailable rather than queued for ever behind a flood.
 */
export class HashSlots {
  private active = 0
  private readonly waiting: Array<() => void> = []

  constructor(
    private readonly concurrency: number,
    private readonly maxQueue: number,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active < this.concurrency) {
      this.active++
    } else {
      if (this.waiting.length >= this.maxQueue)
        throw new AppError('unavailable', 'too many password checks in progress; try again shortly', 1)
      await new Promise<void>((resolve) => this.waiting.push(resolve))
    }
    try {
      return await work()
    } finally {
      // the slot passes straight to the next in line
      const next = this.waiting.shift()
      if (next) next()
      else this.active--
    }
  }

  get queued(): number {
    return this.waiting.length
  }
}
