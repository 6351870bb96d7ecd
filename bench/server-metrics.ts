// Server-side figures read from a gochat gateway's /metrics (Prometheus text, prom-client's default process
// metrics): resident memory for the per-connection cost, CPU seconds for who was busy during a run.
export interface ServerStats {
  rssBytes: number
  cpuMs: number
}

/** The value of an unlabelled sample, e.g. `process_resident_memory_bytes 1.2e8`. */
export function metricValue(text: string, name: string): number | undefined {
  const m = new RegExp(`^${name}(?:\\{[^}]*\\})? ([^\\s]+)`, 'm').exec(text)
  const v = m ? Number(m[1]) : NaN
  return Number.isFinite(v) ? v : undefined
}

export async function gatewayStats(url: string): Promise<ServerStats | null> {
  try {
    const res = await fetch(`${url.replace(/\/$/, '')}/metrics`)
    if (!res.ok) return null
    const text = await res.text()
    const rss = metricValue(text, 'process_resident_memory_bytes')
    const cpu = metricValue(text, 'process_cpu_seconds_total')
    return rss === undefined || cpu === undefined ? null : { rssBytes: rss, cpuMs: cpu * 1000 }
  } catch {
    return null
  }
}

/** Summed over every gateway; null when any of them does not say. */
export async function gatewaysStats(urls: string[]): Promise<ServerStats | null> {
  const all = await Promise.all(urls.map(gatewayStats))
  let sum: ServerStats = { rssBytes: 0, cpuMs: 0 }
  for (const s of all) {
    if (!s) return null
    sum = { rssBytes: sum.rssBytes + s.rssBytes, cpuMs: sum.cpuMs + s.cpuMs }
  }
  return sum
}
