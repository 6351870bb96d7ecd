// gochat's figures as ratios to a baseline's, each oriented so that the reader knows which way is better.
import type { FanoutRun } from './fanout.js'

export interface Ratios {
  /** gochat deliveries/s ÷ baseline's (higher is better for gochat; 1 = same) */
  deliveriesPerSec: number | null
  /** gochat completion p99 ÷ baseline's (lower is better for gochat) */
  completionP99: number | null
  /** gochat latency p99 ÷ baseline's (lower is better for gochat) */
  latencyP99: number | null
  /** gochat gateway bytes per idle connection ÷ baseline server's (lower is better for gochat) */
  memoryPerConnection: number | null
}

const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || !(b > 0) ? null : Math.round((a / b) * 100) / 100

export function ratios(gochat: FanoutRun, baseline: FanoutRun): Ratios {
  return {
    deliveriesPerSec: ratio(gochat.deliveriesPerSec, baseline.deliveriesPerSec),
    completionP99: ratio(gochat.completionMs.p99, baseline.completionMs.p99),
    latencyP99: ratio(gochat.latencyMs.p99, baseline.latencyMs.p99),
    memoryPerConnection:
      (gochat.server?.bytesPerConnection ?? -1) < 0
        ? null
        : ratio(gochat.server?.bytesPerConnection, baseline.server?.bytesPerConnection),
  }
}
