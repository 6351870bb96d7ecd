import { randomBytes } from 'node:crypto'
import { Flags } from '@oclif/core'
import { BaseCommand } from '../base-command.js'
import { checkBindings, preflight } from '../preflight.js'
import type { ConfigKey } from '../../src/config/index.js'
import { createLogger, setLogLevel } from '../../src/observability/log.js'
import { roleNames, startSystem } from '../../runtime/system.js'
import { runUntilSignal } from '../../runtime/run-until-signal.js'
import { defaultDataDir, ensureDataDir, withDataDir } from '../../src/config/data-dir.js'

export default class Up extends BaseCommand<typeof Up> {
  static override summary = 'Run the whole system in one process (embedded drivers unless --kafka/--mysql/--redis)'
  static override description =
    'Gateway, logic, repo and task in one process on the in-process bus and cache, with a durable SQLite store in --data-dir (printed at start; --ephemeral: in memory, for demos and tests). Give --kafka, --mysql and --redis to run the same on real infrastructure.'
  static override enableJsonFlag = false
  static override examples = [
    '<%= config.bin %> up',
    '<%= config.bin %> up --port 9000 --host 0.0.0.0',
    '<%= config.bin %> up --kafka 127.0.0.1:9092 --mysql mysql://root@127.0.0.1:3306/gochat --redis redis://127.0.0.1:6379',
  ]

  static override flags = {
    port: Flags.integer({ description: 'Gateway HTTP/WebSocket port (0: any free port)', default: 8080 }),
    host: Flags.string({
      description: 'Gateway bind address (default 127.0.0.1: this machine only; 0.0.0.0 or :: for every interface)',
    }),
    'jwt-secret': Flags.string({
      description:
        'Token-signing secret (default on embedded drivers: a random one per run; required with --kafka/--mysql/--redis)',
    }),
    'metrics-port': Flags.integer({ description: 'Port of /health and /metrics of the back roles', default: 9093 }),
    'log-level': Flags.string({ description: 'debug, info, warn, error or silent' }),
    persistence: Flags.string({
      description: 'sync (transactional outbox) or async (gochat.messages.persist)',
      options: ['sync', 'async'],
    }),
    'data-dir': Flags.string({
      description:
        'Where the embedded store (SQLite) and the token secret live (default $XDG_DATA_HOME/gochat or ~/.local/share/gochat)',
    }),
    'blob-url': Flags.string({
      description:
        'Where attachment bytes live: s3://[KEY:SECRET@]bucket[/prefix]?endpoint=URL, or file:///dir (default: <data-dir>/blobs)',
    }),
    ephemeral: Flags.boolean({
      description: 'Keep everything in memory: nothing survives the process',
      exclusive: ['data-dir'],
    }),
  }

  protected override configFlags(): Partial<Record<ConfigKey, unknown>> {
    return {
      gateway_port: this.flags.port,
      gateway_host: this.flags.host,
      jwt_secret: this.flags['jwt-secret'],
      task_metrics_port: this.flags['metrics-port'],
      log_level: this.flags['log-level'],
      persistence: this.flags.persistence,
      data_dir: this.flags.ephemeral ? '' : this.flags['data-dir'],
      blob_url: this.flags['blob-url'],
    }
  }

  async run(): Promise<void> {
    setLogLevel(this.cfg.log_level)
    const log = createLogger({ role: 'all' })
    await preflight(this.cfg)
    // unlike serve, up is a demo on this machine: it listens on loopback unless told otherwise
    const host = this.cfg.gateway_host ?? '127.0.0.1'
    await checkBindings({ ...this.cfg, gateway_host: host }, roleNames, {
      gateway_port: 'port',
      gateway_host: 'host',
      task_metrics_port: 'metrics-port',
    })
    // durable by default: SQLite and the token secret in the data directory, unless MySQL or --ephemeral
    if (!this.cfg.mysql_url && !this.flags.ephemeral) {
      this.cfg = withDataDir(this.cfg, ensureDataDir(this.cfg.data_dir ?? defaultDataDir()))
      this.log(`data in ${this.cfg.data_dir}  (SQLite store and token secret; --ephemeral keeps nothing)`)
    }
    // the admin path (bulk users for gochat bench) gets a secret of this run unless one is configured
    const adminSecret = this.cfg.admin_secret ?? randomBytes(24).toString('base64url')
    const system = await startSystem(
      { ...this.cfg, admin_secret: adminSecret, gateway_host: host },
      [...roleNames],
      log,
    )
    const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host
    const url = `http://${shown}:${system.gatewayPort}`
    const drivers = [
      this.cfg.kafka_brokers.length ? `kafka ${this.cfg.kafka_brokers.join(',')}` : 'embedded bus',
      this.cfg.mysql_url ? 'mysql' : this.cfg.data_dir ? 'sqlite store' : 'in-memory store',
      this.cfg.redis_url ? 'redis' : 'in-memory cache',
    ]
    this.log(`gochat is up at ${url}  (${drivers.join(', ')}; metrics on :${system.monitorPorts.task})`)
    this.log(
      `try it: open ${url}/ in two browser tabs, or: curl -s -XPOST ${url}/v1/auth/guest -d '{"displayName":"ann"}'`,
    )
    if (!this.cfg.admin_secret)
      this.log(
        `benchmarks: GOCHAT_ADMIN_SECRET=${adminSecret} gochat bench send --gateway ${url}  (admin secret of this run)`,
      )
    this.log('Ctrl-C stops it.')
    await runUntilSignal(system, log)
  }
}
