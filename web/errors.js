// Errors in words: what the server's codes (docs/protocol.md) mean to a person using the page.

const WORDS = {
  unauthorized: 'You are not signed in, or your session has expired.',
  invalid_credentials: 'Wrong username or password.',
  username_taken: 'That username is already taken.',
  invalid_name: 'That name has nothing visible in it, or invisible characters a username cannot have.',
  forbidden: 'You are not allowed to do that.',
  blocked: 'You cannot message this person: one of you blocked the other.',
  muted: 'A group admin muted you here for now.',
  banned: 'That person is banned from this group: only an admin can add them back.',
  not_found: 'That does not exist (or you cannot see it).',
  conflict: 'That clashes with something that already exists.',
  too_large: 'That is too large for the server.',
  rate_limited: 'Too much at once: wait a moment and try again.',
  bad_request: 'The server did not accept that input.',
  bad_frame: 'The server could not understand a frame from this page.',
  internal: 'The server had a problem. Try again.',
  network: 'The server cannot be reached right now.',
  timeout: 'The server did not answer in time.',
}
const STATUS_WORDS = {
  400: WORDS.bad_request,
  401: WORDS.unauthorized,
  403: WORDS.forbidden,
  404: WORDS.not_found,
  409: WORDS.conflict,
  413: WORDS.too_large,
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
export const isTransient = (err) => err?.code === 'network' || err?.code === 'timeout'
