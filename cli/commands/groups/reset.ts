// `gochat groups reset`: plans an offset move by default and applies it only with --execute, as
// kafka-consumer-groups.sh --reset-offsets does; an unknown group is refused unless --create.
import { Args, Flags } from '@oclif/core'
import { BaseCommand } from '../../base-command.js'
import { NotFoundError, UsageError } from '../../../src/core/operator-errors.js'
import { renderTable } from '../../../src/presentation/table.js'
import { resolveGroupName, resolveTopicAlias } from '../../../src/contracts/topics.js'
import { withAdmin } from '../../../src/ops/kafka/admin.js'
import { topicExists } from '../../../src/ops/kafka/topics.js'
import { activeGroupError } from '../../../src/ops/kafka/groups.js'
import { applyReset, parseDuration, planReset, type ResetPlan, type ResetTarget } from '../../../src/ops/kafka/reset.js'

export type ResetResult = ResetPlan & { dryRun: boolean; applied: boolean }

const targets = ['to-earliest', 'to-latest', 'to-datetime', 'to-offset', 'shift-by', 'by-duration']
const scopes = ['topic', 'all-topics']

export default class GroupsReset extends BaseCommand<typeof GroupsReset> {
  static override summary = "Plan (and with --execute apply) a move of a consumer group's committed offsets"
  static override description =
    `Without --execute nothing changes: the plan (current and target offset per partition) is printed. Targets are clamped to the offsets the log still holds. --to-datetime and --by-duration take the first offset at or after that time (the end where there is none); --shift-by moves from the committed offset (from the end where there is none). Only for a group without active members: stop its consumers first, or the move would be overwritten by their next commit. A group with no committed offsets and no members is refused as a probable typo unless --create.`

  static override examples = [
    '<%= config.bin %> groups reset task.dispatch.group --topic dispatch --to-earliest',
    '<%= config.bin %> groups reset task.dispatch.group --topic dispatch --to-earliest --execute',
    '<%= config.bin %> groups reset task.fanout.group --topic fanout --partitions 0,2 --shift-by -100 --execute',
    '<%= config.bin %> groups reset analytics.events.group --all-topics --by-duration 2h --execute',
  ]

  static override args = {
    group: Args.string({ description: 'Consumer group id', required: true }),
  }

  static override flags = {
    topic: Flags.string({
      description: 'Topic name or alias (dispatch, fanout, downstream:gw-1, …)',
      exactlyOne: scopes,
    }),
    'all-topics': Flags.boolean({ description: 'Every topic the group has committed offsets on', exactlyOne: scopes }),
    partitions: Flags.string({ description: 'Only these partitions of --topic, e.g. 0,2', dependsOn: ['topic'] }),
    'to-earliest': Flags.boolean({ description: 'To the earliest offset still in the log', exactlyOne: targets }),
    'to-latest': Flags.boolean({
      description: 'To the end of the log (skip everything not yet consumed)',
      exactlyOne: targets,
    }),
    'to-datetime': Flags.string({
      description: 'To the first record at or after this ISO-8601 time, e.g. 2024-05-01T12:00:00Z',
      exactlyOne: targets,
    }),
    'by-duration': Flags.string({
      description: 'To the first record at or after this long ago: 15m, 2h, 1d, PT1H30M',
      exactlyOne: targets,
    }),
    'to-offset': Flags.string({ description: 'To this offset', exactlyOne: targets }),
    'shift-by': Flags.string({
      description: 'By this many records from the committed offset (negative: back)',
      exactlyOne: targets,
    }),
    execute: Flags.boolean({ description: 'Apply the plan (without it nothing changes)', exclusive: ['dry-run'] }),
    'dry-run': Flags.boolean({ description: 'Show the plan only (the default; kept for scripts)', hidden: true }),
    create: Flags.boolean({ description: 'Allow a group that does not exist yet (no members, no committed offsets)' }),
  }

  public async run(): Promise<ResetResult> {
    const groupId = resolveGroupName(this.cfg, this.args.group)
    const topic = this.flags.topic ? resolveTopicAlias(this.cfg, this.flags.topic) : null
    const execute = this.flags.execute ?? false
    const target = this.target() // bad input fails before any connection
    const partitions = this.partitions()
    const result = await withAdmin(this.cfg, async (h) => {
      if (topic && (await topicExists(h, [topic])).unknown.length)
        throw new NotFoundError(`unknown topic "${topic}"`, 'see `gochat topics list`')
      const plan = await planReset(h, groupId, { topic, partitions }, target)
      if (!plan.groupExists && !this.flags.create) {
        throw new NotFoundError(
          `unknown consumer group "${groupId}" (no members, no committed offsets)`,
          'check the name with `gochat groups list`; pass --create to give a new group offsets',
        )
      }
      if (plan.partitions.length === 0)
        throw new UsageError(`${groupId} has no committed offsets to move`, 'name a topic with --topic')
      if (!execute) return { ...plan, dryRun: true, applied: false }
      if (plan.activeMembers > 0) throw activeGroupError(groupId, plan.state, plan.activeMembers)
      await applyReset(h, plan)
      return { ...plan, dryRun: false, applied: true }
    })
    if (!this.jsonEnabled()) {
      this.log(
        renderTable(
          ['topic', 'partition', 'current', 'target'],
          result.partitions.map((p) => [p.topic, p.partition, p.current ?? '-', p.target]),
        ),
      )
      if (result.applied) this.log(`offsets of ${groupId} moved`)
      else if (result.activeMembers > 0)
        this.log(`plan only: --execute would be refused, ${groupId} has ${result.activeMembers} active member(s)`)
      else this.log(`plan only, nothing changed; add --execute to apply it`)
    }
    return result
  }

  private target(): ResetTarget {
    const f = this.flags
    if (f['to-earliest']) return { to: 'earliest' }
    if (f['to-latest']) return { to: 'latest' }
    if (f['by-duration'] !== undefined)
      return { to: 'datetime', timestamp: Date.now() - parseDuration(f['by-duration']) }
    if (f['to-offset'] !== undefined) return { to: 'offset', offset: integer('--to-offset', f['to-offset'], false) }
    if (f['shift-by'] !== undefined) return { to: 'shift', by: integer('--shift-by', f['shift-by'], true) }
    const iso = f['to-datetime']!
    const timestamp = Date.parse(iso)
    if (Number.isNaN(timestamp))
      throw new UsageError(`--to-datetime: "${iso}" is not a date-time; expected ISO-8601 such as 2024-05-01T12:00:00Z`)
    return { to: 'datetime', timestamp }
  }

  private partitions(): number[] | undefined {
    const list = this.flags.partitions
    if (list === undefined) return undefined
    return [...new Set(list.split(',').map((p) => Number(integer('--partitions', p.trim(), false))))]
  }
}

// offsets are 64-bit: parsed as bigint, never through a float
function integer(flag: string, value: string, signed: boolean): bigint {
  if (!(signed ? /^[+-]?\d+$/ : /^\d+$/).test(value))
    throw new UsageError(`${flag}: "${value}" is not ${signed ? 'an integer' : 'a non-negative integer'}`)
  return BigInt(value)
}
