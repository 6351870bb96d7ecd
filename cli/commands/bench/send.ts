import { Flags } from '@oclif/core'
import { BaseCommand } from '../../base-command.js'
import {
  clientFlags,
  clientTargets,
  defaultWorkers,
  localPool,
  socketLimits,
  verdictFlags,
} from '../../../bench/flags.js'
import { sendFigures } from '../../../bench/figures.js'
import { parseThresholds } from '../../../bench/thresholds.js'
import { writeJunit } from '../../../bench/report/junit.js'
import { applyThresholds, exitCodeOf, thresholdLines, type Verdict } from '../../../bench/verdict.js'
import { checkGateways } from '../../../bench/reachable.js'
import { machine } from '../../../bench/machine.js'
import { runSend, type SendRun } from '../../../bench/one-to-one.js'
import { note } from '../../../bench/progress.js'
import { renderSendRun } from '../../../bench/report/send-table.js'
import { renderSendHtml } from '../../../bench/report/send-html.js'
import { writeFileSync } from 'node:fs'
import { renderSoak, sampleMemory, soakSummary, type SoakSummary } from '../../../bench/soak.js'
import { UsageError } from '../../../src/core/operator-errors.js'
import { renderTable } from '../../../src/presentation/table.js'
import { agentFlags, agentPool } from '../../../bench/agents/flags.js'
import { agentsSection } from '../../agents-table.js'
import {
  fractionRows,
  fractions,
  limitsRows,
  runLimits,
  type Fractions,
  type Limits,
} from '../../../bench/limits/index.js'
import { limitsFlags, limitsOptions } from '../../../bench/limits/flags.js'

export default class BenchSend extends BaseCommand<typeof BenchSend> {
  static override summary =
    'One-to-one messages: pairs of users in direct conversations; messages/s and send→receive latency'
  static override description =
    'Creates 2 × --pairs users through the admin path and a direct conversation per pair; in each pair one user sends --messages messages at --rate (per pair) over its WebSocket and the other receives. Ends of a pair sit on different gateways when there are several. Missing deliveries exit with code 1.'
  static override examples = [
    '<%= config.bin %> bench send --gateway http://127.0.0.1:8080 --pairs 100 --messages 20 --rate 5',
    '<%= config.bin %> bench send --gateway http://127.0.0.1:8080,http://127.0.0.1:8081 --rate max --json',
    '<%= config.bin %> bench send --pairs 200 --rate 1 --duration 600   # soak: 200 msg/s for 10 minutes, server memory slope',
    '<%= config.bin %> bench send --kind image --payload-bytes 50000 --pairs 20 --messages 10 --rate 2   # upload + image message',
  ]

  static override flags = {
    ...clientFlags,
    ...verdictFlags,
    ...agentFlags,
    html: Flags.string({
      description: 'Write a self-contained HTML report (latency CDF, messages per second, per-agent rows) to this file',
    }),
    pairs: Flags.integer({ description: 'Sender/receiver pairs', default: 100, min: 1 }),
    kind: Flags.string({
      description:
        'text: messages of --payload-bytes; image: each message uploads a PNG of about --payload-bytes (slot, PUT, complete, thumbnail) then sends it, and its latency is upload and message together',
      options: ['text', 'image'],
      default: 'text',
    }),
    messages: Flags.integer({
      description: 'Measured messages per pair (after one warm-up message)',
      default: 20,
      min: 1,
    }),
    duration: Flags.integer({
      description:
        "Soak: send for this many seconds (--messages becomes rate × duration) and report the server's memory slope after the first minute",
      min: 1,
    }),
    'sample-every': Flags.integer({
      description: "Soak: seconds between samples of the server's /metrics",
      default: 5,
      min: 1,
    }),
    limits: Flags.boolean({
      description: 'Run `bench limits` first and show messages/s as fractions of those ceilings',
    }),
    ...limitsFlags,
  }

  async run(): Promise<
    SendRun & {
      machine: ReturnType<typeof machine>
      ok: boolean
      failures: string[]
      soak?: SoakSummary
      limits?: Limits
      fractions?: Fractions
    } & Verdict
  > {
    const f = this.flags
    const started = Date.now()
    const { gateways, rate } = clientTargets(f)
    const thresholds = parseThresholds(f.threshold, sendFigures())
    await checkGateways(gateways)
    const pool = agentPool(this.cfg, f, note) ?? localPool(socketLimits(f))
    if (f.duration !== undefined && rate === 'max') throw new UsageError('--duration needs a numeric --rate')
    const limits = f.limits ? await runLimits(this.cfg, limitsOptions(f, note)) : undefined
    const messages = f.duration !== undefined && rate !== 'max' ? Math.ceil(rate * f.duration) : f.messages
    const sampler = f.duration !== undefined ? sampleMemory(gateways[0]!, f['sample-every'] * 1000) : undefined
    const result = await runSend({
      gateways,
      adminSecret: f['admin-secret'] ?? this.cfg.admin_secret ?? '',
      pairs: f.pairs,
      messages,
      rate,
      payloadBytes: f['payload-bytes'],
      kind: f.kind as 'text' | 'image',
      workers: f.workers ?? defaultWorkers(),
      connectConcurrency: f['connect-concurrency'],
      drainTimeoutMs: f['drain-timeout'] * 1000,
      log: (t) => note(t),
      progress: !f['no-progress'],
      pool,
    }).finally(() => sampler?.stop())
    const soak = sampler ? soakSummary(await sampler.stop(), result.messagesPerSec) : undefined
    const c = result.completeness
    const failures = [
      ...(result.agents?.failures ?? []),
      ...(c.missing ? [`${c.missing} of ${c.expected} messages missing`] : []),
      ...(c.connectFailures
        ? [`${c.connectFailures} pairs could not connect (${result.setup.connectErrors.join('; ')})`]
        : []),
      ...(result.send.failed ? [`${result.send.failed} sends failed`] : []),
    ]
    const report = applyThresholds(
      {
        ...result,
        machine: machine(),
        ok: failures.length === 0,
        failures,
        ...(soak ? { soak } : {}),
        ...(limits ? { limits, fractions: fractions(result.messagesPerSec, limits) } : {}),
      },
      thresholds,
      sendFigures(result),
    )
    if (f.html) {
      writeFileSync(f.html, renderSendHtml(report))
      note(`wrote ${f.html}`)
    }
    if (!this.jsonEnabled()) {
      this.log(renderSendRun(result, report.failures) + (soak ? `\n${renderSoak(soak)}` : ''))
      if (result.agents) this.log(agentsSection(result.agents))
      if (report.thresholds.length) this.log(thresholdLines(report))
    }
    if (limits && !this.jsonEnabled())
      this.log(
        renderTable(
          ['same-run ceilings', 'value'],
          [...limitsRows(limits), ...fractionRows('messages/s', result.messagesPerSec, limits)],
        ),
      )
    if (f.junit) writeJunit(f.junit, { suite: 'gochat bench send', durationMs: Date.now() - started, ...report })
    process.exitCode = exitCodeOf(report)
    return report
  }
}
