import { describe, expect, it } from 'vitest'
import type { AgentsReport } from '../agents/report.js'
import { agentsHtml, htmlPage, perSecondChart, thresholdsHtml } from './html-parts.js'

const agents: AgentsReport = {
  agents: [
    {
      name: 'load-1',
      host: 'h<1>',
      workers: 2,
      connections: 60,
      connectFailures: 0,
      expected: 240,
      received: 240,
      missing: 0,
      cpuMs: 500,
      coresUsed: 0.5,
      cores: 4,
      eventLoopUtilization: 0.2,
      peakEventLoopUtilization: 0.97,
      saturated: true,
      clock: { offsetMs: 1.5, uncertaintyMs: 2, samples: 8 },
      failure: null,
    },
    {
      name: 'load-2',
      host: 'h2',
      workers: 2,
      connections: 59,
      connectFailures: 1,
      expected: 236,
      received: 0,
      missing: 236,
      cpuMs: null,
      coresUsed: null,
      cores: 0,
      eventLoopUtilization: 0,
      peakEventLoopUtilization: 0,
      saturated: false,
      clock: { offsetMs: -3, uncertaintyMs: 4, samples: 8 },
      failure: 'no heartbeat for 10 s during the measured phase (died or fell behind)',
    },
  ],
  failures: ['agent load-2: no heartbeat for 10 s during the measured phase (died or fell behind)'],
  saturated: ['load-1'],
}

describe('HTML report parts', () => {
  it('lists every agent with its figures, escaped, and warns of the saturated ones', () => {
    const html = agentsHtml(agents)
    expect(html).toContain(
      '<td>load-1</td><td>h&lt;1&gt;</td><td>60</td><td>240 / 240</td><td>0.5 of 4</td><td>20% / 97%</td><td>1.5 ± 2</td><td>saturated</td>',
    )
    expect(html).toContain('<td>59 (+1 failed)</td><td>236 / 0</td><td>n/a</td>')
    expect(html).toContain('FAILED: no heartbeat for 10 s')
    expect(html).toContain('WARNING: agent(s) load-1 saturated')
    expect(agentsHtml(undefined)).toBe('')
  })

  it('charts deliveries per second, one point a second', () => {
    const svg = perSecondChart('Deliveries per second', [{ name: 'gochat', perSecond: [10, 30, 5] }])
    expect(svg.match(/<circle /g)).toHaveLength(3)
    expect(perSecondChart('x', [{ name: 'gochat', perSecond: [] }])).toContain('no data')
  })

  it('tabulates thresholds and builds a page around the parts', () => {
    const t = thresholdsHtml([{ expression: 'p99<200ms', figure: 'p99', op: '<', value: 200, actual: 250, ok: false }])
    expect(t).toContain('<td>p99&lt;200ms</td><td>p99</td><td>250</td><td>BREACHED</td>')
    expect(thresholdsHtml([])).toBe('')
    const page = htmlPage({ title: 't', summary: 's', verdict: 'FAILED: x', ok: false, body: [t, ''] })
    expect(page).toMatch(/^<!doctype html>/)
    expect(page).toContain('<p class="failed">FAILED: x</p>')
    expect(page.trim().endsWith('</html>')).toBe(true)
  })
})
