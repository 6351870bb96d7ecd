import { Flags } from '@oclif/core'
import { BaseCommand, UsageError } from '../../cli/base-command.js'
import { topics } from '../../contracts/topics.js'
import { readDeadLetters } from '../../dlq/read.js'
import { needsKafka } from '../../drivers/kafka/admin.js'
import { recordOf } from '../../bus/retry.js'
import { createBus } from '../../drivers/bus.js'

export default class DlqReplay extends BaseCommand<typeof DlqReplay> {
  static override summary = 'Send dead letters back to the topic they came from, with a fresh attempt count'
  static override examples = ['<%= config.bin %> dlq replay --task-id 3f0c…', '<%= config.bin %> dlq replay --all --type push', '<%= config.bin %> dlq replay --all --dry-run']
  static override flags = {
    'task-id': Flags.string({ description: 'Replay the dead letter with this task id', multiple: true }),
    all: Flags.boolean({ description: 'Replay every dead letter (filtered by --type)' }),
    type: Flags.string({ description: 'Only this task type' }),
    'dry-run': Flags.boolean({ description: 'Show what would be replayed' }),
  }

  async run() {
    const cfg = this.cfg
    if (cfg.kafka_brokers.length === 0) throw needsKafka()
    if (!this.flags.all && !this.flags['task-id']?.length) throw new UsageError('name what to replay: --task-id <id> (repeatable) or --all')
    const letters = (await readDeadLetters(cfg, topics(cfg).dlq))
      .filter((l) => l.task && (!this.flags.type || l.task.taskType === this.flags.type))
      .filter((l) => this.flags.all || this.flags['task-id']!.includes(l.task!.taskId))
    if (!this.flags.all) {
      const missing = this.flags['task-id']!.filter((id) => !letters.some((l) => l.task!.taskId === id))
      if (missing.length) throw new UsageError(`no dead letter with task id ${missing.join(', ')} (see gochat dlq list)`)
    }
    const replayed = letters.map((l) => ({ taskId: l.task!.taskId, taskType: l.task!.taskType, topic: l.task!.originalTopic }))
    if (!this.flags['dry-run'] && letters.length) {
      const bus = createBus(cfg, 'gochat-dlq-replay')
      try {
        for (const l of letters) await bus.publish(l.task!.originalTopic, [recordOf({ ...l.task!, attempt: 0 })])
      } finally {
        await bus.close()
      }
    }
    this.log(`${this.flags['dry-run'] ? 'would replay' : 'replayed'} ${replayed.length} dead letter(s)${replayed.length ? ': ' + replayed.map((r) => `${r.taskId} → ${r.topic}`).join(', ') : ''}`)
    return { dryRun: this.flags['dry-run'], replayed }
  }
}
