// The bus as a role sees it when tracing is on: every published record carries a W3C traceparent header. A record
// that already has one (an outbox row relayed under its own span, the outputs of a task stamped with the span of
// the input that produced them) keeps it; the others get the one of a "publish <topic>" producer span, a child of
// the active span or, outside any trace, the root of a new one. Consumers continue from the header (consumeSpan in
// src/observability/tracing.ts). With tracing off the bus is returned as it is: nothing on the path.
import { context, trace } from '@opentelemetry/api'
import type { Bus, OutgoingRecord } from '../ports/bus.js'
import {
  endSpan,
  hasTraceparent,
  headerSetter,
  inject,
  SpanKind,
  startSpan,
  tracingEnabled,
  type TraceRole,
} from '../observability/tracing.js'

export function tracedBus(bus: Bus, role: TraceRole): Bus {
  if (!tracingEnabled()) return bus
  return {
    kind: bus.kind,
    ping: () => bus.ping(),
    ensureTopics: (specs) => bus.ensureTopics(specs),
    subscribe: (opts) => bus.subscribe(opts),
    close: () => bus.close(),
    publish: async (topic, records) => {
      if (!tracingEnabled() || records.every((r) => hasTraceparent(r.headers))) return bus.publish(topic, records)
      const parent = context.active()
      const span = startSpan(role, `publish ${topic}`, SpanKind.PRODUCER, parent, {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'send',
        'messaging.destination.name': topic,
        'messaging.batch.message_count': records.length,
      })
      const carrier: Record<string, string> = {}
      inject(trace.setSpan(parent, span), carrier, headerSetter)
      const stamped: OutgoingRecord[] = records.map((r) =>
        hasTraceparent(r.headers) ? r : { ...r, headers: { ...r.headers, ...carrier } },
      )
      try {
        await bus.publish(topic, stamped)
        endSpan(span)
      } catch (err) {
        endSpan(span, err)
        throw err
      }
    },
  }
}
