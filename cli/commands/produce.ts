// `gochat produce`: writes records to a topic for tests and repairs, as kcat -P does: one record from --value,
// or one per line of stdin; with a key, headers and a partition if given.
import { Args, Flags } from '@oclif/core'
import kafkajs from 'kafkajs'
import { BaseCommand } from '../base-command.js'
import { NotFoundError, UsageError } from '../../src/core/operator-errors.js'
import { resolveTopicAlias } from '../../src/contracts/topics.js'
import { createKafka } from '../../src/drivers/kafka/client.js'
import { needsKafka, withAdmin } from '../../src/ops/kafka/admin.js'
import { topicExists } from '../../src/ops/kafka/topics.js'

export default class Produce extends BaseCommand<typeof Produce> {
  static override summary = 'Write records to a topic: one from --value, or one per line of stdin'
  static override description =
    'NAME is an alias (user-events, dispatch, downstream:<instance-id>, …) or a topic name; the topic must exist. Records are written as given: no envelope is added and nothing is validated.'
  static override examples = [
    `<%= config.bin %> produce user-events --key u_ann --header gochat-event-type=user.online --value '{"event_type":"user.online"}'`,
    'cat records.jsonl | <%= config.bin %> produce scratch.events --key k1',
  ]
  static override args = { name: Args.string({ description: 'Topic alias or name', required: true }) }
  static override flags = {
    value: Flags.string({ description: 'The record value (default: one record per line of stdin)' }),
    key: Flags.string({ description: 'Key of every record' }),
    header: Flags.string({ description: 'Header key=value (repeatable)', multiple: true }),
    partition: Flags.integer({ description: 'Write to this partition (default: by key)', min: 0 }),
  }

  async run() {
    if (this.cfg.kafka_brokers.length === 0) throw needsKafka()
    const topic = resolveTopicAlias(this.cfg, this.args.name)
    const headers: Record<string, string> = {}
    for (const pair of this.flags.header ?? []) {
      const at = pair.indexOf('=')
      if (at < 1) throw new UsageError(`--header "${pair}" is not key=value`)
      headers[pair.slice(0, at)] = pair.slice(at + 1)
    }
    const values = this.flags.value !== undefined ? [this.flags.value] : await stdinLines()
    if (values.length === 0) throw new UsageError('nothing to produce', 'give --value, or records on stdin, one a line')
    const partitions = await withAdmin(this.cfg, async (h) => {
      if ((await topicExists(h, [topic])).unknown.length)
        throw new NotFoundError(
          `no topic "${topic}"`,
          'see `gochat topics list`; `gochat topics create NAME` makes one',
        )
      return (await h.admin.fetchTopicOffsets(topic)).length
    })
    const { partition } = this.flags
    if (partition !== undefined && partition >= partitions)
      throw new UsageError(`${topic} has partitions 0 to ${partitions - 1}; --partition ${partition} does not exist`)
    const producer = createKafka(this.cfg.kafka_brokers, 'gochat-produce', {
      logLevel: kafkajs.logLevel.NOTHING,
    }).producer({ allowAutoTopicCreation: false })
    await producer.connect()
    try {
      const sent = await producer.send({
        topic,
        messages: values.map((value) => ({
          key: this.flags.key ?? null,
          value,
          headers,
          ...(partition !== undefined ? { partition } : {}),
        })),
      })
      const written = sent.map((r) => ({ partition: r.partition, baseOffset: r.baseOffset ?? null }))
      this.log(
        `produced ${values.length} record(s) to ${topic}: ${written.map((w) => `${w.partition}:${w.baseOffset}`).join(', ')}`,
      )
      return { topic, produced: values.length, partitions: written }
    } finally {
      await producer.disconnect()
    }
  }
}

async function stdinLines(): Promise<string[]> {
  if (process.stdin.isTTY)
    throw new UsageError('no --value and stdin is a terminal', 'give --value, or pipe records in, one a line')
  let text = ''
  for await (const chunk of process.stdin) text += chunk
  return text.split('\n').filter((l) => l.length > 0)
}
