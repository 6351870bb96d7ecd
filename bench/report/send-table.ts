// `gochat bench send` and `gochat bench http` for people.
import { renderTable } from '../../src/presentation/table.js'
import { busiestWorker } from '../client-cpu.js'
import type { HttpRun } from '../http-load.js'
import type { SendRun } from '../one-to-one.js'

const ms = (n: number) => n.toFixed(n < 10 ? 2 : 1)

export function renderSendRun(r: SendRun, failures: string[]): string {
  const c = r.completeness
  const table = renderTable(
    ['one-to-one', 'value'],
    [
      ['pairs (connected)', `${r.pairs} (${r.setup.connected}) over ${r.gateways.length} gateway(s)`],
      [
        'messages per pair × rate',
        `${r.messages} × ${r.rate === 'max' ? 'max' : `${r.rate}/s`} (${r.kind === 'image' ? `image upload + message, ${r.payloadBytes} B PNG` : `${r.payloadBytes} B`})`,
      ],
      ['messages/s received', r.messagesPerSec],
      ['latency p50 / p90 ms', `${ms(r.latencyMs.p50)} / ${ms(r.latencyMs.p90)}`],
      ['latency p99 / p99.9 ms', `${ms(r.latencyMs.p99)} / ${ms(r.latencyMs.p999)}`],
      ['latency max ms', ms(r.latencyMs.max)],
      ['expected / received', `${c.expected} / ${c.received}`],
      ['duplicates / out-of-order / missing', `${c.duplicates} / ${c.outOfOrder} / ${c.missing}`],
      ['sends ok / failed', `${r.send.sent} / ${r.send.failed}`],
      ['client CPU (cores of ' + r.clientCpu.cores + ')', r.clientCpu.coresUsed],
      ['busiest client worker loop (mean / peak)', busiestWorker(r.clientCpu)],
      ['client saturated?', r.clientCpu.saturated ? 'YES: harness-bound' : 'no'],
    ],
  )
  return `${table}\n${failures.length ? `FAILED: ${failures.join('; ')}` : 'OK: every message arrived'}`
}

export function renderHttpRun(r: HttpRun): string {
  return (
    renderTable(
      ['route', 'req/s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', '2xx', 'non-2xx', 'errors', 'timeouts'],
      r.scenarios.map((s) => [
        s.route.length > 60 ? `${s.route.slice(0, 57)}…` : s.route,
        s.requestsPerSec,
        s.latencyMs.p50,
        s.latencyMs.p90,
        s.latencyMs.p99,
        s.latencyMs.max,
        s.ok,
        s.non2xx,
        s.errors,
        s.timeouts,
      ]),
    ) + `\n${r.connections} connections, pipelining ${r.pipelining}, ${r.durationSec}s per route against ${r.url}`
  )
}
