import { BaseCommand } from '../../base-command.js'
import { renderTable } from '../../../src/presentation/table.js'
import { catalogGroups } from '../../../src/contracts/topics.js'
import { withAdmin } from '../../../src/ops/kafka/admin.js'
import { listGroups, type GroupSummary } from '../../../src/ops/kafka/groups.js'

export interface GroupsListResult {
  groups: Array<GroupSummary & { inCatalog: boolean }>
}

export default class GroupsList extends BaseCommand<typeof GroupsList> {
  static override summary = 'List the consumer groups of the cluster with their state and member count'
  static override description =
    `Every consumer group the cluster knows (with members or committed offsets), its state (Stable, Empty, PreparingRebalance, …), how many members it has, and whether it is one of the catalog groups for the configured prefix. Per-partition lag: \`gochat groups describe <group>\`.`

  static override examples = [
    '<%= config.bin %> groups list --kafka 127.0.0.1:9092',
    '<%= config.bin %> groups list --kafka 127.0.0.1:9092 --json',
  ]

  public async run(): Promise<GroupsListResult> {
    const known = new Set(catalogGroups(this.cfg).map((g) => g.groupId))
    const groups = (await withAdmin(this.cfg, (h) => listGroups(h))).map((g) => ({
      ...g,
      inCatalog: known.has(g.groupId),
    }))
    if (!this.jsonEnabled()) {
      this.log(
        renderTable(
          ['group', 'state', 'members', 'in catalog'],
          groups.map((g) => [g.groupId, g.state, g.members, g.inCatalog ? 'yes' : 'no']),
        ),
      )
    }
    return { groups }
  }
}
