// REST calls of docs/protocol.md with fetch (browsers and Node 20 both have it): JSON in and out, errors as
// GochatError with the protocol's code, the HTTP status and Retry-After.
import { parseRetryAfter } from './backoff.js'
import { GochatError } from './types.js'

export interface HttpOptions {
  token?: string
  body?: unknown
  headers?: Record<string, string>
  signal?: AbortSignal
}

export async function httpRequest<T>(baseUrl: string, method: string, path: string, o: HttpOptions = {}): Promise<T> {
  let res: Response
  try {
    res = await fetch(baseUrl + path, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
        ...o.headers,
      },
      signal: o.signal,
      ...(o.body === undefined ? {} : { body: typeof o.body === 'string' ? o.body : JSON.stringify(o.body) }),
    })
  } catch (err) {
    throw new GochatError('network', (err as Error).message)
  }
  const text = await res.text().catch(() => '')
  let data: { error?: { code?: string; message?: string } } | undefined
  try {
    data = text ? JSON.parse(text) : undefined
  } catch {
    data = undefined
  }
  if (!res.ok)
    throw new GochatError(
      data?.error?.code ?? (res.status === 503 ? 'unavailable' : 'unknown'),
      data?.error?.message ?? text,
      res.status,
      parseRetryAfter(res.headers.get('retry-after')),
    )
  return data as T
}
