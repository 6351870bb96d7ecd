// Users for a benchmark. The admin route (docs/protocol.md's bulk creation on the gateway, authorised by the
// target's admin_secret) makes thousands of users with tokens in one call; a gateway without that route gets
// guests instead, one call each, which is slower but needs no secret — the result says which way was used.
import { ADMIN_SECRET_HEADER, ApiError, RestClient, type Session } from '../src/client/rest.js'
import { UsageError } from '../src/core/operator-errors.js'

export const ADMIN_BULK_PATH = '/v1/admin/users/bulk'
export { ADMIN_SECRET_HEADER }

export interface BenchUsers {
  users: Session[]
  via: 'admin' | 'guest'
}

/** one call's worth: keeps each answer (ids + tokens, ~250 bytes a user) to about a megabyte */
const BULK_CHUNK = 5000

async function bulk(url: string, secret: string, count: number, namePrefix: string): Promise<Session[]> {
  const res = await fetch(url + ADMIN_BULK_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [ADMIN_SECRET_HEADER]: secret },
    body: JSON.stringify({ count, namePrefix }),
  })
  const text = await res.text()
  const data = text ? (JSON.parse(text) as { users?: Session[]; error?: { code?: string; message?: string } }) : {}
  if (!res.ok) throw new ApiError(res.status, data.error?.code ?? 'unknown', data.error?.message ?? text)
  if (!Array.isArray(data.users) || data.users.length !== count)
    throw new Error(`${ADMIN_BULK_PATH} answered ${data.users?.length ?? 'no'} users for ${count}`)
  return data.users.map((u) => ({ userId: u.userId, token: u.token }))
}

async function guests(url: string, count: number, concurrency = 16): Promise<Session[]> {
  const out: Session[] = new Array(count)
  let next = 0
  const lane = async () => {
    while (next < count) {
      const k = next++
      out[k] = await new RestClient(url).guest(`bench-${k}`)
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane))
  return out
}

export async function createUsers(
  url: string,
  secret: string,
  count: number,
  namePrefix = 'bench',
  onFallback?: (why: string) => void,
): Promise<BenchUsers> {
  if (!secret)
    throw new UsageError(
      'no admin secret for the bulk users',
      "give --admin-secret or GOCHAT_ADMIN_SECRET: the target's admin_secret (gochat up and cluster up print theirs)",
    )
  const users: Session[] = []
  try {
    for (let done = 0; done < count; done += BULK_CHUNK)
      users.push(...(await bulk(url, secret, Math.min(BULK_CHUNK, count - done), namePrefix)))
    return { users, via: 'admin' }
  } catch (err) {
    // only a missing route falls back; a refused secret or a failing gateway is the operator's to fix
    if (err instanceof ApiError && err.status === 403)
      throw new UsageError(
        `${url} refused the admin secret (${err.message})`,
        "--admin-secret or GOCHAT_ADMIN_SECRET must be the target's admin_secret (gochat up and cluster up print theirs)",
      )
    if (!(err instanceof ApiError && (err.status === 404 || err.status === 405)) || users.length > 0) throw err
    onFallback?.(`${url}${ADMIN_BULK_PATH} is not there (${err.message}); creating ${count} guests one by one instead`)
    return { users: await guests(url, count), via: 'guest' }
  }
}
