// Pieces of the self-contained HTML reports of `bench fanout` and `bench send`: the per-second chart, the
// per-agent table of a distributed run, the thresholds, and the page around them.
import { AGENT_HEADER, agentTableRows, saturationWarning, type AgentsReport } from '../agents/report.js'
import type { ThresholdResult } from '../thresholds.js'
import { escapeXml, lineChart } from './svg.js'

export function perSecondChart(title: string, series: Array<{ name: string; perSecond: number[] }>): string {
  return lineChart({
    title,
    xLabel: 'second of the measured phase',
    yLabel: 'per second',
    dots: true,
    series: series.map((s) => ({ name: s.name, points: s.perSecond.map((n, i): [number, number] => [i, n]) })),
  })
}

const table = (header: string[], rows: string[][]): string =>
  `<table><thead><tr>${header.map((h) => `<th>${escapeXml(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${escapeXml(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`

export function agentsHtml(report: AgentsReport | undefined): string {
  if (!report) return ''
  const warning = saturationWarning(report)
  return `<h2>Agents</h2>${table(AGENT_HEADER, agentTableRows(report))}${warning ? `<p class="failed">${escapeXml(warning)}</p>` : ''}`
}

export function thresholdsHtml(results: ThresholdResult[] | undefined): string {
  if (!results?.length) return ''
  return `<h2>Thresholds</h2>${table(
    ['threshold', 'figure', 'actual', 'verdict'],
    results.map((r) => [r.expression, r.figure, String(r.actual), r.ok ? 'holds' : 'BREACHED']),
  )}`
}

export function htmlPage(o: { title: string; summary: string; verdict: string; ok: boolean; body: string[] }): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeXml(o.title)}</title>
<style>body{font-family:sans-serif;max-width:900px;margin:2em auto;padding:0 1em;color:#222}pre{background:#f6f6f6;padding:1em;overflow-x:auto;font-size:12px}
.ok{color:#176917}.failed{color:#b00020}figure{margin:1.5em 0}table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}</style></head>
<body>
<h1>${escapeXml(o.title)}</h1>
<p>${escapeXml(o.summary)}</p>
<p class="${o.ok ? 'ok' : 'failed'}">${escapeXml(o.verdict)}</p>
${o.body.filter(Boolean).join('\n')}
</body></html>
`
}

/** the table is coloured when stdout is a terminal; the page wants plain text */
export const stripAnsi = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '')
