// `gochat bench fanout` for people: one row per figure, one column per system, and gochat's ratios to the
// baselines when they ran.
import { renderTable } from '../../src/presentation/table.js'
import { busiestWorker } from '../client-cpu.js'
import type { FanoutRun } from '../fanout.js'
import type { Ratios } from '../ratios.js'
import { runsOf, type FanoutReport } from './fanout-report.js'

type Cell = string | number | null | undefined
type Row = [string, ...Cell[]]

const ms = (n: number | null | undefined) => (n === null || n === undefined ? '' : n.toFixed(n < 10 ? 2 : 1))
// RSS that fell while connections opened means garbage of an earlier run was being returned: no figure then
const kib = (bytes: number | undefined) =>
  bytes === undefined ? 'n/a' : bytes < 0 ? 'n/a (RSS fell: restart the server)' : (bytes / 1024).toFixed(1)
const x = (r: number | null | undefined) => (r === null || r === undefined ? '' : `${r}×`)

function rows(runs: FanoutRun[], push: FanoutReport['offlinePush']): Row[] {
  const col = (f: (r: FanoutRun) => Cell): Cell[] => runs.map(f)
  const pushCell =
    typeof push === 'string'
      ? push
      : 'error' in push
        ? `error: ${push.error}`
        : `${push.notifications}/${push.expected} (${push.records} records)`
  return [
    ['members online / offline', ...col((r) => `${r.online} / ${r.offline}`)],
    ['connected (connects/s)', ...col((r) => `${r.setup.connected} (${r.setup.connectsPerSec}/s)`)],
    [
      'messages × rate',
      ...col((r) => `${r.messages} × ${r.rate === 'max' ? 'max' : `${r.rate}/s`} (${r.payloadBytes} B)`),
    ],
    ['latency p50 ms', ...col((r) => ms(r.latencyMs.p50))],
    ['latency p90 ms', ...col((r) => ms(r.latencyMs.p90))],
    ['latency p99 ms', ...col((r) => ms(r.latencyMs.p99))],
    ['latency p99.9 ms', ...col((r) => ms(r.latencyMs.p999))],
    ['latency max ms', ...col((r) => ms(r.latencyMs.max))],
    ['fanout completion p50 ms', ...col((r) => ms(r.completionMs.p50))],
    ['fanout completion p99 ms', ...col((r) => ms(r.completionMs.p99))],
    ['fanout completion max ms', ...col((r) => ms(r.completionMs.max))],
    ['deliveries/s', ...col((r) => r.deliveriesPerSec)],
    ['expected / received', ...col((r) => `${r.completeness.expected} / ${r.completeness.received}`)],
    ['duplicates / out-of-order', ...col((r) => `${r.completeness.duplicates} / ${r.completeness.outOfOrder}`)],
    ['missing', ...col((r) => r.completeness.missing)],
    [
      'lost connections / connect failures',
      ...col((r) => `${r.completeness.lostConnections} / ${r.completeness.connectFailures}`),
    ],
    ['sends ok / failed / retried', ...col((r) => `${r.send.sent} / ${r.send.failed} / ${r.send.retries}`)],
    ['send ack p50 / p99 ms', ...col((r) => `${ms(r.send.ackMs.p50)} / ${ms(r.send.ackMs.p99)}`)],
    ['offline push (notifications/expected)', ...col((r) => (r.system === 'gochat' ? pushCell : ''))],
    ['server KiB per idle connection', ...col((r) => kib(r.server?.bytesPerConnection))],
    ['server CPU, cores (gochat: gateways only)', ...col((r) => r.server?.coresUsed ?? 'n/a')],
    ['client CPU (cores of ' + (runs[0]?.clientCpu.cores ?? '?') + ')', ...col((r) => r.clientCpu.coresUsed)],
    ['busiest client worker loop (mean / peak)', ...col((r) => busiestWorker(r.clientCpu))],
    ['client saturated?', ...col((r) => (r.clientCpu.saturated ? 'YES: harness-bound' : 'no'))],
  ]
}

function ratioRows(r: Partial<Record<string, Ratios>>, kinds: string[]): Row[] {
  const both = (f: (q: Ratios) => number | null): Cell[] => kinds.map((k) => x(r[k] && f(r[k])))
  return [
    ['deliveries/s (higher is better)', ...both((q) => q.deliveriesPerSec)],
    ['completion p99 (lower is better)', ...both((q) => q.completionP99)],
    ['latency p99 (lower is better)', ...both((q) => q.latencyP99)],
    ['memory per idle connection (lower is better)', ...both((q) => q.memoryPerConnection)],
  ]
}

export function renderFanoutReport(report: FanoutReport): string {
  const runs = runsOf(report)
  const out = [renderTable(['', ...runs.map((r) => r.system)], rows(runs, report.offlinePush))]
  if (report.ratios) {
    const kinds = Object.keys(report.ratios)
    out.push(
      'gochat as a multiple of each baseline (ws-batched: frames coalesced per socket per tick, as gochat writes)',
      renderTable(['gochat ÷', ...kinds], ratioRows(report.ratios, kinds)),
    )
  }
  out.push(report.ok ? 'OK: every delivery arrived' : `FAILED: ${report.failures.join('; ')}`)
  return out.join('\n')
}
