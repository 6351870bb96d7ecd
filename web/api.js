// REST: one JSON request with the session's token; a 401 signs the page out.
import { GochatError } from './errors.js'
import { page, state } from './state.js'

export async function api(method, path, body) {
  let res
  try {
    res = await fetch(path, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(state.session ? { authorization: `Bearer ${state.session.token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch (err) {
    throw new GochatError('network', err.message)
  }
  const text = await res.text()
  let data
  try {
    data = text ? JSON.parse(text) : undefined
  } catch {
    data = undefined
  }
  if (!res.ok) {
    const err = new GochatError(
      data?.error?.code ?? `http_${res.status}`,
      data?.error?.message ?? `HTTP ${res.status}`,
      res.status,
    )
    if (res.status === 401 && state.session) page.signOut(err.message)
    throw err
  }
  return data
}
export const enc = encodeURIComponent
