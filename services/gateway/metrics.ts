// Gateway metrics on prom-client's default registry (served at /metrics). Defined once per process; gauges read
// the live registries, so several gateways in one process (tests) report their sum.
import { Counter, Gauge, Histogram } from 'prom-client'
import type { ConnectionRegistry } from './connections.js'

const registries = new Set<ConnectionRegistry>()

export function trackRegistry(registry: ConnectionRegistry): () => void {
  registries.add(registry)
  return () => registries.delete(registry)
}

const sum = (f: (r: ConnectionRegistry) => number) => [...registries].reduce((n, r) => n + f(r), 0)

new Gauge({
  name: 'gochat_gateway_connections',
  help: 'Live WebSocket connections',
  collect() {
    this.set(sum((r) => r.size))
  },
})

new Gauge({
  name: 'gochat_gateway_users',
  help: 'Users with at least one live connection',
  collect() {
    this.set(sum((r) => r.users))
  },
})

export const framesIn = new Counter({
  name: 'gochat_gateway_frames_in_total',
  help: 'Client frames received, by op (refused ones: "invalid")',
  labelNames: ['op'] as const,
})
export const framesOut = new Counter({
  name: 'gochat_gateway_frames_out_total',
  help: 'Frames written to sockets, by kind: reply (answers to client frames), error (error frames), message (from the downstream topic)',
  labelNames: ['kind'] as const,
})
export const framesPushed = framesOut.labels({ kind: 'message' })
export const repliesOut = framesOut.labels({ kind: 'reply' })
export const errorFramesOut = framesOut.labels({ kind: 'error' })
export const downstreamRecords = new Counter({
  name: 'gochat_gateway_downstream_records_total',
  help: 'DownstreamMessage records consumed',
})
export const httpRequests = new Counter({
  name: 'gochat_gateway_http_requests_total',
  help: 'REST requests, by route and status',
  labelNames: ['route', 'status'] as const,
})
export const sendDuration = new Histogram({
  name: 'gochat_gateway_send_duration_seconds',
  help: 'Sends as the client sees them: from the frame (or REST request) received to the ack written, by transport (ws, http) and result (ok, error)',
  labelNames: ['transport', 'result'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
})
export const connectionsRefused = new Counter({
  name: 'gochat_gateway_connections_closed_total',
  help: 'Connections the gateway closed before serving them, by reason: per_address_cap (max_connections_per_ip), first_byte_timeout (silent for http_first_byte_timeout_ms), upgrade_timeout (ws_upgrade_timeout_ms), upgrades_per_address (ws_max_upgrades_per_ip)',
  labelNames: ['reason'] as const,
})

export const sendBatchSize = new Histogram({
  name: 'gochat_gateway_send_batch_size',
  help: "Sends of one connection handed to logic in one call (the ones queued behind the connection's previous answer)",
  buckets: [2, 4, 8, 16, 32, 64],
})
