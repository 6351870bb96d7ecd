// The path and query of a request, parsed without trusting the request line. `new URL(req.url, base)` reads
// `//host…` as another authority and throws on `//%`, `//[`, `//:99999`; here the target is always a path on
// this gateway, and one that cannot be parsed is undefined (a 400), never an exception.
export function requestTarget(raw: string | undefined): URL | undefined {
  const target = raw || '/'
  try {
    return new URL(target.startsWith('/') ? `http://gateway${target}` : `http://gateway/${target}`)
  } catch {
    return undefined
  }
}
