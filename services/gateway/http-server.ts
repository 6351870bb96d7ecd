// The gateway's HTTP side (node:http): docs/protocol.md's REST routes, /health and /metrics, and a hook for static
// files (the web page). Errors are always {"error":{"code","message"}} with the status the code maps to.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { register } from 'prom-client'
import { AppError } from '../../src/core/errors.js'
import type { HealthReport } from '../../src/core/role.js'
import { healthAnswer, healthPath } from '../../src/core/health.js'
import type { Logger } from '../../src/observability/log.js'
import { errorsTotal, secondsSince } from '../../src/observability/metrics.js'
import { endSpan, runWithin, SpanKind, startRootSpan, tracingEnabled } from '../../src/observability/tracing.js'
import { httpRequests, sendDuration } from './metrics.js'
import { clientKey, type KeyedLimiter } from './rate-limit.js'
import { requestTarget } from './request-target.js'
import type { SharedLimit } from './shared-limit.js'
import type { Route } from './routes.js'
import { bearer, type TokenVerifier } from './token-cache.js'

/** Serves a GET outside /v1/, /health and /metrics; resolves false when it has nothing for that path. */
export type StaticHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>

export interface HttpDeps {
  routes: Route[]
  verifier: TokenVerifier
  /** the largest request body (max_frame_bytes, as for WebSocket frames) */
  maxBodyBytes: number
  health: () => Promise<HealthReport>
  staticFiles?: StaticHandler
  /** the embedded blob store's signed URLs (/v1/blobs/…): raw bodies, signed instead of authenticated */
  blobFiles?: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>
  log: Logger
  /** per-IP limits of the unauthenticated routes, per-user limit of the others; none: unlimited */
  limits?: HttpLimits
  /** slow clients: headers, whole request (body included) and keep-alive idle time; none: Node's defaults */
  timeouts?: { headersMs: number; requestMs: number; keepAliveMs: number }
}

export interface HttpLimits {
  /** login, register, guest: by client IP */
  authPerIp: KeyedLimiter
  /** the same over all gateways (shared-limit.ts); none: this gateway's count only */
  authPerIpShared?: SharedLimit
  /** the admin path: by client IP */
  adminPerIp: KeyedLimiter
  /** every authenticated route: by user */
  restPerUser: KeyedLimiter
  now?: () => number
}

/** rate_limited, with the wait that the answer's Retry-After carries */
export class Limited extends AppError {
  constructor(
    readonly retryAfterMs: number,
    message: string,
  ) {
    super('rate_limited', message, Math.max(1, Math.ceil(retryAfterMs / 1000)))
  }
}

/** A body this many times over the limit is not drained to the end: the connection is cut. */
const DRAIN_FACTOR = 16

function sendJson(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    res.writeHead(status).end()
    return
  }
  const text = JSON.stringify(body)
  res
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) })
    .end(text)
}

function sendError(res: ServerResponse, err: AppError): void {
  // the edge's own limits and those of logic (login lockout, a full hashing queue) alike
  if (err.retryAfterSeconds) res.setHeader('retry-after', String(err.retryAfterSeconds))
  sendJson(res, err.httpStatus, err.toJSON())
}

/** On every response: no MIME sniffing, and API answers (tokens, messages) never cached; static files set their own. */
export const SECURITY_HEADERS = { 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' } as const

/** The client closed its connection before its request body was read: its business, not a server error. */
class ClientGone extends Error {}

/**
 * Reads the body up to `limit` bytes. A larger body is read on and thrown away, so the client (which is still
 * sending) gets to read the 413 instead of a reset connection.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) chunks.push(chunk)
      else if (size > limit * DRAIN_FACTOR) req.destroy()
    })
    req.on('end', () =>
      size > limit
        ? reject(new AppError('too_large', `request body is larger than ${limit} bytes`))
        : resolve(Buffer.concat(chunks)),
    )
    req.on('error', () => reject(new ClientGone('client closed the connection mid-request')))
    req.on(
      'close',
      () =>
        size > limit * DRAIN_FACTOR && reject(new AppError('too_large', `request body is larger than ${limit} bytes`)),
    )
  })
}

function parseJsonObject(raw: Buffer): Record<string, unknown> {
  if (raw.length === 0) return {}
  let v: unknown
  try {
    v = JSON.parse(raw.toString('utf8'))
  } catch {
    throw new AppError('bad_request', 'body is not valid JSON')
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new AppError('bad_request', 'body must be a JSON object')
  return v as Record<string, unknown>
}

function decodeParams(match: RegExpExecArray): string[] {
  try {
    return match.slice(1).map((s) => decodeURIComponent(s))
  } catch {
    throw new AppError('bad_request', 'malformed path')
  }
}

async function serveApi(
  deps: HttpDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  matched: { name: string },
): Promise<string> {
  const onPath = deps.routes.map((r) => ({ r, m: r.path.exec(url.pathname) })).filter((x) => x.m)
  const hit = onPath.find((x) => x.r.method === req.method)
  if (!hit) {
    if (onPath.length === 0) throw new AppError('not_found', `no route ${req.method} ${url.pathname}`)
    res.setHeader('allow', onPath.map((x) => x.r.method).join(', '))
    sendJson(res, 405, {
      error: { code: 'method_not_allowed', message: `${req.method} is not allowed on ${url.pathname}` },
    })
    return 'unknown'
  }
  const { r: route, m } = hit
  matched.name = route.name
  const limits = deps.limits
  const now = limits?.now?.() ?? Date.now()
  if (limits && route.perIp) {
    const key = clientKey(req.socket.remoteAddress)
    let wait = (route.perIp === 'auth' ? limits.authPerIp : limits.adminPerIp).take(key, now)
    if (!wait && route.perIp === 'auth' && limits.authPerIpShared) wait = await limits.authPerIpShared(key, now)
    if (wait)
      throw new Limited(
        wait,
        `too many ${route.perIp === 'auth' ? 'sign-in' : 'admin'} requests from this address; retry later`,
      )
  }
  const params = decodeParams(m!)
  let userId = ''
  if (route.auth) {
    const token = bearer(req.headers.authorization)
    if (!token) throw new AppError('unauthorized', 'missing Authorization: Bearer <token>')
    userId = await deps.verifier.verify(token)
    const wait = limits?.restPerUser.take(userId, now)
    if (wait) throw new Limited(wait, 'too many requests; retry later')
  }
  const body = parseJsonObject(await readBody(req, deps.maxBodyBytes))
  const result = await route.run({
    userId,
    body,
    params,
    query: url.searchParams,
    headers: req.headers,
    client: clientKey(req.socket.remoteAddress),
  })
  sendJson(res, result.status, result.status === 204 ? undefined : result.body)
  return route.name
}

async function handle(deps: HttpDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const received = performance.now()
  const url = requestTarget(req.url)
  const path = url?.pathname ?? ''
  let name = 'unknown'
  const matched = { name: 'unknown' }
  // API requests start a trace (when tracing is on), ended once the response is written
  const span =
    url && tracingEnabled() && path.startsWith('/v1/')
      ? startRootSpan('gateway', `http ${req.method}`, SpanKind.SERVER, { 'http.request.method': req.method ?? '' })
      : undefined
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v)
  try {
    if (!url) {
      throw new AppError('bad_request', 'malformed request target')
    } else if (deps.blobFiles && path.startsWith('/v1/blobs/') && (await deps.blobFiles(req, res, url))) {
      name = 'blob'
    } else if (path.startsWith('/v1/')) {
      name = span
        ? await runWithin(span, () => serveApi(deps, req, res, url, matched))
        : await serveApi(deps, req, res, url, matched)
    } else if (healthPath(path) && req.method === 'GET') {
      name = 'health'
      const { status, body } = await healthAnswer(healthPath(path)!, deps.health)
      sendJson(res, status, body)
    } else if (path === '/metrics' && req.method === 'GET') {
      name = 'metrics'
      const text = await register.metrics()
      res.writeHead(200, { 'content-type': register.contentType }).end(text)
    } else if (
      (req.method === 'GET' || req.method === 'HEAD') &&
      deps.staticFiles &&
      (await deps.staticFiles(req, res))
    ) {
      name = 'static'
    } else {
      throw new AppError('not_found', `nothing at ${path}`)
    }
  } catch (err) {
    if (err instanceof ClientGone) {
      deps.log.debug('client went away mid-request', { method: req.method, path })
      res.destroy()
    } else if (res.headersSent) {
      res.destroy()
    } else if (err instanceof AppError) {
      errorsTotal.inc({ role: 'gateway', code: err.code })
      sendError(res, err)
    } else {
      deps.log.error('HTTP request failed', { err, method: req.method, path })
      errorsTotal.inc({ role: 'gateway', code: 'internal' })
      sendError(res, new AppError('internal', 'internal error'))
    }
  } finally {
    if (name === 'unknown') name = matched.name
    httpRequests.inc({ route: name, status: String(res.statusCode) })
    if (name === 'send')
      sendDuration.observe({ transport: 'http', result: res.statusCode < 400 ? 'ok' : 'error' }, secondsSince(received))
    if (span) {
      span.updateName(`http ${name}`)
      span.setAttributes({ 'http.route': name, 'http.response.status_code': res.statusCode })
      endSpan(span, res.statusCode >= 500 ? res.statusCode : undefined)
    }
  }
}

/** Whatever escapes handle() ends here: logged, and the request answered 500 or cut, never an unhandled rejection. */
function lastResort(deps: HttpDeps, res: ServerResponse, err: unknown): void {
  deps.log.error('HTTP handler failed', { err })
  if (res.headersSent) res.destroy()
  else sendError(res, new AppError('internal', 'internal error'))
}

export function createHttpServer(deps: HttpDeps): Server {
  const t = deps.timeouts
  // Node checks these timeouts every connectionsCheckingInterval (30 s by default): often enough to keep to them
  const options = t
    ? {
        headersTimeout: Math.min(t.headersMs, t.requestMs),
        requestTimeout: t.requestMs,
        keepAliveTimeout: t.keepAliveMs,
        connectionsCheckingInterval: Math.max(100, Math.min(1000, Math.floor(t.headersMs / 4))),
      }
    : {}
  const server = createServer(
    options,
    (req, res) => void handle(deps, req, res).catch((err: unknown) => lastResort(deps, res, err)),
  )
  if (t) server.keepAliveTimeout = t.keepAliveMs
  return server
}
