// Tracing off costs nothing: no SDK, no exporter, the API's no-op tracer, helpers that hand back what they got.
// Tracing on (against a local OTLP receiver): spans are exported as OTLP JSON, a record header carries the context
// from producer to consumer, logs carry the trace id, and the last release shuts the provider down.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { INVALID_TRACEID, trace } from '@opentelemetry/api'
import { configKeys, loadConfig } from '../config/index.js'
import { MemoryBus } from '../drivers/memory/bus.js'
import { tracedBus } from '../messaging/traced.js'
import { createLogger, setLogLevel } from './log.js'
import {
  activeTracer,
  consumeSpan,
  initTracing,
  runWithin,
  SpanKind,
  startChildSpan,
  startRootSpan,
  traceHeaders,
  tracingEnabled,
} from './tracing.js'
import { tracedApi } from '../rpc/in-process.js'
import { repoDefinition } from '../rpc/client.js'
import type { BusRecord } from '../ports/bus.js'
import { startOtlpReceiver, type OtlpReceiver } from '../../test/helpers/otlp.js'

const made = vi.hoisted(() => ({ exporters: 0 }))
vi.mock('@opentelemetry/exporter-trace-otlp-http', async (importOriginal) => {
  const mod = await importOriginal<typeof import('@opentelemetry/exporter-trace-otlp-http')>()
  class CountedExporter extends mod.OTLPTraceExporter {
    constructor(...args: ConstructorParameters<typeof mod.OTLPTraceExporter>) {
      super(...args)
      made.exporters++
    }
  }
  return { ...mod, OTLPTraceExporter: CountedExporter }
})

const opts = { sampleRatio: 1, serviceName: 'gochat-test', instanceId: 'unit-1' }

describe('tracing off (the default)', () => {
  it('is off unless tracing_endpoint is set', () => {
    expect(configKeys.tracing_endpoint.default).toBeNull()
    expect(loadConfig({ env: {}, file: undefined }).tracing_endpoint).toBeNull()
    expect(loadConfig({ env: { GOCHAT_TRACING_ENDPOINT: '' } }).tracing_endpoint).toBeNull()
    expect(
      loadConfig({
        env: { GOCHAT_TRACING_ENDPOINT: 'http://127.0.0.1:4318/v1/traces', GOCHAT_TRACING_SAMPLE_RATIO: '0.25' },
      }),
    ).toMatchObject({ tracing_endpoint: 'http://127.0.0.1:4318/v1/traces', tracing_sample_ratio: 0.25 })
    expect(() => loadConfig({ env: { GOCHAT_TRACING_SAMPLE_RATIO: '2' } })).toThrow(/tracing_sample_ratio/)
  })

  it('creates no exporter and leaves the no-op tracer in place', async () => {
    const handle = await initTracing({ ...opts, endpoint: null })
    expect(handle.enabled).toBe(false)
    expect(handle.exporter).toBeUndefined()
    expect(made.exporters).toBe(0)
    expect(tracingEnabled()).toBe(false)
    const span = activeTracer().startSpan('x')
    expect(span.isRecording()).toBe(false)
    expect(span.spanContext().traceId).toBe(INVALID_TRACEID)
    await handle.release()
  })

  it('makes the helpers pass-throughs', () => {
    expect(startRootSpan('gateway', 'ws.send')).toBeUndefined()
    expect(startChildSpan('logic', 'x', SpanKind.CLIENT)).toBeUndefined()
    expect(traceHeaders()).toEqual({})
    expect(runWithin(undefined, () => 42)).toBe(42)
    const rec = { topic: 't', partition: 0, offset: '1', headers: {} }
    expect(consumeSpan('task', 'task.dispatch', rec, (span) => span)).toBeUndefined()
    const bus = new MemoryBus({ defaultPartitions: 1 })
    expect(tracedBus(bus, 'task')).toBe(bus)
    const api = { StoreMessage: async () => ({}) }
    expect(tracedApi(api, 'repo', repoDefinition())).toBe(api)
  })
})

describe('tracing on', () => {
  let receiver: OtlpReceiver
  beforeAll(async () => {
    receiver = await startOtlpReceiver()
  })
  afterAll(async () => {
    await receiver?.close()
  })

  it('exports spans as OTLP JSON, carries the context through a record header, and shuts down on the last release', async () => {
    const handle = await initTracing({ ...opts, endpoint: receiver.url })
    const again = await initTracing({ ...opts, endpoint: receiver.url })
    expect(handle.enabled).toBe(true)
    expect(made.exporters).toBe(1)
    expect(tracingEnabled()).toBe(true)

    const bus = tracedBus(new MemoryBus({ defaultPartitions: 1 }), 'gateway')
    const seen: BusRecord[] = []
    await bus.subscribe({
      groupId: 'g',
      topics: ['t'],
      fromBeginning: true,
      eachBatch: async (records) => void seen.push(...records),
    })
    const lines: string[] = []
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (lines.push(String(chunk)), true))
    setLogLevel('info')
    const root = startRootSpan('gateway', 'ws.send')!
    await runWithin(root, async () => {
      createLogger({ role: 'gateway' }).info('inside')
      await bus.publish('t', [{ key: 'k', value: 'v' }])
    })
    root.end()
    write.mockRestore()
    setLogLevel('warn')
    await vi.waitFor(() => expect(seen).toHaveLength(1))
    expect(seen[0]!.headers.traceparent).toMatch(new RegExp(`^00-${root.spanContext().traceId}-[0-9a-f]{16}-01$`))
    const line = JSON.parse(lines.find((l) => l.includes('"inside"'))!)
    expect(line).toMatchObject({ role: 'gateway', trace_id: root.spanContext().traceId })
    consumeSpan('task', 'task.dispatch', seen[0]!, () => undefined)

    await again.release()
    expect(tracingEnabled()).toBe(true)
    await handle.release()
    expect(tracingEnabled()).toBe(false)
    expect(trace.getTracer('x').startSpan('y').isRecording()).toBe(false)

    const spans = receiver.spans
    expect(spans.map((s) => s.name).sort()).toEqual(['publish t', 'task.dispatch', 'ws.send'])
    const byName = Object.fromEntries(spans.map((s) => [s.name, s]))
    expect(new Set(spans.map((s) => s.traceId))).toEqual(new Set([root.spanContext().traceId]))
    expect(byName['ws.send']!.parentSpanId).toBe('')
    expect(byName['publish t']!.parentSpanId).toBe(byName['ws.send']!.spanId)
    expect(byName['task.dispatch']!.parentSpanId).toBe(byName['publish t']!.spanId)
    expect(byName['task.dispatch']!.attributes).toMatchObject({ 'gochat.role': 'task', 'gochat.instance': 'unit-1' })
    expect(byName['ws.send']!.service).toBe('gochat-test')
  })
})
