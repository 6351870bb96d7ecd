// `gochat dlq replay`: sends dead letters back to their topic with a fresh attempt count and the dead letter's
// headers, once: each replay is recorded by a marker on the DLQ topic and skipped next time (unless --again).
import { Flags } from '@oclif/core'
import { BaseCommand } from '../../base-command.js'
import { NotFoundError, UsageError } from '../../../src/core/operator-errors.js'
import { topics } from '../../../src/contracts/topics.js'
import { TaskMessage } from '../../../src/contracts/payloads.js'
import { letterId, readDeadLetters, replayMarker, REPLAYED_HEADER } from '../../dlq/read.js'
import { needsKafka, withAdmin } from '../../../src/ops/kafka/admin.js'
import { topicExists } from '../../../src/ops/kafka/topics.js'
import { recordOf } from '../../../src/messaging/retry.js'
import { createBus } from '../../../src/drivers/bus-from-config.js'

export default class DlqReplay extends BaseCommand<typeof DlqReplay> {
  static override summary = 'Send dead letters back to the topic they came from, once, with a fresh attempt count'
  static override description =
    `Each replayed dead letter keeps its headers (trace context) and is marked replayed by a record on the DLQ topic (header ${REPLAYED_HEADER}), so running the same replay again sends nothing twice; --again replays marked ones anyway. A crash between sending and marking can still send one twice.`
  static override examples = [
    '<%= config.bin %> dlq replay --task-id 3f0c…',
    '<%= config.bin %> dlq replay --all --type push',
    '<%= config.bin %> dlq replay --all --dry-run',
  ]
  static override flags = {
    'task-id': Flags.string({ description: 'Replay the dead letter with this task id', multiple: true }),
    all: Flags.boolean({ description: 'Replay every dead letter not replayed yet (filtered by --type)' }),
    type: Flags.string({ description: 'Only this task type', options: [...TaskMessage.shape.taskType.options] }),
    again: Flags.boolean({ description: 'Also replay dead letters already replayed' }),
    'dry-run': Flags.boolean({ description: 'Show what would be replayed' }),
  }

  async run() {
    const cfg = this.cfg
    if (cfg.kafka_brokers.length === 0) throw needsKafka()
    if (!this.flags.all && !this.flags['task-id']?.length)
      throw new UsageError('name what to replay: --task-id <id> (repeatable) or --all')
    const dlq = topics(cfg).dlq
    const chosen = (await readDeadLetters(cfg, dlq))
      .filter((l) => l.task && (!this.flags.type || l.task.taskType === this.flags.type))
      .filter((l) => this.flags.all || this.flags['task-id']!.includes(l.task!.taskId))
    if (!this.flags.all) {
      const missing = this.flags['task-id']!.filter((id) => !chosen.some((l) => l.task!.taskId === id))
      if (missing.length)
        throw new NotFoundError(`no dead letter with task id ${missing.join(', ')}`, 'see `gochat dlq list`')
    }
    const letters = chosen.filter((l) => this.flags.again || !l.replayed)
    const skipped = chosen
      .filter((l) => !letters.includes(l))
      .map((l) => ({ taskId: l.task!.taskId, dlqOffset: letterId(l), replayedAt: l.replayed!.at }))
    const replayed = letters.map((l) => ({
      taskId: l.task!.taskId,
      taskType: l.task!.taskType,
      topic: l.task!.originalTopic,
      dlqOffset: letterId(l),
    }))
    const targets = [...new Set(letters.map((l) => l.task!.originalTopic))]
    const { unknown } = targets.length ? await withAdmin(cfg, (h) => topicExists(h, targets)) : { unknown: [] }
    if (unknown.length)
      throw new NotFoundError(
        `dead letters go back to ${unknown.join(', ')}, which do${unknown.length > 1 ? '' : 'es'} not exist; nothing replayed`,
        'create the catalog topics with `gochat topics create`',
      )
    if (!this.flags['dry-run'] && letters.length) {
      const bus = createBus(cfg, 'gochat-dlq-replay')
      try {
        for (const l of letters) {
          const fresh = recordOf({ ...l.task!, attempt: 0 })
          await bus.publish(l.task!.originalTopic, [{ ...fresh, headers: { ...l.headers, ...fresh.headers } }])
        }
        // marked only once sent: a failed send leaves it to the next replay
        await bus.publish(
          dlq,
          letters.map((l) => replayMarker(l, l.task!.originalTopic)),
        )
      } finally {
        await bus.close()
      }
    }
    this.log(
      `${this.flags['dry-run'] ? 'would replay' : 'replayed'} ${replayed.length} dead letter(s)${replayed.length ? ': ' + replayed.map((r) => `${r.taskId} → ${r.topic}`).join(', ') : ''}`,
    )
    if (skipped.length)
      this.log(
        `skipped ${skipped.length} already replayed (--again to send them anyway): ${skipped.map((s) => s.taskId).join(', ')}`,
      )
    return { dryRun: this.flags['dry-run'], replayed, skipped }
  }
}
