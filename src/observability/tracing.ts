// OpenTelemetry tracing, off by default. `tracing_endpoint` (an OTLP/HTTP URL such as
// http://127.0.0.1:4318/v1/traces) turns it on; `tracing_sample_ratio` samples new traces (parent-based: a span
// follows its parent's decision). The SDK is loaded only when tracing is on; when it is off every helper here
// returns after one boolean check, the tracer is the API's no-op and nothing is exported.
//
// Where the context travels (W3C traceparent, see docs/metrics.md#tracing):
// - gateway: a root span per client frame (`ws.<op>`) or REST request (`http <route>`), ended when the answer is
//   written; `ws.write` per DownstreamMessage written to sockets (a child of the task span that produced it)
// - gRPC: the client injects into the call's metadata, the server extracts (src/rpc/client.ts, server.ts)
// - bus: every published record carries a traceparent header (src/messaging/traced.ts); consumers start their span
//   from it (consumeSpan)
// - outbox: repo writes the traceparent into the outbox row's headers; the relay's `outbox.relay` span is its
//   child and replaces the header with its own, so the consumers of the relayed record are children of the relay
import {
  context,
  trace,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  type Attributes,
  type Context,
  type Span,
  type TextMapGetter,
  type TextMapSetter,
  type Tracer,
} from '@opentelemetry/api'
import { readFileSync } from 'node:fs'
import { setLogEnricher } from './log.js'

export { SpanKind }
export type TraceRole = 'gateway' | 'logic' | 'repo' | 'task'

export interface TracingOptions {
  /** OTLP/HTTP traces URL; null or empty: tracing off */
  endpoint: string | null
  /** 0..1, the share of new traces that are sampled */
  sampleRatio: number
  /** service.name of the resource (gochat-gateway, …, gochat-all) */
  serviceName: string
  instanceId: string
}

export interface TracingHandle {
  readonly enabled: boolean
  /** the span exporter (undefined when off) */
  readonly exporter?: unknown
  /** exports what is pending */
  flush(): Promise<void>
  /** releases this user of the provider; the last one shuts it down (flushing what is pending) */
  release(): Promise<void>
}

export const ROLE_ATTR = 'gochat.role'
export const INSTANCE_ATTR = 'gochat.instance'

const TRACEPARENT = 'traceparent'
const TRACESTATE = 'tracestate'

let on = false
let tracer: Tracer = trace.getTracer('gochat')
let instanceId = ''
let shared: { refs: number; exporter: unknown; flush(): Promise<void>; shutdown(): Promise<void> } | undefined
let starting: Promise<unknown> | undefined

/** true while a provider is installed; the hot path checks this and nothing else when tracing is off */
export const tracingEnabled = (): boolean => on

/** the tracer in use: the API's no-op tracer unless tracing is on */
export const activeTracer = (): Tracer => tracer

const off: TracingHandle = { enabled: false, flush: async () => {}, release: async () => {} }

/**
 * Installs the process-wide tracer provider (once; later calls share it and are counted). Under --role=all one
 * provider serves every role: spans tell their role by the gochat.role attribute.
 */
export async function initTracing(opts: TracingOptions): Promise<TracingHandle> {
  if (!opts.endpoint) return off
  while (starting) await starting.catch(() => undefined)
  if (!shared) {
    const p = install(opts)
    starting = p
    try {
      await p
    } finally {
      starting = undefined
    }
  }
  const s = shared!
  s.refs++
  let released = false
  return {
    enabled: true,
    exporter: s.exporter,
    flush: () => s.flush(),
    release: async () => {
      if (released) return
      released = true
      if (--s.refs > 0) return s.flush()
      shared = undefined
      on = false
      tracer = trace.getTracer('gochat')
      setLogEnricher(undefined)
      await s.shutdown()
    },
  }
}

async function install(opts: TracingOptions): Promise<void> {
  const [
    { NodeTracerProvider, BatchSpanProcessor, ParentBasedSampler, TraceIdRatioBasedSampler },
    { OTLPTraceExporter },
    { resourceFromAttributes },
    { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION },
  ] = await Promise.all([
    import('@opentelemetry/sdk-trace-node'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/semantic-conventions'),
  ])
  const exporter = new OTLPTraceExporter({ url: opts.endpoint! })
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: opts.serviceName,
      [ATTR_SERVICE_VERSION]: packageVersion(),
      // incubating semantic convention (service.instance.id), spelled out rather than imported
      'service.instance.id': opts.instanceId,
    }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(opts.sampleRatio) }),
    spanProcessors: [new BatchSpanProcessor(exporter)],
  })
  // AsyncLocalStorage context manager; context goes over the wire through our own W3C propagator (below)
  provider.register({ propagator: null })
  instanceId = opts.instanceId
  tracer = provider.getTracer('gochat')
  on = true
  setLogEnricher(logFields)
  shared = {
    refs: 0,
    exporter,
    flush: () => provider.forceFlush(),
    shutdown: async () => {
      await provider.shutdown().catch(() => undefined)
      trace.disable()
      context.disable()
    },
  }
}

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string })
      .version
  } catch {
    return 'unknown'
  }
}

function logFields(entry: Record<string, unknown>): void {
  const span = trace.getSpan(context.active())
  if (!span) return
  const sc = span.spanContext()
  entry.trace_id = sc.traceId
  entry.span_id = sc.spanId
}

// ---- W3C trace context (traceparent / tracestate), the same format over gRPC metadata and record headers ----

const VERSION = '00'
const TRACEPARENT_RE = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/

/** writes the traceparent (and tracestate) of ctx's span into carrier; nothing when ctx has no valid span */
export function inject<C>(ctx: Context, carrier: C, setter: TextMapSetter<C>): void {
  const span = trace.getSpan(ctx)
  if (!span) return
  const sc = span.spanContext()
  if (!trace.isSpanContextValid(sc)) return
  setter.set(carrier, TRACEPARENT, `${VERSION}-${sc.traceId}-${sc.spanId}-0${(sc.traceFlags & 1).toString(16)}`)
  const state = sc.traceState?.serialize()
  if (state) setter.set(carrier, TRACESTATE, state)
}

/** the context whose remote parent the carrier names, else ROOT_CONTEXT */
export function extract<C>(carrier: C, getter: TextMapGetter<C>): Context {
  const raw = getter.get(carrier, TRACEPARENT)
  const value = Array.isArray(raw) ? raw[0] : raw
  const m = value ? TRACEPARENT_RE.exec(value.trim()) : null
  if (!m || m[1] === '00000000000000000000000000000000' || m[2] === '0000000000000000') return ROOT_CONTEXT
  return trace.setSpanContext(ROOT_CONTEXT, {
    traceId: m[1]!,
    spanId: m[2]!,
    traceFlags: parseInt(m[3]!, 16) & 1,
    isRemote: true,
  })
}

export const headerSetter: TextMapSetter<Record<string, string>> = {
  set: (c, k, v) => {
    c[k] = v
  },
}
export const headerGetter: TextMapGetter<Record<string, string>> = { get: (c, k) => c[k], keys: (c) => Object.keys(c) }

/** `{traceparent}` of the active span, for records and outbox rows; `{}` when off or outside a span */
export function traceHeaders(): Record<string, string> {
  const carrier: Record<string, string> = {}
  if (on) inject(context.active(), carrier, headerSetter)
  return carrier
}

/** the active trace id, when tracing is on and a span is active */
export function currentTraceId(): string | undefined {
  if (!on) return undefined
  const sc = trace.getSpan(context.active())?.spanContext()
  return sc && trace.isSpanContextValid(sc) ? sc.traceId : undefined
}

/** adds the active span's traceparent to records that have none (records produced while handling one input) */
export function stampRecords(records: Iterable<{ headers?: Record<string, string> }>): void {
  if (!on) return
  const carrier = traceHeaders()
  if (!carrier[TRACEPARENT]) return
  for (const r of records) if (!r.headers?.[TRACEPARENT]) r.headers = { ...r.headers, ...carrier }
}

export const hasTraceparent = (headers: Record<string, string> | undefined): boolean => Boolean(headers?.[TRACEPARENT])

// ---- spans ----

/** a span with the role and instance attributes; parent defaults to the active context */
export function startSpan(
  role: TraceRole,
  name: string,
  kind: SpanKind,
  parent: Context = context.active(),
  attributes?: Attributes,
): Span {
  return tracer.startSpan(
    name,
    { kind, attributes: { [ROLE_ATTR]: role, [INSTANCE_ATTR]: instanceId, ...attributes } },
    parent,
  )
}

/** a new trace (the gateway, where a client's frame or request arrives); undefined when off */
export function startRootSpan(
  role: TraceRole,
  name: string,
  kind: SpanKind = SpanKind.SERVER,
  attributes?: Attributes,
): Span | undefined {
  return on ? startSpan(role, name, kind, ROOT_CONTEXT, attributes) : undefined
}

/** a child of the active span; undefined when off or when no span is active (no trace to continue) */
export function startChildSpan(
  role: TraceRole,
  name: string,
  kind: SpanKind,
  attributes?: Attributes,
): Span | undefined {
  if (!on) return undefined
  const parent = context.active()
  return trace.getSpan(parent) ? startSpan(role, name, kind, parent, attributes) : undefined
}

/** runs fn with span as the active span (fn as is when there is no span) */
export function runWithin<T>(span: Span | undefined, fn: () => T): T {
  return span ? context.with(trace.setSpan(context.active(), span), fn) : fn()
}

/** ends a span, marking it failed when err is given */
export function endSpan(span: Span | undefined, err?: unknown, code?: string): void {
  if (!span) return
  if (err !== undefined) {
    if (err instanceof Error) span.recordException(err)
    span.setStatus({ code: SpanStatusCode.ERROR, message: code ?? (err instanceof Error ? err.message : String(err)) })
  }
  span.end()
}

/** runs fn inside span, ending it when fn settles (sync or async) */
export function runSpan<T>(span: Span, fn: (span: Span) => T): T {
  let result: T
  try {
    result = context.with(trace.setSpan(context.active(), span), fn, undefined, span)
  } catch (err) {
    endSpan(span, err)
    throw err
  }
  if (result && typeof (result as { then?: unknown }).then === 'function') {
    return (result as unknown as Promise<unknown>).then(
      (v) => {
        endSpan(span)
        return v
      },
      (err: unknown) => {
        endSpan(span, err)
        throw err
      },
    ) as T
  }
  endSpan(span)
  return result
}

/**
 * A consumer span for one record, continuing the trace its traceparent header names (a new trace when it has
 * none). When tracing is off fn runs as is.
 */
export function consumeSpan<T>(
  role: TraceRole,
  name: string,
  record: { topic: string; partition: number; offset: string; headers: Record<string, string> },
  fn: (span?: Span) => T,
): T {
  if (!on) return fn()
  const span = startSpan(role, name, SpanKind.CONSUMER, extract(record.headers, headerGetter), {
    'messaging.system': 'kafka',
    'messaging.operation.type': 'process',
    'messaging.destination.name': record.topic,
    'messaging.destination.partition.id': String(record.partition),
    'messaging.kafka.offset': Number(record.offset),
  })
  return runSpan(span, fn)
}
