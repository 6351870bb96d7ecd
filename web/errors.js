// Errors in words: what the server's codes (docs/protocol.md) mean to a person using the page.

const WORDS = {
  unauthorized: 'You are not signed in, or your session has expired.',
  invalid_credentials: 'Wrong username or password.',
  username_taken: 'That username is already taken.',
  invalid_name: 'That name has nothing visible in it, or invisible characters a username cannot have.',
  forbidden: 'You are not allowed to do that.',
  not_found: 'That does not exist (or you cannot see it).',
  conflict: 'That clashes with something that already exists.',
  too_large: 'That is too large for the server.',
  quota_exceeded: 'Your attachments have reached your storage quota: delete some before sending more.',
  unsupported_media_type: 'That type of file cannot be sent here (or its contents are not what its type says).',
  upload_incomplete: 'The upload did not finish: send it again.',
  url_expired: 'The upload took too long: send it again.',
  recording: 'The microphone cannot be used.',
  rate_limited: 'Too much at once: wait a moment and try again.',
  bad_request: 'The server did not accept that input.',
  bad_frame: 'The server could not understand a frame from this page.',
  internal: 'The server had a problem. Try again.',
  network: 'The server cannot be reached right now.',
  timeout: 'The server did not answer in time.',
  closed: 'The connection closed before the server answered.',
  unavailable: 'The server is busy or restarting. Try again.',
  invalid_token: 'You are not signed in, or your session has expired.',
  expired: 'It waited too long to be sent: send it again.',
}
const STATUS_WORDS = {
  400: WORDS.bad_request,
  401: WORDS.unauthorized,
  403: WORDS.forbidden,
  404: WORDS.not_found,
  409: WORDS.conflict,
  413: WORDS.too_large,
  415: WORDS.unsupported_media_type,
  429: WORDS.rate_limited,
}

export class GochatError extends Error {
  constructor(code, detail, status) {
    const words = WORDS[code] ?? STATUS_WORDS[status] ?? 'Something went wrong.'
    super(detail && detail !== words ? `${words} (${detail})` : words)
    this.code = code
    this.status = status
  }
}
const TRANSIENT = new Set(['network', 'timeout', 'closed', 'unavailable'])
export const isTransient = (err) => TRANSIENT.has(err?.code)

/** An error of the client library (`code: detail`, the code, the HTTP status) as one in words; others as they are. */
export function inWords(err) {
  if (err instanceof GochatError || typeof err?.code !== 'string') return err
  const detail = String(err.message ?? '').replace(`${err.code}: `, '')
  return new GochatError(err.code, detail, err.status)
}
