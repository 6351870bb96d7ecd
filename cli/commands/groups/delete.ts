// `gochat groups delete`: removes idle consumer groups with their committed offsets (kafka-consumer-groups.sh
// --delete), confirming on a terminal and requiring --force without one, like `topics delete`.
import { createInterface } from 'node:readline/promises'
import { Args, Flags } from '@oclif/core'
import { BaseCommand } from '../../base-command.js'
import { NotFoundError, UsageError } from '../../../src/core/operator-errors.js'
import { resolveGroupName } from '../../../src/contracts/topics.js'
import { withAdmin } from '../../../src/ops/kafka/admin.js'
import { activeGroupError, isIdle } from '../../../src/ops/kafka/groups.js'

export default class GroupsDelete extends BaseCommand<typeof GroupsDelete> {
  static override summary = 'Delete consumer groups and their committed offsets'
  static override description =
    `Only groups without active members (stop their consumers first). Asks for confirmation on a terminal; without one it refuses unless --force is given. Nothing is deleted if any group is unknown or active.`
  static override examples = [
    '<%= config.bin %> groups delete analytics.events.group',
    '<%= config.bin %> groups delete old-reader another-reader --force',
  ]

  static override strict = false
  static override args = { group: Args.string({ description: 'Consumer group ids (one or more)', required: true }) }
  static override flags = {
    force: Flags.boolean({ description: 'Delete without asking (required when stdin is not a terminal)' }),
  }

  public async run(): Promise<{ deleted: string[] }> {
    const { argv } = await this.parse(GroupsDelete)
    const ids = [...new Set((argv as string[]).map((g) => resolveGroupName(this.cfg, g)))]
    await withAdmin(this.cfg, async ({ admin }) => {
      const { groups } = await admin.describeGroups(ids)
      const unknown: string[] = []
      for (const g of groups) {
        if (!isIdle(g.state)) throw activeGroupError(g.groupId, g.state, g.members.length)
        const offsets = await admin.fetchOffsets({ groupId: g.groupId })
        if (g.state === 'Dead' && !offsets.some((t) => t.partitions.some((p) => Number(p.offset) >= 0)))
          unknown.push(g.groupId)
      }
      if (unknown.length)
        throw new NotFoundError(
          `unknown consumer group${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}; nothing deleted`,
          'see `gochat groups list`',
        )
    })
    if (!this.flags.force) await this.confirm(ids)
    await withAdmin(this.cfg, ({ admin }) => admin.deleteGroups(ids))
    this.log(`deleted ${ids.join(', ')}`)
    return { deleted: ids }
  }

  private async confirm(ids: string[]): Promise<void> {
    if (!process.stdin.isTTY)
      throw new UsageError(
        `refusing to delete ${ids.length} group(s) without confirmation: stdin is not a terminal`,
        'pass --force',
      )
    const rl = createInterface({ input: process.stdin, output: process.stderr })
    try {
      const answer = await rl.question(`Delete ${ids.join(', ')} and their committed offsets? [y/N] `)
      if (!/^y(es)?$/i.test(answer.trim())) this.error('not confirmed; nothing deleted', { exit: 1 })
    } finally {
      rl.close()
    }
  }
}
