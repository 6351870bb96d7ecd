// The embedded blob store's signed URLs: `/v1/blobs/<key>?m=&e=&t=&s=&n=&sig=`, an HMAC-SHA256 over the method,
// key, expiry and the terms the gateway enforces (mime, size, file name). Anyone holding the URL may use it until
// it expires, as with S3's presigned URLs; nothing else opens a blob.
import { createHmac, timingSafeEqual } from 'node:crypto'

export const BLOB_PATH = '/v1/blobs/'

export interface UrlTerms {
  method: 'PUT' | 'GET'
  key: string
  /** epoch seconds */
  expires: number
  mime: string
  /** PUT: the exact body size */
  size?: number
  /** GET: Content-Disposition's file name */
  name?: string
}

const canonical = (t: UrlTerms) => [t.method, t.key, t.expires, t.mime, t.size ?? '', t.name ?? ''].join('\n')

export function signUrl(secret: Buffer, t: UrlTerms): string {
  const q = new URLSearchParams({ m: t.method, e: String(t.expires), t: t.mime })
  if (t.size !== undefined) q.set('s', String(t.size))
  if (t.name !== undefined) q.set('n', t.name)
  q.set('sig', createHmac('sha256', secret).update(canonical(t)).digest('base64url'))
  return `${BLOB_PATH}${t.key}?${q}`
}

export type Verdict = { ok: true; terms: UrlTerms } | { ok: false; code: 'forbidden' | 'url_expired'; message: string }

/** Checks a request's URL (path and query) against its signature, then its expiry at `nowMs`. */
export function verifyUrl(secret: Buffer, method: string, url: URL, nowMs: number): Verdict {
  const q = url.searchParams
  const size = q.get('s')
  const terms: UrlTerms = {
    method: q.get('m') as 'PUT' | 'GET',
    key: url.pathname.slice(BLOB_PATH.length),
    expires: Number(q.get('e')),
    mime: q.get('t') ?? '',
    ...(size !== null ? { size: Number(size) } : {}),
    ...(q.has('n') ? { name: q.get('n')! } : {}),
  }
  const want = createHmac('sha256', secret).update(canonical(terms)).digest()
  const given = Buffer.from(q.get('sig') ?? '', 'base64url')
  if (given.length !== want.length || !timingSafeEqual(given, want))
    return { ok: false, code: 'forbidden', message: 'the URL is not one this server signed' }
  const allowed = terms.method === 'GET' ? ['GET', 'HEAD'] : ['PUT']
  if (!allowed.includes(method))
    return { ok: false, code: 'forbidden', message: `the URL is signed for ${terms.method}` }
  if (!Number.isSafeInteger(terms.expires) || terms.expires * 1000 <= nowMs)
    return { ok: false, code: 'url_expired', message: 'the URL has expired; ask for a new one' }
  return { ok: true, terms }
}
