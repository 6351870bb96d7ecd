// `gochat chaos`: starts a supervised multi-process cluster on real infrastructure (its own topic prefix, database
// and Redis key prefix), runs a checked workload once per fault with the fault injected mid-traffic, and prints
// per fault what clients would have seen. The data of the run is removed afterwards unless --keep.
// With --gateway it starts nothing and runs against those gateways: only the faults that need no process control.
import { Flags } from '@oclif/core'
import mysql from 'mysql2/promise'
import { BaseCommand } from '../base-command.js'
import { UsageError } from '../../src/core/operator-errors.js'
import { renderTable } from '../../src/presentation/table.js'
import { withAdmin } from '../../src/ops/kafka/admin.js'
import { Cluster } from '../../runtime/cluster.js'
import { setLogLevel } from '../../src/observability/log.js'
import { deleteKeys, FAULTS } from '../../bench/chaos/faults.js'
import { defaultRound, runRound, type RoundOptions, type RoundResult } from '../../bench/chaos/run.js'
import { columns } from '../../bench/chaos/table.js'
import { RedisServer } from '../../bench/chaos/redis-server.js'
import { MariadbServer } from '../../bench/chaos/mariadb-server.js'
import { ownKafka } from '../../bench/chaos/own-kafka.js'
import { EXTERNAL_FAULTS, type ChaosTarget } from '../../bench/chaos/target.js'
import { clientFlags, gatewayList } from '../../bench/flags.js'
import { checkGateways } from '../../bench/reachable.js'

const LOCAL = { kafka: '127.0.0.1:9092', mysql: 'mysql://root@127.0.0.1:3306', redis: 'redis://127.0.0.1:6379' }

export default class Chaos extends BaseCommand<typeof Chaos> {
  static override summary =
    'Inject faults into a multi-process cluster under a checked workload and report what clients saw'
  static override description =
    `Starts a supervised cluster (\`cluster up\`'s processes) on local Kafka, MySQL and Redis, then for each fault: a fresh workload (direct pairs and a group with members on every gateway, unique idempotency keys, clients that reconnect and sync), the fault in the middle of the traffic, and a check: acked messages missing from history, messages never delivered live (and those missed silently, with no resync), duplicates, seq duplicates and gaps, out-of-order arrivals, refused sends, send errors, the recovery time (the longest stall of live delivery in any conversation) and how long after the fault was over (the process back, or every Kafka node serving again) new messages were delivered live again in every conversation. Faults: ${FAULTS.join(', ')}. With redis:restart among them, the run uses a redis-server of its own (started on a free port and killed at the end), never the shared one; with mysql:restart, a MariaDB of its own likewise (mariadbd on a temporary data directory, removed at the end; needs the MariaDB server package); with kafka:restart or kafka:kill-broker, a Kafka of its own (--own-kafka nodes, on free ports, with replication factor 3 and min ISR 2 from three nodes on; removed at the end).`
  static override examples = [
    '<%= config.bin %> chaos',
    '<%= config.bin %> chaos --faults kill:task,redis:flush --rate 60 --json',
    '<%= config.bin %> chaos --faults kill:task,kill:logic --logics 1 --no-evict   # the costs before eviction and failover',
    '<%= config.bin %> chaos --faults kafka:kill-broker --own-kafka 3',
    '<%= config.bin %> chaos --gateway http://127.0.0.1:8080 --faults none   # a cluster already running',
    '<%= config.bin %> chaos --gateway http://gw1:8080,http://gw2:8080 --faults redis:flush --redis redis://cache:6379 --redis-key-prefix prod:',
  ]

  static override flags = {
    faults: Flags.string({
      description: `Comma-separated faults, in order (${FAULTS.join(', ')}); default: all but none, with --gateway none (and redis:flush given --redis and --redis-key-prefix)`,
    }),
    gateway: Flags.string({
      description:
        'Run against the gateways of a cluster already running (URLs, comma-separated) instead of starting one',
    }),
    'admin-secret': clientFlags['admin-secret'],
    gateways: Flags.integer({ description: 'Gateway processes', default: 2, min: 1, max: 8 }),
    tasks: Flags.integer({ description: 'Task processes', default: 2, min: 1, max: 8 }),
    repos: Flags.integer({ description: 'Repo processes', default: 2, min: 1, max: 8 }),
    logics: Flags.integer({
      description: 'Logic processes (1: a dead logic refuses sends until it is back)',
      default: 2,
      min: 1,
      max: 8,
    }),
    pairs: Flags.integer({ description: 'Direct conversations', default: defaultRound.pairs, min: 1 }),
    'group-size': Flags.integer({
      description: 'Members of the group (0: no group)',
      default: defaultRound.groupSize,
      min: 0,
    }),
    rate: Flags.integer({ description: 'Sends a second over all senders', default: defaultRound.rate, min: 1 }),
    after: Flags.integer({
      description: 'Seconds of traffic after the fault',
      default: defaultRound.afterMs / 1000,
      min: 1,
    }),
    'no-evict': Flags.boolean({
      description: "Do not evict a dead process's consumer-group members (to measure what the session timeout costs)",
      exclusive: ['gateway'],
    }),
    keep: Flags.boolean({ description: "Keep the run's topics, database and Redis keys", exclusive: ['gateway'] }),
    'own-kafka': Flags.integer({
      description:
        'Run on a Kafka of its own with this many KRaft nodes (default with a kafka:* fault: 3 for kafka:kill-broker, else 1)',
      min: 1,
      max: 5,
      exclusive: ['gateway'],
    }),
  }

  async run(): Promise<{ results: RoundResult[]; ok: boolean }> {
    const f = this.flags
    const faults = (f.faults ?? this.defaultFaults())
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
    const unknown = faults.filter((x) => !(FAULTS as readonly string[]).includes(x))
    if (unknown.length) throw new UsageError(`unknown fault ${unknown.join(', ')} (known: ${FAULTS.join(', ')})`)
    const round = {
      ...defaultRound,
      pairs: f.pairs,
      groupSize: f['group-size'],
      rate: f.rate,
      afterMs: f.after * 1000,
    }
    const results =
      f.gateway === undefined ? await this.onOwnCluster(faults, round) : await this.onGateways(f.gateway, faults, round)
    // and every client (gochat/client) ended with each message of its conversations, once and in order
    const ok = results.every(
      (r) =>
        r.ackedMissing === 0 &&
        r.seqDuplicates === 0 &&
        r.seqGaps === 0 &&
        r.appMissing === 0 &&
        r.appDuplicates === 0 &&
        r.appOutOfOrder === 0 &&
        r.opsMismatched === 0,
    )
    if (!this.jsonEnabled()) {
      this.log(
        renderTable(
          columns.map((c) => c[0]),
          results.map((r) => columns.map((c) => c[1](r))),
        ),
      )
      this.log(
        ok
          ? 'no acked message or operation lost, no seq repeated or skipped; every client has every message once, in order; every edit and reaction shows'
          : 'FAILED: acked messages missing, seq duplicates/gaps, clients missing messages or out of order, or edits/reactions not shown on their messages',
      )
    }
    if (!ok) process.exitCode = 1
    return { results, ok }
  }

  /** every fault that can run: on a cluster already running, those needing no process control */
  private defaultFaults(): string {
    if (this.flags.gateway === undefined) return FAULTS.filter((x) => x !== 'none').join(',')
    return this.cfg.redis_url && this.cfg.redis_key_prefix ? 'none,redis:flush' : 'none'
  }

  /** the run's own supervised cluster: every fault */
  private async onOwnCluster(faults: string[], round: RoundOptions): Promise<RoundResult[]> {
    const f = this.flags
    const prefix = `chaos${Date.now().toString(36)}`
    // kafka:* faults kill brokers: a Kafka of the run's own, never the shared one
    const kafkaNodes = await ownKafka(faults, f['own-kafka'], (line) => this.logToStderr(line))
    const kafka =
      kafkaNodes?.brokers.join(',') ?? (this.cfg.kafka_brokers.length ? this.cfg.kafka_brokers.join(',') : LOCAL.kafka)
    const replicated = (kafkaNodes?.opts.nodes.length ?? 0) >= 3
    const db = `gochat_${prefix}`
    // redis:restart and mysql:restart need a server this run may kill: its own, on a free port (for every fault then)
    const own = {
      redis: faults.includes('redis:restart') ? await RedisServer.start() : undefined,
      mysql: faults.includes('mysql:restart') ? await MariadbServer.start() : undefined,
    }
    const server = new URL(own.mysql?.url ?? this.cfg.mysql_url ?? LOCAL.mysql)
    server.pathname = '/'
    const redis = own.redis?.url ?? this.cfg.redis_url ?? LOCAL.redis
    const keyPrefix = `${prefix}:`
    if (f['no-evict']) process.env.GOCHAT_CLUSTER_NO_EVICT = '1'
    // the supervisor's lines (deaths at warn on stderr, evictions and restarts at info) say what happened
    setLogLevel(this.jsonEnabled() ? 'warn' : 'info')
    const cluster = new Cluster({
      gateways: f.gateways,
      tasks: f.tasks,
      repos: f.repos,
      logics: f.logics,
      restart: true,
      kafka,
      mysql: `${server.toString().replace(/\/$/, '')}/${db}`,
      redis,
      topicPrefix: prefix,
      env: {
        GOCHAT_REDIS_KEY_PREFIX: keyPrefix,
        GOCHAT_LOG_LEVEL: 'info',
        ...(replicated ? { GOCHAT_REPLICATION_FACTOR: '3' } : {}),
      },
    })
    const results: RoundResult[] = []
    try {
      this.logToStderr(
        `starting ${f.repos} repo, ${f.logics} logic, ${f.tasks} task and ${f.gateways} gateway processes (prefix ${prefix}, logs in .gochat/cluster)`,
      )
      await cluster.start(120_000)
      for (const [i, fault] of faults.entries()) {
        this.logToStderr(`${fault}: ${round.warmupMs / 1000} s of traffic, the fault, ${f.after} s more`)
        results.push(
          await runRound(cluster, fault, round, `${i}${Date.now().toString(36).slice(-5)}`, {
            ...own,
            kafka: kafkaNodes,
          }),
        )
      }
    } finally {
      await cluster.stop()
      // an own server's data goes with it
      if (!f.keep)
        await this.cleanUp(
          kafka,
          own.mysql ? undefined : server.toString(),
          db,
          own.redis ? undefined : redis,
          keyPrefix,
          prefix,
        )
      await own.redis?.down()
      await own.mysql?.stop()
      await kafkaNodes?.stop({ wipe: true })
    }
    return results
  }

  /** a cluster already running, at --gateway: the faults that need no process control, checked before anything runs */
  private async onGateways(gatewayFlag: string, faults: string[], round: RoundOptions): Promise<RoundResult[]> {
    const gateways = gatewayList(gatewayFlag)
    if (gateways.length === 0) throw new UsageError('--gateway needs at least one URL')
    const refused = faults.filter((x) => !EXTERNAL_FAULTS.includes(x))
    if (refused.length)
      throw new UsageError(
        `${refused.join(', ')} cannot run against --gateway: ${refused.length > 1 ? 'they kill or restart' : 'it kills or restarts'} processes or servers, which needs a cluster the run supervises (only ${EXTERNAL_FAULTS.join(' and ')} run on a cluster already running). Run \`gochat chaos\` without --gateway for them: it starts a supervised cluster of its own`,
      )
    const adminSecret = this.flags['admin-secret'] ?? this.cfg.admin_secret
    if (!adminSecret)
      throw new UsageError(
        "chaos --gateway needs the cluster's admin secret to create its users: --admin-secret, GOCHAT_ADMIN_SECRET or admin_secret",
      )
    const redisUrl = this.cfg.redis_url
    const keyPrefix = this.cfg.redis_key_prefix
    if (faults.includes('redis:flush')) {
      if (!redisUrl || !keyPrefix)
        throw new UsageError(
          "redis:flush on --gateway needs the deployment's Redis (--redis or redis_url) and its key prefix (--redis-key-prefix or redis_key_prefix): it deletes that prefix's keys only",
        )
      if (/^rediss?\+cluster:/.test(redisUrl))
        throw new UsageError('redis:flush deletes keys on one Redis server (redis://), not on a Redis Cluster')
    }
    await checkGateways(gateways)
    const target: ChaosTarget = {
      gatewayUrls: gateways,
      adminSecret,
      ...(redisUrl && keyPrefix ? { redis: { url: redisUrl, keyPrefix } } : {}),
    }
    const results: RoundResult[] = []
    for (const [i, fault] of faults.entries()) {
      this.logToStderr(`${fault}: ${round.warmupMs / 1000} s of traffic, the fault, ${round.afterMs / 1000} s more`)
      results.push(await runRound(target, fault, round, `${i}${Date.now().toString(36).slice(-5)}`))
    }
    return results
  }

  private async cleanUp(
    kafka: string,
    server: string | undefined,
    db: string,
    redis: string | undefined,
    keyPrefix: string,
    prefix: string,
  ): Promise<void> {
    if (server) {
      const conn = await mysql.createConnection(server)
      await conn.query(`DROP DATABASE IF EXISTS \`${db}\``).finally(() => conn.end())
    }
    if (redis) await deleteKeys(redis, keyPrefix)
    await withAdmin({ kafka_brokers: kafka.split(','), log_level: 'warn' }, async ({ admin }) => {
      const topics = (await admin.listTopics()).filter((t) => t.startsWith(`${prefix}.`))
      if (topics.length) await admin.deleteTopics({ topics })
      const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.startsWith(`${prefix}.`))
      if (groups.length) await admin.deleteGroups(groups).catch(() => undefined)
    })
  }
}
