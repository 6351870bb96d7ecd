import { Args } from '@oclif/core'
import { BaseCommand } from '../../base-command.js'
import { NotFoundError } from '../../../src/core/operator-errors.js'
import { renderTable } from '../../../src/presentation/table.js'
import { resolveGroupName } from '../../../src/contracts/topics.js'
import { withAdmin } from '../../../src/ops/kafka/admin.js'
import { describeGroup, type GroupDetails } from '../../../src/ops/kafka/groups.js'

export default class GroupsDescribe extends BaseCommand<typeof GroupsDescribe> {
  static override summary = 'Show a consumer group: state, members and their assignments, per-partition offsets and lag'
  static override description =
    `For every partition the group has committed on or is assigned: the committed offset, the log end offset and the lag between them (empty when the group has no committed offset there yet). A catalog group may be given by its catalog name (task.fanout.group); with a non-default --topic-prefix that means the prefixed group.`

  static override examples = [
    '<%= config.bin %> groups describe task.dispatch.group --kafka 127.0.0.1:9092',
    '<%= config.bin %> groups describe gateway.downstream.group.gw-1 --kafka 127.0.0.1:9092 --json',
  ]

  static override args = {
    group: Args.string({ description: 'Consumer group id', required: true }),
  }

  public async run(): Promise<GroupDetails> {
    const groupId = resolveGroupName(this.cfg, this.args.group)
    const details = await withAdmin(this.cfg, (h) => describeGroup(h, groupId))
    if (!details)
      throw new NotFoundError(
        `unknown consumer group "${groupId}" (no members, no committed offsets)`,
        'see `gochat groups list`',
      )
    if (!this.jsonEnabled()) {
      this.log(
        `${details.groupId}: ${details.state}, ${details.members.length} member(s), total lag ${details.totalLag}`,
      )
      if (details.members.length) {
        this.log(
          renderTable(
            ['member', 'client id', 'host', 'assignment'],
            details.members.map((m) => [
              m.memberId,
              m.clientId,
              m.host,
              m.assignment.map((a) => `${a.topic} [${a.partitions.join(',')}]`).join('\n'),
            ]),
          ),
        )
      }
      this.log(
        renderTable(
          ['topic', 'partition', 'committed', 'log end', 'lag'],
          details.partitions.map((p) => [p.topic, p.partition, p.committed ?? '-', p.logEndOffset, p.lag ?? '-']),
        ),
      )
    }
    return details
  }
}
