// Traces and logs.
import { z } from 'zod'

export const observabilityKeys = {
  tracing_endpoint: {
    schema: z.preprocess(
      (v) => (v === '' ? null : v),
      z
        .string()
        .regex(/^https?:\/\/[^\s]+$/, 'expected an http(s) URL')
        .nullable(),
    ),
    default: null as string | null,
    help: 'OpenTelemetry traces: OTLP/HTTP (JSON) URL of a collector, e.g. http://127.0.0.1:4318/v1/traces (empty: tracing off)',
    expected: 'an http(s) URL such as http://127.0.0.1:4318/v1/traces, or empty',
  },
  tracing_sample_ratio: {
    schema: z.coerce.number().min(0).max(1),
    default: 1,
    help: 'Share of new traces sampled when tracing is on (parent-based: spans follow the decision of their trace)',
    expected: 'a number from 0 to 1',
  },
  log_level: {
    schema: z.enum(['debug', 'info', 'warn', 'error', 'silent']),
    default: 'info' as 'debug' | 'info' | 'warn' | 'error' | 'silent',
    help: 'Log level',
    expected: 'debug, info, warn, error or silent',
  },
} as const
