// `--html <file>`: a self-contained page (inline SVG and CSS, nothing fetched) with the figures table, the
// latency CDF of every system that ran, and the per-message fanout completion times.
import type { FanoutRun } from '../fanout.js'
import { runsOf, type FanoutReport } from './fanout-report.js'
import { renderFanoutReport } from './fanout-table.js'
import { escapeXml, lineChart } from './svg.js'

export function latencyCdfChart(runs: FanoutRun[]): string {
  return lineChart({
    title: 'Send → receive latency, CDF of all deliveries',
    xLabel: 'latency (ms, log scale)',
    yLabel: 'deliveries at or below (%)',
    xLog: true,
    series: runs.map((r) => ({
      name: r.system,
      points: r.cdf.map(([pct, v]): [number, number] => [Math.max(v, 0.001), pct]),
    })),
  })
}

export function completionChart(runs: FanoutRun[]): string {
  return lineChart({
    title: 'Fanout completion per message (send → last online member)',
    xLabel: 'message',
    yLabel: 'ms',
    dots: true,
    series: runs.map((r) => ({
      name: r.system,
      points: r.perMessage.filter((m) => m.ms !== null).map((m): [number, number] => [m.index, m.ms!]),
    })),
  })
}

/** the table is coloured when stdout is a terminal; the page wants plain text */
const stripAnsi = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '')

export function renderFanoutHtml(report: FanoutReport, generatedAt = new Date()): string {
  const runs = runsOf(report)
  const g = report.gochat
  const summary =
    `${g.online + g.offline + 1} members, ${g.online} online over ${g.urls.length} gateway(s); ${g.messages} messages at ${g.rate === 'max' ? 'max rate' : `${g.rate}/s`}; ` +
    `${report.machine.cores} cores, ${(report.machine.memoryBytes / 2 ** 30).toFixed(1)} GiB, Node ${report.machine.node}`
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>gochat bench fanout</title>
<style>body{font-family:sans-serif;max-width:900px;margin:2em auto;padding:0 1em;color:#222}pre{background:#f6f6f6;padding:1em;overflow-x:auto;font-size:12px}
.ok{color:#176917}.failed{color:#b00020}figure{margin:1.5em 0}</style></head>
<body>
<h1>gochat bench fanout</h1>
<p>${escapeXml(summary)}<br>generated ${escapeXml(generatedAt.toISOString())}</p>
<p class="${report.ok ? 'ok' : 'failed'}">${escapeXml(report.ok ? 'OK: every delivery arrived' : `FAILED: ${report.failures.join('; ')}`)}</p>
<figure>${latencyCdfChart(runs)}</figure>
<figure>${completionChart(runs)}</figure>
<h2>Figures</h2>
<pre>${escapeXml(stripAnsi(renderFanoutReport(report)))}</pre>
</body></html>
`
}
