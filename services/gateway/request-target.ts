// The path and query of a request, parsed without trusting the request line. `new URL(req.url, base)` reads
// `//host…` as another authority and throws on `//%`, `//[`, `//:99999`; here the target is always a path on
// this gateway, and one that cannot be parsed is undefined (a 400), never an exception.
// A `%` that does not start an escape (`/?x=%`, `/%zz`) makes the whole target malformed: WHATWG URL keeps it as it
// is, and the page would then be served or not depending on which part held it.
const BROKEN_ESCAPE = /%(?![0-9A-Fa-f]{2})/

export function requestTarget(raw: string | undefined): URL | undefined {
  const target = raw || '/'
  if (BROKEN_ESCAPE.test(target)) return undefined
  try {
    return new URL(target.startsWith('/') ? `http://gateway${target}` : `http://gateway/${target}`)
  } catch {
    return undefined
  }
}
