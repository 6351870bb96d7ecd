// Static files for the HTTP server's fallback (GET/HEAD outside /v1/, /health, /metrics): the web page in web/,
// and the browser build of gochat/client at /client.js.
// Only files under the root with a known extension are served; anything else falls through to a 404.
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { fileURLToPath } from 'node:url'
import type { StaticHandler } from './http-server.js'
import { requestTarget } from './request-target.js'

export const WEB_ROOT = fileURLToPath(new URL('../../web/', import.meta.url))

/** gochat/client for browsers (scripts/build-client.js, committed), at a stable path beside the page's files */
const FILES: Record<string, string> = {
  '/client.js': fileURLToPath(new URL('../../dist/client.js', import.meta.url)),
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
}

/** The page's scripts come only from here, and it talks only to this origin (REST and WebSocket); media may also
 *  be a blob: URL (a voice message played back before it is sent). */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

export function staticFiles(root: string = WEB_ROOT, files: Record<string, string> = FILES): StaticHandler {
  const base = path.resolve(root)
  return async (req, res) => {
    let rel: string
    try {
      rel = decodeURIComponent(requestTarget(req.url)?.pathname ?? '')
    } catch {
      return false
    }
    if (!rel) return false
    if (rel.endsWith('/')) rel += 'index.html'
    // no NUL bytes, backslashes or dot-segments/dotfiles: nothing outside the root, nothing hidden in it
    if (/[\0\\]/.test(rel) || rel.split('/').some((seg) => seg.startsWith('.'))) return false
    const file = files[rel] ?? path.resolve(base, `.${rel}`)
    if (!files[rel] && !file.startsWith(base + path.sep)) return false
    const type = TYPES[path.extname(file).toLowerCase()]
    if (!type) return false
    const info = await stat(file).catch(() => undefined)
    if (!info?.isFile()) return false
    res.writeHead(200, {
      'content-type': type,
      'content-length': info.size,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
      ...(type.startsWith('text/html')
        ? { 'content-security-policy': CSP, 'referrer-policy': 'no-referrer', 'x-frame-options': 'DENY' }
        : {}),
    })
    if (req.method === 'HEAD') res.end()
    else await pipeline(createReadStream(file), res)
    return true
  }
}
