// Metrics shared by every role (prom-client's default registry, served at /metrics). Role-specific ones live in
// services/<role>/metrics.ts. Conventions: gochat_ prefix, _total counters, _seconds histograms, label values from
// bounded sets (methods, codes, topics, groups — never user or conversation ids). docs/metrics.md lists them all.
import { status } from '@grpc/grpc-js'
import { Counter, Gauge, Histogram } from 'prom-client'

const latencyBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

export const grpcServerDuration = new Histogram({
  name: 'gochat_grpc_server_duration_seconds',
  help: 'gRPC calls served, from arrival to answer, by service, method and status code',
  labelNames: ['service', 'method', 'code'] as const,
  buckets: latencyBuckets,
})

export const grpcClientDuration = new Histogram({
  name: 'gochat_grpc_client_duration_seconds',
  help: 'gRPC calls made, from call to answer, by service, method and status code',
  labelNames: ['service', 'method', 'code'] as const,
  buckets: latencyBuckets,
})

export const errorsTotal = new Counter({
  name: 'gochat_errors_total',
  help: 'Errors answered to a caller, by role and gochat error code (gateway: error frames and REST errors; logic, repo: failed gRPC calls)',
  labelNames: ['role', 'code'] as const,
})

export const kafkaConsumerLag = new Gauge({
  name: 'gochat_kafka_consumer_lag',
  help: 'Records behind the partition end (high watermark) after the last batch handled, by consumer group, topic and partition',
  labelNames: ['group', 'topic', 'partition'] as const,
})

/** OK, INVALID_ARGUMENT, …: the status code names of gRPC, for the `code` label */
export const grpcCodeName = (code: number): string => (status as unknown as Record<number, string>)[code] ?? 'UNKNOWN'

/** seconds since a performance.now() reading */
export const secondsSince = (start: number): number => (performance.now() - start) / 1000
