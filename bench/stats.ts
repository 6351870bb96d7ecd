// Latency statistics. Deliveries go into an HDR histogram (constant memory however long the run, mergeable
// across worker threads by its compressed encoding); per-message figures (a handful of values) use exact
// nearest-rank percentiles.
import * as hdr from 'hdr-histogram-js'

export interface LatencySummary {
  count: number
  mean: number
  min: number
  p50: number
  p90: number
  p99: number
  p999: number
  max: number
}

export interface SmallSummary {
  count: number
  p50: number
  p99: number
  max: number
}

/** [percentile 0..100, milliseconds] pairs for a CDF plot */
export type CdfPoint = [number, number]

/** Values are recorded in microseconds: sub-millisecond resolution with 3 significant digits. */
const US = 1000
const newHistogram = () =>
  hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 60 * 60 * 1e6,
    numberOfSignificantValueDigits: 3,
    autoResize: true,
  })

const round = (ms: number) => Math.round(ms * 1000) / 1000

export interface EncodedLatencies {
  histogram: string
  min: number
  max: number
}

export class LatencyRecorder {
  private hist = newHistogram()
  /** exact extremes: HDR buckets report a bucket's upper edge, which can lie above the true maximum */
  private min = Infinity
  private max = -Infinity

  get count(): number {
    return this.hist.totalCount
  }

  record(ms: number): void {
    const v = Math.max(0, ms)
    this.hist.recordValue(Math.max(1, Math.round(v * US)))
    if (v < this.min) this.min = v
    if (v > this.max) this.max = v
  }

  encode(): EncodedLatencies {
    return { histogram: hdr.encodeIntoCompressedBase64(this.hist), min: this.min, max: this.max }
  }

  add(other: EncodedLatencies): void {
    if (!Number.isFinite(other.max)) return // an empty recorder
    const decoded = hdr.decodeFromCompressedBase64(other.histogram)
    this.hist.add(decoded)
    decoded.destroy()
    this.min = Math.min(this.min, other.min)
    this.max = Math.max(this.max, other.max)
  }

  /** percentiles are clamped into [min, max] so that p50 ≤ p90 ≤ p99 ≤ p99.9 ≤ max always holds */
  at(percentile: number): number {
    if (this.count === 0) return 0
    const v = this.hist.getValueAtPercentile(percentile) / US
    return round(Math.min(this.max, Math.max(this.min, v)))
  }

  summary(): LatencySummary {
    if (this.count === 0) return { count: 0, mean: 0, min: 0, p50: 0, p90: 0, p99: 0, p999: 0, max: 0 }
    return {
      count: this.count,
      mean: round(this.hist.mean / US),
      min: round(this.min),
      p50: this.at(50),
      p90: this.at(90),
      p99: this.at(99),
      p999: this.at(99.9),
      max: round(this.max),
    }
  }

  /** Dense in the body, denser still in the tail, where the interesting differences are. */
  cdf(): CdfPoint[] {
    if (this.count === 0) return []
    const pts = [0]
    for (let p = 1; p <= 99; p += 1) pts.push(p)
    pts.push(99.5, 99.9, 99.95, 99.99)
    const out: CdfPoint[] = pts.map((p) => [p, p === 0 ? round(this.min) : this.at(p)])
    out.push([100, round(this.max)])
    return out
  }
}

/** Nearest-rank percentile of an ascending array (the smallest value with at least p% of values at or below it). */
export function nearestRank(sorted: number[], percentile: number): number {
  if (sorted.length === 0) return 0
  const rank = Math.ceil((percentile / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!
}

export function summarizeSmall(values: number[]): SmallSummary {
  const sorted = [...values].sort((a, b) => a - b)
  return {
    count: sorted.length,
    p50: round(nearestRank(sorted, 50)),
    p99: round(nearestRank(sorted, 99)),
    max: round(sorted.at(-1) ?? 0),
  }
}
