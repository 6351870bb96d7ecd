import { renameSync, writeFileSync } from 'node:fs'
import { Flags } from '@oclif/core'
import { BaseCommand } from '../base-command.js'
import { checkBindings, preflight } from '../preflight.js'
import type { ConfigKey } from '../../src/config/index.js'
import { createLogger, setLogLevel } from '../../src/observability/log.js'
import { roleNames, startSystem, type RoleName } from '../../runtime/system.js'
import { runUntilSignal } from '../../runtime/run-until-signal.js'

export default class Serve extends BaseCommand<typeof Serve> {
  static override summary = 'Run one service role (gateway, logic, repo, task) or all of them'
  static override description =
    'Roles reach each other over gRPC (logic_addr, repo_addr; a process binds logic_listen/repo_listen when set) and Kafka. SIGTERM drains in-flight work, commits offsets and exits.'
  static override enableJsonFlag = false
  static override examples = [
    '<%= config.bin %> serve --role=repo --kafka 127.0.0.1:9092 --mysql mysql://root@127.0.0.1:3306/gochat --redis redis://127.0.0.1:6379',
    '<%= config.bin %> serve --role=gateway --instance-id gw-1 --port 8080 --kafka 127.0.0.1:9092 --redis redis://127.0.0.1:6379',
    '<%= config.bin %> serve --role=all',
  ]

  static override flags = {
    role: Flags.string({ description: 'Role to run', options: [...roleNames, 'all'], required: true }),
    'instance-id': Flags.string({ description: 'Instance id (gateways: suffix of the downstream topic)' }),
    port: Flags.integer({ description: 'Gateway HTTP/WebSocket port (0: any free port)' }),
    host: Flags.string({ description: 'Gateway bind address (default: every interface)' }),
    'jwt-secret': Flags.string({
      description: 'Token-signing secret, 32+ random characters (better: GOCHAT_JWT_SECRET, which ps does not show)',
    }),
    'metrics-port': Flags.integer({
      description: 'Port of /health and /metrics for logic, repo or task (all: the one shared port)',
    }),
    'logic-addr': Flags.string({
      description: 'logic gRPC address, host:port (logic listens, the others dial; default 127.0.0.1:50051)',
    }),
    'repo-addr': Flags.string({
      description:
        'repo gRPC address(es), host:port[,…] (repo listens on its own, the others dial all round robin; default 127.0.0.1:50052)',
    }),
    'logic-listen': Flags.string({
      description:
        'Where logic binds its gRPC server, host:port (default: logic-addr); logic-addr stays what peers dial',
    }),
    'repo-listen': Flags.string({
      description: 'Where repo binds its gRPC server, host:port (default: repo-addr); repo-addr stays what peers dial',
    }),
    'metrics-host': Flags.string({
      description: 'Bind address of /health and /metrics of logic, repo and task (default 127.0.0.1)',
    }),
    persistence: Flags.string({
      description: 'sync (transactional outbox) or async (gochat.messages.persist)',
      options: ['sync', 'async'],
    }),
    'log-level': Flags.string({ description: 'debug, info, warn, error or silent' }),
    'tracing-endpoint': Flags.string({
      description: 'OTLP/HTTP traces URL, e.g. http://127.0.0.1:4318/v1/traces (default: tracing off)',
    }),
    'tracing-sample-ratio': Flags.string({ description: 'Share of new traces sampled, 0 to 1 (default 1)' }),
    'ready-file': Flags.string({
      description:
        'Once every listener is up, write the ports and gRPC addresses actually bound to this file as JSON (for supervisors; useful with port 0)',
    }),
  }

  /** the config key --metrics-port sets for this --role (all: the shared port, task's) */
  private metricsKey() {
    return (
      {
        gateway: undefined,
        logic: 'logic_metrics_port',
        repo: 'repo_metrics_port',
        task: 'task_metrics_port',
        all: 'task_metrics_port',
      } as const
    )[this.flags.role as RoleName | 'all']
  }

  protected override configFlags(): Partial<Record<ConfigKey, unknown>> {
    const f = this.flags
    const metricsKey = this.metricsKey()
    return {
      instance_id: f['instance-id'],
      gateway_port: f.port,
      gateway_host: f.host,
      jwt_secret: f['jwt-secret'],
      persistence: f.persistence,
      logic_addr: f['logic-addr'],
      repo_addr: f['repo-addr'],
      logic_listen: f['logic-listen'],
      repo_listen: f['repo-listen'],
      metrics_host: f['metrics-host'],
      log_level: f['log-level'],
      tracing_endpoint: f['tracing-endpoint'],
      tracing_sample_ratio: f['tracing-sample-ratio'],
      ...(metricsKey && f['metrics-port'] !== undefined ? { [metricsKey]: f['metrics-port'] } : {}),
    }
  }

  async run(): Promise<void> {
    setLogLevel(this.cfg.log_level)
    const roles: RoleName[] = this.flags.role === 'all' ? [...roleNames] : [this.flags.role as RoleName]
    const log = createLogger({ role: this.flags.role, instance: this.cfg.instance_id })
    await preflight(this.cfg)
    const metricsKey = this.metricsKey()
    await checkBindings(this.cfg, roles, {
      ...(metricsKey ? { [metricsKey]: 'metrics-port' } : {}),
      gateway_port: 'port',
      gateway_host: 'host',
      metrics_host: 'metrics-host',
      logic_addr: 'logic-addr',
      logic_listen: 'logic-listen',
      repo_addr: 'repo-addr',
      repo_listen: 'repo-listen',
    })
    const system = await startSystem(this.cfg, roles, log)
    const bound = {
      pid: process.pid,
      roles,
      gatewayPort: system.gatewayPort,
      monitorPorts: system.monitorPorts,
      grpcAddrs: system.grpcAddrs,
    }
    log.info('ready', { ...bound, bus: this.cfg.kafka_brokers.length ? 'kafka' : 'embedded' })
    const readyFile = this.flags['ready-file']
    if (readyFile) {
      // write then rename: whoever watches the file never reads half of it
      writeFileSync(`${readyFile}.tmp`, JSON.stringify(bound))
      renameSync(`${readyFile}.tmp`, readyFile)
    }
    await runUntilSignal(system, log)
  }
}
