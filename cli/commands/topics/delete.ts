import { createInterface } from 'node:readline/promises'
import { Args, Flags } from '@oclif/core'
import { BaseCommand } from '../../base-command.js'
import { NotFoundError, UsageError } from '../../../src/core/operator-errors.js'
import { withAdmin } from '../../../src/ops/kafka/admin.js'
import { deleteTopics, topicExists } from '../../../src/ops/kafka/topics.js'

export interface DeleteResult {
  deleted: string[]
}

export default class TopicsDelete extends BaseCommand<typeof TopicsDelete> {
  static override summary = 'Delete topics, with their data and the consumer offsets on them'
  static override description =
    `Takes exact topic names (no aliases: deleting is not the place for shorthand). Asks for confirmation on a terminal; without one (scripts, CI) it refuses unless --force is given. Nothing is deleted if any name is unknown.`

  static override examples = [
    '<%= config.bin %> topics delete gochat.tasks.dlq --kafka 127.0.0.1:9092',
    '<%= config.bin %> topics delete itest1.messages.dispatch itest1.tasks.fanout --kafka 127.0.0.1:9092 --force',
  ]

  // any number of topic names
  static override strict = false
  static override args = {
    topic: Args.string({ description: 'Topic names to delete (one or more)', required: true }),
  }

  static override flags = {
    force: Flags.boolean({ description: 'Delete without asking (required when stdin is not a terminal)' }),
  }

  public async run(): Promise<DeleteResult> {
    const { argv } = await this.parse(TopicsDelete)
    const names = [...new Set(argv as string[])]
    const { unknown } = await withAdmin(this.cfg, (h) => topicExists(h, names))
    if (unknown.length)
      throw new NotFoundError(
        `unknown topic${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}; nothing deleted`,
        'see `gochat topics list`',
      )
    // asked with no connection open: a person may take longer to answer than a broker keeps an idle one
    if (!this.flags.force) await this.confirm(names)
    await withAdmin(this.cfg, (h) => deleteTopics(h, names))
    this.log(`deleted ${names.join(', ')}`)
    return { deleted: names }
  }

  private async confirm(names: string[]): Promise<void> {
    if (!process.stdin.isTTY) {
      throw new UsageError(
        `refusing to delete ${names.length} topic(s) without confirmation: stdin is not a terminal; pass --force`,
      )
    }
    const rl = createInterface({ input: process.stdin, output: process.stderr })
    try {
      const answer = await rl.question(`Delete ${names.join(', ')} and all their records? [y/N] `)
      if (!/^y(es)?$/i.test(answer.trim())) this.error('not confirmed; nothing deleted', { exit: 1 })
    } finally {
      rl.close()
    }
  }
}
