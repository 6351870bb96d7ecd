import { Flags } from '@oclif/core'
import { BaseCommand } from '../../base-command.js'
import { renderTable } from '../../../src/presentation/table.js'
import { topics } from '../../../src/contracts/topics.js'
import { TaskMessage } from '../../../src/contracts/payloads.js'
import { readDeadLetters } from '../../dlq/read.js'
import { needsKafka } from '../../../src/ops/kafka/admin.js'

export default class DlqList extends BaseCommand<typeof DlqList> {
  static override summary = 'List dead letters: failed or undecodable tasks with their last error'
  static override examples = ['<%= config.bin %> dlq list', '<%= config.bin %> dlq list --type push --json']
  static override flags = {
    type: Flags.string({ description: 'Only this task type', options: [...TaskMessage.shape.taskType.options] }),
    limit: Flags.integer({ description: 'Show at most N (newest last)', default: 100, min: 1 }),
  }

  async run() {
    const cfg = this.cfg
    if (cfg.kafka_brokers.length === 0) throw needsKafka()
    const all = await readDeadLetters(cfg, topics(cfg).dlq)
    const letters = all.filter((l) => !this.flags.type || l.task?.taskType === this.flags.type).slice(-this.flags.limit)
    if (!this.jsonEnabled()) {
      if (letters.length === 0) this.log(`no dead letters in ${topics(cfg).dlq}`)
      else
        this.log(
          renderTable(
            ['offset', 'time', 'task id', 'type', 'from topic', 'attempts', 'last error', 'replayed'],
            letters.map((l) => [
              `${l.partition}:${l.offset}`,
              new Date(l.timestamp).toISOString(),
              l.task?.taskId ?? '?',
              l.task?.taskType ?? '?',
              l.task?.originalTopic ?? '?',
              l.task?.attempt ?? '',
              (l.task?.lastError ?? l.error ?? '').slice(0, 80),
              l.replayed ? new Date(l.replayed.at).toISOString() : '',
            ]),
          ),
        )
    }
    return { topic: topics(cfg).dlq, count: letters.length, deadLetters: letters }
  }
}
