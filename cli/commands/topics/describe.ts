import { Args } from '@oclif/core'
import { BaseCommand } from '../../base-command.js'
import { NotFoundError } from '../../../src/core/operator-errors.js'
import { renderTable } from '../../../src/presentation/table.js'
import { catalog, resolveTopicAlias, type CatalogTopic } from '../../../src/contracts/topics.js'
import { withAdmin } from '../../../src/ops/kafka/admin.js'
import { describeTopic, type TopicDescription } from '../../../src/ops/kafka/topics.js'

export type DescribeResult = TopicDescription & {
  catalog: Pick<CatalogTopic, 'alias' | 'key' | 'payload' | 'producers' | 'groups'> | null
}

export default class TopicsDescribe extends BaseCommand<typeof TopicsDescribe> {
  static override summary =
    'Show a topic: partitions with leader, replicas, ISR, earliest and latest offsets, and configs'
  static override description =
    `The topic may be given by name or by alias (dispatch, fanout, dlq, user-events, downstream:gw-1, …). The table shows the configs set on the topic itself; --json includes every effective config.`

  static override examples = [
    '<%= config.bin %> topics describe gochat.messages.dispatch --kafka 127.0.0.1:9092',
    '<%= config.bin %> topics describe downstream:gw-1 --kafka 127.0.0.1:9092 --json',
  ]

  static override args = {
    topic: Args.string({ description: 'Topic name or alias', required: true }),
  }

  public async run(): Promise<DescribeResult> {
    const name = resolveTopicAlias(this.cfg, this.args.topic)
    const described = await withAdmin(this.cfg, (h) => describeTopic(h, name))
    if (!described) throw new NotFoundError(`unknown topic "${name}"`, 'see `gochat topics list`')
    const entry = catalog(this.cfg).find((t) => t.name === name)
    const result: DescribeResult = {
      ...described,
      catalog: entry
        ? {
            alias: entry.alias,
            key: entry.key,
            payload: entry.payload,
            producers: entry.producers,
            groups: entry.groups,
          }
        : null,
    }
    if (!this.jsonEnabled()) {
      if (entry)
        this.log(
          `${name} (alias ${entry.alias}): key ${entry.key}, payload ${entry.payload}; ${entry.producers.join(', ')} → ${entry.groups.join(', ') || 'operators'}`,
        )
      this.log(
        renderTable(
          ['partition', 'leader', 'replicas', 'isr', 'earliest', 'latest'],
          result.partitions.map((p) => [
            p.partition,
            p.leader,
            p.replicas.join(','),
            p.isr.join(','),
            p.earliest,
            p.latest,
          ]),
        ),
      )
      this.log(
        renderTable(
          ['config set on the topic', 'value'],
          result.overrides.map((n) => [n, result.configs[n]]),
        ),
      )
    }
    return result
  }
}
