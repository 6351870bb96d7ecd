import { Flags } from '@oclif/core'
import { BaseCommand } from '../../base-command.js'
import { renderTable } from '../../../src/presentation/table.js'
import { configKeys } from '../../../src/config/index.js'
import { Cluster } from '../../../runtime/cluster.js'
import { redactUrl } from '../../../src/observability/redact.js'

export interface ClusterUpResult {
  gateways: Array<{ id: string; url: string }>
  processes: Array<{ name: string; pid: number | null; args: string }>
  kafka: string
  mysql: string
  redis: string
  topicPrefix: string
  logDir: string
  /** the admin path's secret (for gochat bench: --admin-secret or GOCHAT_ADMIN_SECRET) */
  adminSecret: string
}

/** The local infrastructure's documented addresses (`gochat infra up`), used when nothing is configured. */
const LOCAL = { kafka: '127.0.0.1:9092', mysql: 'mysql://root@127.0.0.1:3306/gochat', redis: 'redis://127.0.0.1:6379' }

export default class ClusterUp extends BaseCommand<typeof ClusterUp> {
  static override summary =
    'Run a multi-process gochat (R repo, L logic, N task, M gateway processes) on real Kafka, MySQL and Redis'
  static override description =
    `Starts every role as its own \`gochat serve\` process on local infrastructure (default: the addresses of \`gochat infra up\`), prints the gateway URLs once all are healthy, and runs until SIGTERM or Ctrl-C, then stops the processes (gateways first). With --json the URLs are printed as one JSON object as soon as the cluster is up. Each process logs to <log-dir>/<name>.log. A process that dies is logged (warn, with its exit cause), its Kafka group members are evicted so its partitions move at once, and it is started again on the same ports (--no-restart: it stays dead).`
  static override examples = [
    '<%= config.bin %> cluster up --gateways 2 --tasks 2',
    '<%= config.bin %> cluster up --gateways 2 --tasks 2 --repos 2 --logics 2',
    '<%= config.bin %> cluster up --gateways 2 --tasks 2 --kafka 127.0.0.1:9092 --mysql mysql://root@127.0.0.1:3306/gochat --redis redis://127.0.0.1:6379 --json',
  ]

  static override flags = {
    gateways: Flags.integer({ description: 'Gateway processes (ids gw-1…gw-N)', default: 2, min: 1, max: 32 }),
    tasks: Flags.integer({ description: 'Task processes', default: 2, min: 1, max: 32 }),
    repos: Flags.integer({
      description: 'Repo processes (logic and task call them round robin; one relays the outbox)',
      default: 1,
      min: 1,
      max: 8,
    }),
    logics: Flags.integer({
      description: 'Logic processes (gateways call them round robin and retry a refused send at another)',
      default: 1,
      min: 1,
      max: 8,
    }),
    restart: Flags.boolean({
      description: 'Start a process that died again (--no-restart: leave it dead)',
      default: true,
      allowNo: true,
    }),
    host: Flags.string({
      description:
        'Where the gateways bind (default 127.0.0.1: this machine only; 0.0.0.0 or :: for every interface, or one address)',
    }),
    'gateway-port': Flags.integer({
      description: 'Port of the first gateway, the next ones count up (default: free ports)',
    }),
    'log-dir': Flags.string({ description: 'Folder of the per-process log files', default: '.gochat/cluster' }),
    'start-timeout': Flags.integer({ description: 'Seconds for every process to become healthy', default: 90, min: 1 }),
    'jwt-secret': Flags.string({
      description:
        'Token-signing secret of every process (default: GOCHAT_JWT_SECRET or jwt_secret if set, else a random one for this cluster)',
    }),
  }

  async run(): Promise<void> {
    const f = this.flags
    const kafka = this.cfg.kafka_brokers.length ? this.cfg.kafka_brokers.join(',') : LOCAL.kafka
    const mysql = this.cfg.mysql_url ?? LOCAL.mysql
    const redis = this.cfg.redis_url ?? LOCAL.redis
    // a configured secret is given to every process; without one the cluster makes its own (never printed)
    const configured =
      f['jwt-secret'] ?? (this.cfg.jwt_secret === configKeys.jwt_secret.default ? undefined : this.cfg.jwt_secret)
    const cluster = new Cluster({
      gateways: f.gateways,
      tasks: f.tasks,
      repos: f.repos,
      logics: f.logics,
      restart: f.restart,
      kafka,
      mysql,
      redis,
      topicPrefix: this.cfg.topic_prefix,
      logDir: f['log-dir'],
      ...(f['gateway-port'] ? { gatewayPort: f['gateway-port'] } : {}),
      ...(f.host ? { gatewayHost: f.host } : {}),
      ...(configured ? { jwtSecret: configured } : {}),
      ...(this.cfg.admin_secret ? { env: { GOCHAT_ADMIN_SECRET: this.cfg.admin_secret } } : {}),
      onProgress: (line) => process.stderr.write(`${line}\n`), // also under --json: stdout stays one JSON document
    })

    // a signal while processes are still starting stops whatever has started
    let stopping: Promise<unknown> | undefined
    const stop = () => (stopping ??= cluster.stop())
    const stopped = new Promise<void>((resolve) => {
      const onSignal = (signal: NodeJS.Signals) => {
        this.logToStderr(`${signal}: stopping the cluster`)
        const force = setTimeout(() => {
          this.logToStderr('processes did not stop within 30 s; exiting')
          process.exit(1)
        }, 30_000)
        force.unref()
        void stop().then(
          () => resolve(),
          (err: Error) => {
            this.logToStderr(`stopping failed: ${err.message}`)
            process.exitCode = 1
            resolve()
          },
        )
      }
      process.once('SIGTERM', onSignal)
      process.once('SIGINT', onSignal)
    })

    this.logToStderr(
      `starting ${f.repos} repo, ${f.logics} logic, ${f.tasks} task and ${f.gateways} gateway processes on kafka ${kafka}, ${redactUrl(mysql)}, ${redactUrl(redis)}`,
    )
    try {
      await cluster.start(f['start-timeout'] * 1000)
    } catch (err) {
      await stop()
      this.error(`cluster did not start: ${(err as Error).message} (logs in ${f['log-dir']})`, { exit: 3 })
    }

    const ids = cluster.gatewayIds()
    const result: ClusterUpResult = {
      gateways: cluster.gatewayUrls.map((url, k) => ({ id: ids[k]!, url })),
      processes: [...cluster.procs.values()].map((p) => ({
        name: p.name,
        pid: p.child?.pid ?? null,
        args: p.args.join(' '),
      })),
      kafka,
      mysql: redactUrl(mysql),
      redis: redactUrl(redis),
      topicPrefix: this.cfg.topic_prefix,
      logDir: f['log-dir'],
      adminSecret: cluster.adminSecret,
    }
    // printed now, not when run() returns: the command runs until a signal and scripts want the URLs at once
    if (this.jsonEnabled()) {
      process.stdout.write(`${JSON.stringify(result)}\n`)
    } else {
      this.log(
        renderTable(
          ['process', 'pid', 'gateway URL'],
          result.processes.map((p) => [p.name, p.pid, result.gateways.find((g) => g.id === p.name)?.url ?? '']),
        ),
      )
      this.log(`gateways: ${cluster.gatewayUrls.join(',')}`)
      this.log(
        `try: GOCHAT_ADMIN_SECRET=${cluster.adminSecret} gochat bench fanout --gateway ${cluster.gatewayUrls.join(',')} --group-size 1000`,
      )
      this.log('Ctrl-C stops the cluster.')
    }
    await stopped
  }
}
