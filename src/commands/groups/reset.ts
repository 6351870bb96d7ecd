import { Args, Flags } from '@oclif/core'
import { BaseCommand, NotFoundError, UsageError } from '../../cli/base-command.js'
import { renderTable } from '../../cli/table.js'
import { resolveGroupName, resolveTopicAlias } from '../../contracts/topics.js'
import { activeGroupError, applyOffsetReset, planOffsetReset, topicExists, withAdmin, type ResetPlan, type ResetTarget } from '../../drivers/kafka/admin.js'

export type ResetResult = ResetPlan & { dryRun: boolean; applied: boolean }

const targets = ['to-earliest', 'to-latest', 'to-datetime']

export default class GroupsReset extends BaseCommand<typeof GroupsReset> {
  static override summary = "Move a consumer group's committed offsets on one topic to the start, the end, or a point in time"
  static override description = `Replays (--to-earliest, --to-datetime in the past) or skips (--to-latest) records for a group. Only for a group without active members: stop its consumers first, or the move would be overwritten by their next commit. --to-datetime takes the first offset at or after that time (the end where there is none). --dry-run shows the plan (current and target offset per partition) without changing anything.`

  static override examples = [
    '<%= config.bin %> groups reset task.dispatch.group --topic dispatch --to-earliest --dry-run --kafka 127.0.0.1:9092',
    '<%= config.bin %> groups reset task.fanout.group --topic gochat.tasks.fanout --to-datetime 2024-05-01T12:00:00Z --kafka 127.0.0.1:9092',
  ]

  static override args = {
    group: Args.string({ description: 'Consumer group id', required: true }),
  }

  static override flags = {
    topic: Flags.string({ description: 'Topic name or alias (dispatch, fanout, downstream:gw-1, …)', required: true }),
    'to-earliest': Flags.boolean({ description: 'To the earliest offset still in the log', exactlyOne: targets }),
    'to-latest': Flags.boolean({ description: 'To the end of the log (skip everything not yet consumed)', exactlyOne: targets }),
    'to-datetime': Flags.string({ description: 'To the first record at or after this ISO-8601 time, e.g. 2024-05-01T12:00:00Z', exactlyOne: targets }),
    'dry-run': Flags.boolean({ description: 'Show the plan; change nothing' }),
  }

  public async run(): Promise<ResetResult> {
    const groupId = resolveGroupName(this.cfg, this.args.group)
    const topic = resolveTopicAlias(this.cfg, this.flags.topic)
    const dryRun = this.flags['dry-run'] ?? false
    const target = this.target() // bad input fails before any connection
    const result = await withAdmin(this.cfg, async (h) => {
      if ((await topicExists(h, [topic])).unknown.length) throw new NotFoundError(`unknown topic "${topic}"`, 'see `gochat topics list`')
      const plan = await planOffsetReset(h, groupId, topic, target)
      if (dryRun) return { ...plan, dryRun, applied: false }
      if (plan.activeMembers > 0) throw activeGroupError(groupId, plan.state, plan.activeMembers)
      await applyOffsetReset(h, plan)
      return { ...plan, dryRun, applied: true }
    })
    if (!this.jsonEnabled()) {
      this.log(renderTable(['partition', 'current', 'target'], result.partitions.map((p) => [p.partition, p.current ?? '-', p.target])))
      if (result.applied) this.log(`offsets of ${groupId} on ${topic} moved`)
      else if (result.activeMembers > 0) this.log(`dry run: would be refused, ${groupId} has ${result.activeMembers} active member(s)`)
      else this.log(`dry run: nothing changed (${groupId} on ${topic})`)
    }
    return result
  }

  private target(): ResetTarget {
    if (this.flags['to-earliest']) return { to: 'earliest' }
    if (this.flags['to-latest']) return { to: 'latest' }
    const iso = this.flags['to-datetime']!
    const timestamp = Date.parse(iso)
    if (Number.isNaN(timestamp)) throw new UsageError(`--to-datetime: "${iso}" is not a date-time; expected ISO-8601 such as 2024-05-01T12:00:00Z`)
    return { to: 'datetime', timestamp }
  }
}
