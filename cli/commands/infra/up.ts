import { Flags } from '@oclif/core'
import { BaseCommand } from '../../base-command.js'
import { renderTable } from '../../../src/presentation/table.js'
import { infraUp, type UpResult } from '../../../infra/index.js'
import { clusterBrokers } from '../../../infra/kafka-cluster.js'
import { REDIS_CLUSTER_URL } from '../../../infra/redis-cluster.js'
import { LOCAL_CONTEXT, readContexts, writeContexts } from '../../contexts.js'

export default class InfraUp extends BaseCommand<typeof InfraUp> {
  static override summary = 'Start local Kafka, MariaDB and Redis (idempotent; uses whatever already answers)'
  static override description =
    `Kafka runs from jars that Maven copies into infra/kafka/libs (first run: 10–30 s); its data and log live in .gochat/kafka/. MariaDB (127.0.0.1:3306) and Redis (127.0.0.1:6379) are started only when they do not answer, and only those are stopped again by \`gochat infra down\`. Creates the gochat database.`
  static override examples = [
    '<%= config.bin %> infra up',
    '<%= config.bin %> infra up --json',
    '<%= config.bin %> infra up --brokers 3',
    '<%= config.bin %> infra up --redis-cluster',
  ]
  static override flags = {
    brokers: Flags.integer({
      description:
        'Kafka nodes: 1 is the broker of 127.0.0.1:9092; 2–9 start a replicated KRaft cluster on 127.0.0.1:29092.. instead (context "local-N"; give topics replication_factor 3)',
      default: 1,
      min: 1,
      max: 9,
    }),
    'redis-cluster': Flags.boolean({
      description:
        'Also start a three-master Redis Cluster on 127.0.0.1:7001–7003 (context "local-redis-cluster", or "local-N-redis-cluster" with --brokers N, whose redis is redis+cluster://…); the Redis of 6379 is left as it is',
    }),
  }

  public async run(): Promise<UpResult & { context: { name: string; current: boolean } }> {
    const brokers = this.flags.brokers
    const redisCluster = this.flags['redis-cluster']
    const result = await infraUp((line) => this.logToStderr(line), { brokers, redisCluster })
    // the context "local" ("local-N" for N brokers, "…-redis-cluster" with the Redis Cluster) points at what was
    // just started; current unless another one is
    const name = `${brokers > 1 ? `local-${brokers}` : 'local'}${redisCluster ? '-redis-cluster' : ''}`
    const contexts = readContexts(this.config.configDir)
    contexts.contexts[name] = {
      ...LOCAL_CONTEXT,
      ...(brokers > 1 ? { kafka: clusterBrokers(brokers) } : {}),
      ...(redisCluster ? { redis: REDIS_CLUSTER_URL } : {}),
    }
    contexts.current ??= name
    writeContexts(this.config.configDir, contexts)
    if (!this.jsonEnabled()) {
      this.log(
        renderTable(
          ['component', 'address', 'action', 'pid', 'version', 'log'],
          result.components.map((c) => [
            c.name,
            c.address,
            `${c.action} (${(c.ms / 1000).toFixed(1)} s)`,
            c.pid,
            c.version,
            c.log,
          ]),
        ),
      )
      this.log(
        `database "${result.database}" ready; context "${name}" registered${contexts.current === name ? ' and current: topics, groups, tail, dlq, db, bench and cluster need no flags now' : ` (current: ${contexts.current}; \`gochat context use ${name}\` switches)`}`,
      )
      if (brokers > 1)
        this.log(
          `${brokers} brokers: create the topics replicated, e.g. \`gochat topics create --replication-factor 3\` or replication_factor: 3 in the config (min.insync.replicas then defaults to 2)`,
        )
      this.log(
        `gochat up stays on embedded drivers unless given: --kafka ${contexts.contexts[name]!.kafka} --mysql mysql://root@127.0.0.1:3306/gochat --redis ${contexts.contexts[name]!.redis}`,
      )
    }
    return { ...result, context: { name, current: contexts.current === name } }
  }
}
