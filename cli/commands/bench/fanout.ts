import { writeFileSync } from 'node:fs'
import { Flags } from '@oclif/core'
import { BaseCommand } from '../../base-command.js'
import { UsageError } from '../../../src/core/operator-errors.js'
import { runFanout, type FanoutOptions } from '../../../bench/fanout.js'
import {
  clientFlags,
  clientTargets,
  defaultWorkers,
  localPool,
  socketLimits,
  verdictFlags,
} from '../../../bench/flags.js'
import { fanoutFigures } from '../../../bench/figures.js'
import { applyThresholds, exitCodeOf, thresholdLines, type Verdict } from '../../../bench/verdict.js'
import { parseThresholds } from '../../../bench/thresholds.js'
import { writeJunit } from '../../../bench/report/junit.js'
import { checkGateways } from '../../../bench/reachable.js'
import { machine } from '../../../bench/machine.js'
import { offlinePushes } from '../../../bench/offline-push.js'
import { note } from '../../../bench/progress.js'
import { ratios } from '../../../bench/ratios.js'
import { renderFanoutHtml } from '../../../bench/report/fanout-html.js'
import { buildFanoutReport, type BaselineRuns, type FanoutReport } from '../../../bench/report/fanout-report.js'
import { renderFanoutReport } from '../../../bench/report/fanout-table.js'
import { baselineTarget, gochatTarget } from '../../../bench/targets.js'
import { BASELINE_KINDS } from '../../../bench/baseline/spawn.js'
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

export default class BenchFanout extends BaseCommand<typeof BenchFanout> {
  static override summary =
    'Group fanout: one sender, a large group, most members online; latency, completion time, completeness'
  static override description =
    `Creates --group-size users through the admin path, one group (its creator is the sender), connects the --online fraction of members from client worker threads spread over the gateways, warms up with one message, then sends --messages messages at --rate and accounts for every delivery: send→receive latency, per-message fanout completion, deliveries/s, duplicates, out-of-order and missing deliveries, and (with --kafka) the offline members' push records. Missing deliveries exit with code 1.

--baseline runs the same clients, connection count and payload against a plain ws broadcast server (naive: one write per frame per socket), the same server with the frames of each tick coalesced per socket in one write (ws-batched, as gochat's gateway writes), and a Socket.IO room broadcast (each in a child process) and prints gochat's figures as ratios to theirs, memory per idle connection included.`

  static override examples = [
    '<%= config.bin %> bench fanout --gateway http://127.0.0.1:8080',
    '<%= config.bin %> bench fanout --gateway http://127.0.0.1:8080,http://127.0.0.1:8081 --group-size 10000 --online 0.8 --messages 20 --rate max --baseline --html fanout.html',
    '<%= config.bin %> bench fanout --group-size 200 --messages 5 --json --kafka 127.0.0.1:9092 --topic-prefix gochat',
  ]

  static override flags = {
    ...clientFlags,
    ...verdictFlags,
    ...agentFlags,
    'group-size': Flags.integer({ description: 'Members of the group, the sender included', default: 10_000, min: 2 }),
    online: Flags.string({ description: 'Fraction of the other members that connect (0..1)', default: '0.8' }),
    messages: Flags.integer({ description: 'Measured messages (after one warm-up message)', default: 20, min: 1 }),
    'member-chunk': Flags.integer({
      description: 'Members added per POST /v1/groups/{id}/members',
      default: 1000,
      min: 1,
    }),
    'warmup-timeout': Flags.integer({
      description: 'Seconds to wait for the warm-up message to reach every member',
      default: 60,
      min: 1,
    }),
    baseline: Flags.boolean({
      description:
        'Also run plain ws (naive and batched per tick) and Socket.IO broadcast servers with the same clients and print ratios',
    }),
    html: Flags.string({
      description: 'Write a self-contained HTML report (latency CDF, completion chart) to this file',
    }),
    limits: Flags.boolean({
      description: 'Run `bench limits` first and show deliveries/s as fractions of those ceilings',
    }),
    ...limitsFlags,
  }

  async run(): Promise<FanoutReport & Verdict & { limits?: Limits; fractions?: Fractions }> {
    const f = this.flags
    const started = Date.now()
    const online = Number(f.online)
    if (!(online >= 0 && online <= 1)) throw new UsageError(`--online must be a fraction from 0 to 1 (got ${f.online})`)
    const { gateways, rate } = clientTargets(f)
    const thresholds = parseThresholds(f.threshold, fanoutFigures())
    await checkGateways(gateways)
    const log = (text: string) => note(text)
    if (f.agents !== undefined && f.baseline)
      throw new UsageError('--baseline runs local servers: it cannot be combined with --agents')
    const pool = agentPool(this.cfg, f, log) ?? localPool(socketLimits(f))
    const options: FanoutOptions = {
      messages: f.messages,
      rate,
      inflight: f.inflight,
      payloadBytes: f['payload-bytes'],
      workers: f.workers ?? defaultWorkers(),
      connectConcurrency: f['connect-concurrency'],
      warmupTimeoutMs: f['warmup-timeout'] * 1000,
      drainTimeoutMs: f['drain-timeout'] * 1000,
      log,
      progress: !f['no-progress'],
      pool,
    }
    const limits = f.limits ? await runLimits(this.cfg, limitsOptions(f, log)) : undefined

    const gochat = await runFanout(
      gochatTarget({
        gateways,
        adminSecret: f['admin-secret'] ?? this.cfg.admin_secret ?? '',
        groupSize: f['group-size'],
        online,
        memberChunk: f['member-chunk'],
      }),
      options,
    )

    let push: FanoutReport['offlinePush'] = 'n/a'
    if (this.cfg.kafka_brokers.length) {
      const expected = gochat.offline * (gochat.messages + 1) // the warm-up message notifies them too
      log(`counting offline pushes on Kafka (${expected} expected)`)
      push = await offlinePushes(this.cfg, gochat.conversationId, expected).catch((err: Error) => ({
        error: err.message,
      }))
    }

    let baselines: BaselineRuns | undefined
    if (f.baseline) {
      baselines = {}
      for (const kind of BASELINE_KINDS) {
        // the same number of receiving connections as gochat actually had, so per-connection figures compare
        const target = await baselineTarget(kind, gochat.setup.connected)
        try {
          baselines[kind] = await runFanout(target, options)
        } finally {
          await target.stop()
        }
      }
    }

    const report = applyThresholds(
      buildFanoutReport(gochat, push, baselines, ratios, machine()),
      thresholds,
      fanoutFigures(gochat),
    )
    if (f.html) {
      writeFileSync(f.html, renderFanoutHtml(report))
      log(`wrote ${f.html}`)
    }
    if (!this.jsonEnabled()) this.log(renderFanoutReport(report))
    if (gochat.agents && !this.jsonEnabled()) this.log(agentsSection(gochat.agents))
    if (report.thresholds.length && !this.jsonEnabled()) this.log(thresholdLines(report))
    if (limits && !this.jsonEnabled())
      this.log(
        renderTable(
          ['same-run ceilings', 'value'],
          [...limitsRows(limits), ...fractionRows('deliveries/s', gochat.deliveriesPerSec, limits)],
        ),
      )
    if (f.junit) writeJunit(f.junit, { suite: 'gochat bench fanout', durationMs: Date.now() - started, ...report })
    process.exitCode = exitCodeOf(report)
    return { ...report, ...(limits ? { limits, fractions: fractions(gochat.deliveriesPerSec, limits) } : {}) }
  }
}
