// Soak figures for `gochat bench send --duration`: the server's resident memory and V8 heap, sampled from the
// gateway's /metrics while the traffic runs, and their growth after a warm-up (the first minute: caches, JIT,
// pools and the embedded bus's retention window fill up there). A server whose memory levels off has a slope
// near 0; one that keeps every message somewhere grows by a fixed amount per message, which is the figure given.
import { renderTable } from '../src/presentation/table.js'
import { metricValue } from './server-metrics.js'

export interface MemorySample {
  /** ms since sampling started */
  atMs: number
  rssBytes: number
  heapUsedBytes: number
}

export interface SoakSummary {
  samples: MemorySample[]
  warmupMs: number
  /** over the samples after the warm-up (least squares); null with fewer than 3 of them */
  rssSlopeBytesPerSec: number | null
  heapSlopeBytesPerSec: number | null
  /** the slopes divided by the messages received a second */
  rssKbPerMessage: number | null
  heapKbPerMessage: number | null
  rssFirstMb: number | null
  rssLastMb: number | null
}

async function sample(url: string, atMs: number): Promise<MemorySample | null> {
  try {
    const text = await (await fetch(`${url.replace(/\/$/, '')}/metrics`)).text()
    const rss = metricValue(text, 'process_resident_memory_bytes')
    const heap = metricValue(text, 'nodejs_heap_size_used_bytes')
    return rss === undefined || heap === undefined ? null : { atMs, rssBytes: rss, heapUsedBytes: heap }
  } catch {
    return null
  }
}

/** samples the gateway's memory every `everyMs` until stop() */
export function sampleMemory(url: string, everyMs: number): { stop(): Promise<MemorySample[]> } {
  const samples: MemorySample[] = []
  const t0 = Date.now()
  const take = async () => {
    const s = await sample(url, Date.now() - t0)
    if (s) samples.push(s)
  }
  const first = take()
  const timer = setInterval(() => void take(), everyMs)
  let stopped: Promise<MemorySample[]> | undefined
  return {
    stop: () =>
      (stopped ??= (async () => {
        clearInterval(timer)
        await first
        await take()
        return samples
      })()),
  }
}

/** least-squares slope of y over x (per ms → per s); null with fewer than 3 points */
export function slopePerSec(points: Array<[number, number]>): number | null {
  if (points.length < 3) return null
  const n = points.length
  const mx = points.reduce((a, [x]) => a + x, 0) / n
  const my = points.reduce((a, [, y]) => a + y, 0) / n
  let num = 0
  let den = 0
  for (const [x, y] of points) {
    num += (x - mx) * (y - my)
    den += (x - mx) ** 2
  }
  return den === 0 ? null : (num / den) * 1000
}

export function soakSummary(samples: MemorySample[], messagesPerSec: number, warmupMs = 60_000): SoakSummary {
  const after = samples.filter((s) => s.atMs >= warmupMs)
  const rss = slopePerSec(after.map((s) => [s.atMs, s.rssBytes]))
  const heap = slopePerSec(after.map((s) => [s.atMs, s.heapUsedBytes]))
  const perMessage = (bytesPerSec: number | null) =>
    bytesPerSec === null || messagesPerSec <= 0 ? null : bytesPerSec / messagesPerSec / 1024
  const mb = (s: MemorySample | undefined) => (s ? s.rssBytes / 2 ** 20 : null)
  return {
    samples,
    warmupMs,
    rssSlopeBytesPerSec: rss,
    heapSlopeBytesPerSec: heap,
    rssKbPerMessage: perMessage(rss),
    heapKbPerMessage: perMessage(heap),
    rssFirstMb: mb(samples[0]),
    rssLastMb: mb(samples.at(-1)),
  }
}

export function renderSoak(s: SoakSummary): string {
  const f = (n: number | null, digits = 3) => (n === null ? 'n/a (run longer than the warm-up)' : n.toFixed(digits))
  const every = Math.max(1, Math.ceil(s.samples.length / 12))
  const timeline = s.samples
    .filter((_, i) => i % every === 0 || i === s.samples.length - 1)
    .map((x) => [
      `${Math.round(x.atMs / 1000)} s`,
      (x.rssBytes / 2 ** 20).toFixed(1),
      (x.heapUsedBytes / 2 ** 20).toFixed(1),
    ])
  return [
    renderTable(['server memory at', 'RSS MB', 'heap used MB'], timeline),
    renderTable(
      ['soak (after the first ' + Math.round(s.warmupMs / 1000) + ' s)', 'RSS', 'heap used'],
      [
        [
          'slope KB/s',
          f(s.rssSlopeBytesPerSec && s.rssSlopeBytesPerSec / 1024, 1),
          f(s.heapSlopeBytesPerSec && s.heapSlopeBytesPerSec / 1024, 1),
        ],
        ['KB per message', f(s.rssKbPerMessage), f(s.heapKbPerMessage)],
      ],
    ),
  ].join('\n')
}
