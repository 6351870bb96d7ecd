// `--html <file>`: a self-contained page (inline SVG and CSS, nothing fetched) with the figures table, the
// latency CDF of every system that ran, and the per-message fanout completion times.
import type { FanoutRun } from '../fanout.js'
import type { CdfPoint } from '../stats.js'
import { runsOf, type FanoutReport } from './fanout-report.js'
import { renderFanoutReport } from './fanout-table.js'
import type { ThresholdResult } from '../thresholds.js'
import { agentsHtml, htmlPage, perSecondChart, stripAnsi, thresholdsHtml } from './html-parts.js'
import { escapeXml, lineChart } from './svg.js'

export function latencyCdfChart(runs: Array<{ system: string; cdf: CdfPoint[] }>): string {
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

export function renderFanoutHtml(
  report: FanoutReport & { thresholds?: ThresholdResult[] },
  generatedAt = new Date(),
): string {
  const runs = runsOf(report)
  const g = report.gochat
  const summary =
    `${g.online + g.offline + 1} members, ${g.online} online over ${g.urls.length} gateway(s); ${g.messages} messages at ${g.rate === 'max' ? 'max rate' : `${g.rate}/s`}; ` +
    `${report.machine.cores} cores, ${(report.machine.memoryBytes / 2 ** 30).toFixed(1)} GiB, Node ${report.machine.node}; generated ${generatedAt.toISOString()}`
  return htmlPage({
    title: 'gochat bench fanout',
    summary,
    ok: report.ok,
    verdict: report.ok ? 'OK: every delivery arrived' : `FAILED: ${report.failures.join('; ')}`,
    body: [
      `<figure>${latencyCdfChart(runs)}</figure>`,
      `<figure>${completionChart(runs)}</figure>`,
      `<figure>${perSecondChart(
        'Deliveries per second',
        runs.map((r) => ({ name: r.system, perSecond: r.deliveriesBySecond })),
      )}</figure>`,
      agentsHtml(g.agents),
      thresholdsHtml(report.thresholds),
      `<h2>Figures</h2>\n<pre>${escapeXml(stripAnsi(renderFanoutReport(report)))}</pre>`,
    ],
  })
}
