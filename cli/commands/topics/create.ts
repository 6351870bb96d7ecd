import { Args, Flags } from '@oclif/core'
import { BaseCommand } from '../../base-command.js'
import { UsageError } from '../../../src/core/operator-errors.js'
import { renderTable } from '../../../src/presentation/table.js'
import { catalog, catalogGroups } from '../../../src/contracts/topics.js'
import { withAdmin } from '../../../src/ops/kafka/admin.js'
import { createTopics, planTopics, type TopicPlan } from '../../../src/ops/kafka/topics.js'
import { provisionGroups, type ProvisionResult } from '../../../src/ops/kafka/groups.js'

export interface CreateResult {
  dryRun: boolean
  /** created topics (with --dry-run: the ones that would be) */
  created: string[]
  existing: string[]
  /** existing topics whose partition count differs from the configuration; never changed */
  mismatched: TopicPlan['mismatched']
  groupsProvisioned: ProvisionResult['provisioned']
  groupsSkipped: ProvisionResult['skipped']
}

export default class TopicsCreate extends BaseCommand<typeof TopicsCreate> {
  static override summary = 'Create every gochat topic (and a downstream topic per gateway id), idempotently'
  static override description =
    `Creates the topics of the catalog (src/contracts/topics.ts) that do not exist yet, with the configured partitions, replication factor and per-topic configs (retention.ms, cleanup.policy). Existing topics are left as they are; one whose partition count differs from the configuration is reported, never changed (adding partitions would move keys and break per-conversation order). A second run has nothing to do.

With NAME, creates that one topic instead (any name, outside the catalog), with --partitions, --replication-factor and --topic-config key=value (--config is the gochat config file); an existing one is left as it is (if-not-exists).

With --with-groups, every consumer group of the catalog that has no committed offset on a topic gets one at the topic's current end, so that \`gochat groups describe\` shows lag from the first minute. Groups with active members are skipped.`

  static override examples = [
    '<%= config.bin %> topics create --kafka 127.0.0.1:9092',
    '<%= config.bin %> topics create --kafka 127.0.0.1:9092 --dry-run',
    '<%= config.bin %> topics create --kafka 127.0.0.1:9092 --with-groups --partitions 6 --json',
    '<%= config.bin %> topics create --kafka broker-1:9092,broker-2:9092,broker-3:9092 --replication-factor 3',
    '<%= config.bin %> topics create scratch.events --partitions 6 --topic-config retention.ms=3600000 --topic-config cleanup.policy=delete',
  ]

  static override args = {
    name: Args.string({ description: 'One topic to create outside the catalog (default: the whole catalog)' }),
  }

  static override flags = {
    'dry-run': Flags.boolean({ description: 'Show what would be created or provisioned; change nothing' }),
    'with-groups': Flags.boolean({
      description: 'Also commit starting offsets for catalog consumer groups that have none',
    }),
    // an integer flag without bounds: the configuration schema checks the range and names the key in its error
    partitions: Flags.integer({
      description: 'Partitions of each new topic (default: configuration key partitions, 3)',
    }),
    'topic-config': Flags.string({
      description: 'Topic config key=value for NAME (repeatable), e.g. retention.ms=3600000',
      multiple: true,
    }),
    'replication-factor': Flags.integer({
      description:
        'Replicas of each new topic, at most the number of brokers (default: configuration key replication_factor, 1)',
    }),
  }

  protected override configFlags() {
    return { partitions: this.flags.partitions, replication_factor: this.flags['replication-factor'] }
  }

  public async run(): Promise<CreateResult> {
    const dryRun = this.flags['dry-run'] ?? false
    if (!this.args.name && this.flags['topic-config'])
      throw new UsageError(
        '--topic-config goes with a topic NAME',
        'catalog topics take their configs from the catalog',
      )
    if (this.args.name && this.flags['with-groups'])
      throw new UsageError('--with-groups provisions the catalog groups; it does not go with a topic NAME')
    const result = await withAdmin(this.cfg, async (h) => {
      const plan = await planTopics(h, this.args.name ? [this.oneTopic(this.args.name)] : catalog(this.cfg))
      // what the broker would refuse anyway, refused before anything is created (and found by a dry run too)
      const brokers = (await h.admin.describeCluster()).brokers.length
      if (plan.missing.some((t) => t.replicationFactor > brokers)) {
        throw new UsageError(
          `replication_factor ${this.cfg.replication_factor} is more than the ${brokers} broker(s) of the cluster; nothing created`,
          'pass --replication-factor at most the number of brokers',
        )
      }
      if (!dryRun) await createTopics(h, plan.missing)
      const groups =
        this.flags['with-groups'] && !this.args.name
          ? await provisionGroups(h, catalogGroups(this.cfg), dryRun)
          : { provisioned: [], skipped: [] }
      return {
        dryRun,
        created: plan.missing.map((t) => t.name),
        existing: plan.existing,
        mismatched: plan.mismatched,
        groupsProvisioned: groups.provisioned,
        groupsSkipped: groups.skipped,
      }
    })
    if (!this.jsonEnabled()) this.render(result)
    return result
  }

  /** NAME with the configured partitions and replication factor and the --config pairs */
  private oneTopic(name: string) {
    if (!/^[a-zA-Z0-9._-]{1,249}$/.test(name) || name === '.' || name === '..')
      throw new UsageError(`"${name}" is not a valid topic name`, 'letters, digits, dot, dash, underscore; at most 249')
    const configs: Record<string, string> = {}
    for (const pair of this.flags['topic-config'] ?? []) {
      const at = pair.indexOf('=')
      if (at < 1)
        throw new UsageError(`--topic-config "${pair}" is not key=value`, 'e.g. --topic-config retention.ms=3600000')
      configs[pair.slice(0, at)] = pair.slice(at + 1)
    }
    return { name, partitions: this.cfg.partitions, replicationFactor: this.cfg.replication_factor, configs }
  }

  private render(r: CreateResult): void {
    const would = r.dryRun ? 'would ' : ''
    if (r.mismatched.length) {
      this.warn(
        `partition counts differ from the configuration, left unchanged: ${r.mismatched.map((m) => `${m.name} has ${m.partitions}, configured ${m.expected}`).join('; ')}`,
      )
    }
    for (const s of r.groupsSkipped) this.warn(`group ${s.groupId} not provisioned: ${s.reason}`)
    if (r.created.length === 0 && r.groupsProvisioned.length === 0) {
      this.log(
        `nothing to do: all ${r.existing.length} topics exist${this.flags['with-groups'] ? ' and every catalog group has offsets' : ''}`,
      )
      return
    }
    if (r.created.length) {
      this.log(`${would}create ${r.created.length} topic(s), ${r.existing.length} already exist:`)
      this.log(
        renderTable(
          ['topic', 'partitions', 'replication factor'],
          r.created.map((n) => [n, this.cfg.partitions, this.cfg.replication_factor]),
        ),
      )
    }
    if (r.groupsProvisioned.length) {
      this.log(
        `${would}commit starting offsets (the current end of each partition) for ${r.groupsProvisioned.length} group(s):`,
      )
      this.log(
        renderTable(
          ['group', 'topics'],
          r.groupsProvisioned.map((g) => [g.groupId, g.topics.join('\n')]),
        ),
      )
    }
  }
}
