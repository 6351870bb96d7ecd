// `bench send --html <file>`: the one-to-one run as a self-contained page (latency CDF, messages per second,
// per-agent rows of a distributed run, thresholds, the figures table).
import type { SendRun } from '../one-to-one.js'
import type { Verdict } from '../verdict.js'
import { latencyCdfChart } from './fanout-html.js'
import { agentsHtml, htmlPage, perSecondChart, stripAnsi, thresholdsHtml } from './html-parts.js'
import { renderSendRun } from './send-table.js'
import { escapeXml } from './svg.js'

export function renderSendHtml(r: SendRun & Verdict, generatedAt = new Date()): string {
  return htmlPage({
    title: 'gochat bench send',
    summary: `${r.pairs} pairs over ${r.gateways.length} gateway(s); ${r.messages} messages per pair at ${r.rate === 'max' ? 'max rate' : `${r.rate}/s`}; generated ${generatedAt.toISOString()}`,
    ok: r.ok,
    verdict: r.ok ? 'OK: every message arrived' : `FAILED: ${r.failures.join('; ')}`,
    body: [
      `<figure>${latencyCdfChart([{ system: 'gochat', cdf: r.cdf }])}</figure>`,
      `<figure>${perSecondChart('Messages received per second', [{ name: 'gochat', perSecond: r.messagesBySecond }])}</figure>`,
      agentsHtml(r.agents),
      thresholdsHtml(r.thresholds),
      `<h2>Figures</h2>\n<pre>${escapeXml(stripAnsi(renderSendRun(r, r.failures)))}</pre>`,
    ],
  })
}
