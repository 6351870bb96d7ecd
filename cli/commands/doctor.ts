import { Flags } from '@oclif/core'
import { BaseCommand } from '../base-command.js'
import { renderTable } from '../../src/presentation/table.js'
import { gatewayList } from '../../bench/flags.js'
import { CliError, UsageError } from '../../src/core/operator-errors.js'
import { type Check, fail, warn } from '../doctor/check.js'
import { readinessCheck } from '../doctor/readiness.js'
import { deadLetterCheck, lagChecks } from '../doctor/kafka.js'
import { exposureChecks, secretChecks } from '../doctor/config.js'
import { tlsChecks } from '../doctor/tls.js'

export interface DoctorResult {
  ok: boolean
  counts: Record<Check['status'], number>
  checks: Check[]
}

export default class Doctor extends BaseCommand<typeof Doctor> {
  static override summary = 'Check a running deployment from outside and say what to fix'
  static override description =
    `Asks every gateway and monitor port for /health/ready; with Kafka (--kafka or the config), the lag of each catalog consumer group and the dead letters not yet replayed; from the configuration it is given (--config, GOCHAT_* variables, the current context), secrets that are the public default, short or shared, what listens on or talks over a network beyond this host, and TLS where the config asks for it (certificate files, and a verified handshake with Kafka, Redis and the roles' gRPC). Each check is ok, warn or fail with what to do; the exit code is 1 when any check fails. Give it the configuration the deployment runs with: secrets it cannot see are judged by their defaults.`

  static override examples = [
    '<%= config.bin %> doctor',
    '<%= config.bin %> doctor --gateway http://127.0.0.1:8080 --monitor http://127.0.0.1:9093 --json',
    '<%= config.bin %> doctor --config gochat.yaml --kafka 10.0.0.5:9092 --gateway https://chat.example.com --monitor http://10.0.0.4:9095,http://10.0.0.5:9094',
  ]

  static override flags = {
    gateway: Flags.string({
      description: 'Gateway URL(s), comma-separated, as clients reach them',
      default: 'http://127.0.0.1:8080',
    }),
    monitor: Flags.string({
      description:
        'Health/metrics URL(s) of logic, repo and task, comma-separated (default: http://127.0.0.1:<task_metrics_port>, the one port of gochat up and serve --role=all; "" for none)',
    }),
    'max-lag': Flags.integer({
      description: 'Records a consumer group may lag behind before it is a warning',
      default: 1000,
      min: 0,
    }),
  }

  async run(): Promise<DoctorResult> {
    const cfg = this.cfg
    const gateways = gatewayList(this.flags.gateway)
    if (gateways.length === 0) throw new UsageError('--gateway needs at least one URL')
    const local = cfg.metrics_host === '0.0.0.0' || cfg.metrics_host === '::' ? '127.0.0.1' : cfg.metrics_host
    const monitors = gatewayList(this.flags.monitor ?? `http://${local}:${cfg.task_metrics_port}`)
    for (const url of [...gateways, ...monitors])
      if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol))
        throw new UsageError(`not an http(s) URL: ${url}`)

    const [ready, kafka, tls] = await Promise.all([
      Promise.all([
        ...gateways.map((u) => readinessCheck(u, 'gateway')),
        ...monitors.map((u) => readinessCheck(u, 'monitor port')),
      ]),
      this.kafkaChecks(),
      tlsChecks(cfg),
    ])
    const checks = [...ready, ...kafka, ...secretChecks(cfg), ...exposureChecks(cfg, gateways), ...tls]
    const counts = { ok: 0, warn: 0, fail: 0 }
    for (const c of checks) counts[c.status]++
    if (!this.jsonEnabled()) {
      this.log(
        renderTable(
          ['', 'check', 'target', 'seen', 'what to do'],
          checks.map((c) => [c.status.toUpperCase(), c.area, c.target, c.detail, c.fix]),
          [6, 14, 34, 44, 44],
        ),
      )
      this.log(`${counts.ok} ok, ${counts.warn} warn, ${counts.fail} fail`)
    }
    if (counts.fail) process.exitCode = 1
    return { ok: counts.fail === 0, counts, checks }
  }

  /** lag and dead letters; Kafka that does not answer is a failed check, not an error of the command */
  private async kafkaChecks(): Promise<Check[]> {
    if (this.cfg.kafka_brokers.length === 0)
      return [
        warn(
          'kafka',
          'kafka_brokers',
          'none given: lag and dead letters are not visible (the embedded bus lives inside its process)',
          'give --kafka with the brokers of the deployment (or `gochat context use`) to check them',
        ),
      ]
    try {
      const [lag, dead] = await Promise.all([lagChecks(this.cfg, this.flags['max-lag']), deadLetterCheck(this.cfg)])
      return [...lag, dead]
    } catch (err) {
      if (!(err instanceof CliError)) throw err
      return [fail('kafka', this.cfg.kafka_brokers.join(','), err.message, err.hint ?? 'check --kafka')]
    }
  }
}
