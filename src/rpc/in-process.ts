// Under --role=all the roles call each other's API objects in process, with no gRPC in between. With tracing on,
// this wrapper gives those calls the span the gRPC server would have made (same name, the callee's role), so a
// trace looks the same whichever way the roles are deployed. With tracing off the API is returned as it is.
import type { ServiceDefinition } from '@grpc/grpc-js'
import { runSpan, SpanKind, startChildSpan, tracingEnabled, type TraceRole } from '../observability/tracing.js'
import { splitPath } from './server.js'

type AnyFn = (req: unknown) => Promise<unknown>

export function tracedApi<T extends object>(api: T, role: TraceRole, definition: ServiceDefinition): T {
  if (!tracingEnabled()) return api
  const source = api as unknown as Record<string, AnyFn>
  const out: Record<string, AnyFn> = {}
  for (const method of Object.keys(definition)) {
    const fn = source[method]
    if (!fn) continue
    const names = splitPath(definition[method]?.path, method)
    const name = `${names.service}/${names.method}`
    const attributes = { 'rpc.system': 'in-process', 'rpc.service': names.service, 'rpc.method': names.method }
    out[method] = (req) => {
      const span = startChildSpan(role, name, SpanKind.SERVER, attributes)
      return span ? runSpan(span, () => fn.call(api, req)) : fn.call(api, req)
    }
  }
  return out as unknown as T
}
