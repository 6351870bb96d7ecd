// Serves Promise-shaped APIs over gRPC: AppError becomes a status plus the `gochat-code` trailer. Every call is
// timed (gochat_grpc_server_duration_seconds) and, with tracing on, runs in a server span that continues the
// caller's trace from the call's metadata (traceparent). Callers are checked first (src/rpc/security.ts): a call
// without the right rpc_secret is refused UNAUTHENTICATED; with mutual TLS one without a client certificate
// never gets past the handshake.
import {
  Metadata,
  Server,
  status,
  type sendUnaryData,
  type ServerUnaryCall,
  type ServiceDefinition,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js'
import type { TextMapGetter } from '@opentelemetry/api'
import { AppError } from '../core/errors.js'
import { log } from '../observability/log.js'
import { errorsTotal, grpcCodeName, grpcServerDuration, secondsSince } from '../observability/metrics.js'
import {
  endSpan,
  extract,
  runWithin,
  SpanKind,
  startSpan,
  tracingEnabled,
  type TraceRole,
} from '../observability/tracing.js'
import { checkRpcExposure, type RpcSecurity, secretCheck, serverCredentials } from './security.js'

type AnyApi = Record<string, (req: never) => Promise<unknown>>

export const metadataGetter: TextMapGetter<Metadata> = {
  get: (md, key) => {
    const v = md.get(key)[0]
    return v === undefined ? undefined : String(v)
  },
  keys: (md) => Object.keys(md.getMap()),
}

/** "/gochat.repo.v1.RepoService/StoreMessage" → service and method */
export function splitPath(
  path: string | undefined,
  method: string,
  fallbackService = 'unknown',
): { service: string; method: string } {
  const m = path ? /^\/([^/]+)\/([^/]+)$/.exec(path) : null
  return m ? { service: m[1]!, method: m[2]! } : { service: fallbackService, method }
}

export function toGrpcHandlers(
  api: AnyApi,
  definition: ServiceDefinition,
  role?: TraceRole,
  allowed?: (md: Metadata, peer: string) => boolean,
): UntypedServiceImplementation {
  const handlers: UntypedServiceImplementation = {}
  for (const method of Object.keys(definition)) {
    const fn = api[method]
    if (!fn) throw new Error(`gRPC method ${method} has no implementation`)
    const names = splitPath(definition[method]?.path, method)
    const spanName = `${names.service}/${names.method}`
    const ok = grpcServerDuration.labels({ service: names.service, method: names.method, code: 'OK' })
    handlers[method] = (call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<unknown>) => {
      if (allowed && !allowed(call.metadata, call.getPeer())) return refuse(callback)
      const start = performance.now()
      const span =
        tracingEnabled() && role
          ? startSpan(role, spanName, SpanKind.SERVER, extract(call.metadata, metadataGetter), {
              'rpc.system': 'grpc',
              'rpc.service': names.service,
              'rpc.method': names.method,
            })
          : undefined
      const answer = span
        ? runWithin(span, () => fn.call(api, call.request as never))
        : fn.call(api, call.request as never)
      answer.then(
        (res) => {
          ok.observe(secondsSince(start))
          endSpan(span)
          callback(null, res)
        },
        (err: unknown) => {
          const metadata = new Metadata()
          const appErr = err instanceof AppError ? err : undefined
          const code = appErr ? appErr.grpcStatus : status.INTERNAL
          grpcServerDuration.observe(
            { service: names.service, method: names.method, code: grpcCodeName(code) },
            secondsSince(start),
          )
          if (role) errorsTotal.inc({ role, code: appErr?.code ?? 'internal' })
          span?.setAttribute('rpc.grpc.status_code', code)
          endSpan(span, err, appErr?.code)
          if (appErr) {
            metadata.set('gochat-code', appErr.code)
            if (appErr.retryAfterSeconds) metadata.set('gochat-retry-after', String(appErr.retryAfterSeconds))
            callback({ code, details: appErr.message, metadata, name: 'AppError', message: appErr.message })
          } else {
            log.error(`gRPC ${method} failed`, { err })
            metadata.set('gochat-code', 'internal')
            // the detail (a driver's message, an address) stays in this log, not in the answer
            callback({ code, details: 'internal error', metadata, name: 'Error', message: 'internal' })
          }
        },
      )
    }
  }
  return handlers
}

function refuse(callback: sendUnaryData<unknown>): void {
  const metadata = new Metadata()
  // the caller treats it as its own failure (internal), not as its client's bad credentials
  metadata.set('gochat-code', 'internal')
  const details = 'rpc_secret missing or wrong'
  callback({ code: status.UNAUTHENTICATED, details, metadata, name: 'Unauthenticated', message: details })
}

export interface GrpcService {
  definition: ServiceDefinition
  api: object
}

/**
 * Serves `services` on `address` (port 0: any free port); the server and the address it actually bound. `role`
 * names the serving role in spans and in gochat_errors_total; `security` says who may call (throws a ConfigError
 * for a non-loopback address without any).
 */
export async function startGrpcServer(
  address: string,
  services: GrpcService[],
  role?: TraceRole,
  security: RpcSecurity = {},
): Promise<{ server: Server; address: string }> {
  checkRpcExposure(address, security)
  const allowed = secretCheck(security.secret)
  const server = new Server({ 'grpc.max_receive_message_length': 16 * 1024 * 1024 })
  for (const s of services)
    server.addService(s.definition, toGrpcHandlers(s.api as AnyApi, s.definition, role, allowed))
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(address, serverCredentials(security), (err, bound) =>
      err ? reject(new Error(`cannot listen on ${address}: ${err.message}`)) : resolve(bound),
    ),
  )
  return { server, address: `${address.slice(0, address.lastIndexOf(':'))}:${port}` }
}

/** Stops accepting calls and waits for in-flight ones (bounded), then forces the rest. */
export function stopGrpcServer(server: Server, graceMs = 5000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      server.forceShutdown()
      resolve()
    }, graceMs)
    server.tryShutdown(() => {
      clearTimeout(timer)
      resolve()
    })
  })
}
