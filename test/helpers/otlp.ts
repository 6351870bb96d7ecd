// A local OTLP/HTTP trace receiver for tests: accepts POST /v1/traces with JSON bodies (what
// @opentelemetry/exporter-trace-otlp-http sends; gzip-encoded too) and keeps the spans, flattened. Protobuf bodies
// are refused with 415: gochat's exporter never sends them.
import { createServer, type Server } from 'node:http'
import { gunzipSync } from 'node:zlib'

export interface ReceivedSpan {
  traceId: string
  spanId: string
  /** '' for a root span */
  parentSpanId: string
  name: string
  /** OTLP SpanKind: 1 internal, 2 server, 3 client, 4 producer, 5 consumer */
  kind: number
  service: string
  attributes: Record<string, string | number | boolean>
  /** OTLP status code: 0 unset, 1 ok, 2 error */
  status: number
}

export interface OtlpReceiver {
  /** http://127.0.0.1:<port>/v1/traces */
  url: string
  spans: ReceivedSpan[]
  requests: number
  refused: number
  close(): Promise<void>
}

type AnyValue = { stringValue?: string; intValue?: string | number; doubleValue?: number; boolValue?: boolean }
type KeyValue = { key: string; value: AnyValue }

const attributeValue = (v: AnyValue): string | number | boolean =>
  v.stringValue ?? (v.intValue !== undefined ? Number(v.intValue) : undefined) ?? v.doubleValue ?? v.boolValue ?? ''

const attrs = (list: KeyValue[] | undefined) =>
  Object.fromEntries((list ?? []).map((kv) => [kv.key, attributeValue(kv.value)]))

/** OTLP JSON ids are hex; some encoders write base64 — normalise to lower-case hex */
function hexId(id: string | undefined, bytes: number): string {
  if (!id) return ''
  if (new RegExp(`^[0-9a-fA-F]{${bytes * 2}}$`).test(id)) return id.toLowerCase()
  return Buffer.from(id, 'base64').toString('hex')
}

export function flatten(body: unknown): ReceivedSpan[] {
  const out: ReceivedSpan[] = []
  for (const rs of (
    body as {
      resourceSpans?: Array<{
        resource?: { attributes?: KeyValue[] }
        scopeSpans?: Array<{ spans?: Array<Record<string, unknown>> }>
      }>
    }
  ).resourceSpans ?? []) {
    const service = String(attrs(rs.resource?.attributes)['service.name'] ?? '')
    for (const ss of rs.scopeSpans ?? []) {
      for (const s of ss.spans ?? []) {
        out.push({
          traceId: hexId(s.traceId as string, 16),
          spanId: hexId(s.spanId as string, 8),
          parentSpanId: hexId(s.parentSpanId as string | undefined, 8),
          name: String(s.name),
          kind: Number(s.kind ?? 0),
          service,
          attributes: attrs(s.attributes as KeyValue[]),
          status: Number((s.status as { code?: number } | undefined)?.code ?? 0),
        })
      }
    }
  }
  return out
}

export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const receiver: Omit<OtlpReceiver, 'url' | 'close'> = { spans: [], requests: 0, refused: 0 }
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      receiver.requests++
      const type = String(req.headers['content-type'] ?? '')
      if (req.method !== 'POST' || !type.includes('json')) {
        receiver.refused++
        res.writeHead(415).end()
        return
      }
      try {
        let raw: Buffer = Buffer.concat(chunks)
        if (req.headers['content-encoding'] === 'gzip') raw = gunzipSync(raw)
        receiver.spans.push(...flatten(JSON.parse(raw.toString('utf8'))))
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}')
      } catch {
        receiver.refused++
        res.writeHead(400).end()
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/v1/traces`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  })
}
