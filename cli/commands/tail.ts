import { Args, Flags } from '@oclif/core'
import type { KafkaMessage } from 'kafkajs'
import { randomUUID } from 'node:crypto'
import { BaseCommand } from '../base-command.js'
import { UsageError } from '../../src/core/operator-errors.js'
import { resolveGroupName, resolveTopicAlias, topicAliases } from '../../src/contracts/topics.js'
import { createKafka } from '../../src/drivers/kafka/client.js'
import { needsKafka, withAdmin } from '../../src/ops/kafka/admin.js'
import { decodeRecord, mentions } from '../tail/decode.js'
import { parseSince } from '../tail/since.js'

const colour = (code: number, s: string) => (process.stdout.isTTY ? `\x1b[${code}m${s}\x1b[0m` : s)

export default class Tail extends BaseCommand<typeof Tail> {
  static override summary = 'Follow a topic: domain events or any internal topic, decoded'
  static override description =
    `NAME is an alias (user-events, message-events, notifications, audit, dispatch, fanout, push, retry, dlq, persist, upstream, downstream:<instance-id>) or any topic name. Reads through a throwaway consumer group that commits nothing, unless --group names one to join (committing, as a downstream service would).`
  static override enableJsonFlag = false
  static override examples = [
    '<%= config.bin %> tail user-events',
    '<%= config.bin %> tail message-events --from-beginning --type message.recalled',
    '<%= config.bin %> tail user-events --from-beginning --count 1 --json',
    '<%= config.bin %> tail audit --since 1h --type group.member.banned',
    '<%= config.bin %> tail downstream:gw-1 --since 5m --conversation d_abc',
    '<%= config.bin %> tail --group analytics.events.group user-events',
  ]

  static override args = { name: Args.string({ description: 'Topic alias or name', required: true }) }
  static override flags = {
    'from-beginning': Flags.boolean({
      description: 'Start at the earliest retained record',
      exclusive: ['since', 'offset'],
    }),
    since: Flags.string({
      description: 'Start at this time: ISO (2026-11-25T10:00:00Z) or a duration back (90s, 15m, 2h)',
      exclusive: ['from-beginning', 'offset'],
    }),
    offset: Flags.string({
      description:
        'Start at this offset of every partition (of --partition if given); negative: that many records before the end, e.g. --offset=-10',
      exclusive: ['from-beginning', 'since'],
    }),
    count: Flags.integer({ description: 'Exit after printing N records', min: 1 }),
    type: Flags.string({ description: 'Only events (or payload kinds) of this type, e.g. user.online' }),
    user: Flags.string({ description: 'Only records concerning this user id' }),
    conversation: Flags.string({ description: 'Only records concerning this conversation id' }),
    partition: Flags.integer({ description: 'Only this partition', min: 0 }),
    group: Flags.string({ description: 'Consume as a member of this consumer group (commits offsets)' }),
    json: Flags.boolean({
      description: 'One JSON object a line: topic, partition, offset, key, timestamp, headers, value',
    }),
  }

  async run(): Promise<void> {
    const cfg = this.cfg
    if (cfg.kafka_brokers.length === 0) throw needsKafka()
    const topic = resolveTopicAlias(cfg, this.args.name)
    let since: number | undefined
    try {
      since = this.flags.since ? parseSince(this.flags.since) : undefined
    } catch (err) {
      throw new UsageError((err as Error).message)
    }
    const offset =
      this.flags.offset === undefined
        ? undefined
        : /^[+-]?\d+$/.test(this.flags.offset)
          ? BigInt(this.flags.offset)
          : null
    if (offset === null)
      throw new UsageError(
        `--offset: "${this.flags.offset}" is not an integer`,
        'e.g. --offset 42, or --offset=-10 for the last ten records of each partition',
      )
    const startOffsets = await withAdmin(cfg, async ({ admin }) => {
      const existing = await admin.listTopics()
      if (!existing.includes(topic)) {
        const aliases = Object.keys(topicAliases(cfg)).filter((a) => !a.startsWith('downstream:'))
        throw new UsageError(
          `no topic "${topic}" on ${cfg.kafka_brokers.join(',')}; use an alias (${aliases.join(', ')}, downstream:<instance-id>) or an existing topic (gochat topics list)`,
        )
      }
      if (this.flags.partition !== undefined) {
        const partitions = (await admin.fetchTopicOffsets(topic)).length
        if (this.flags.partition >= partitions)
          throw new UsageError(
            `${topic} has partitions 0 to ${partitions - 1}; --partition ${this.flags.partition} does not exist`,
          )
      }
      if (offset !== undefined) {
        // clamped to what the log holds, as kcat -o does
        return (await admin.fetchTopicOffsets(topic)).map((p) => {
          const [low, high] = [BigInt(p.low), BigInt(p.high)]
          const at = offset < 0n ? high + offset : offset
          return { partition: p.partition, offset: String(at < low ? low : at > high ? high : at) }
        })
      }
      return since === undefined ? [] : admin.fetchTopicOffsetsByTimestamp(topic, since)
    })

    const kafka = createKafka(cfg.kafka_brokers, 'gochat-tail')
    // a catalog group by its catalog name is the configured one (qualified by a non-default prefix)
    const groupId = this.flags.group ? resolveGroupName(cfg, this.flags.group) : `gochat-tail-${randomUUID()}`
    const consumer = kafka.consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 1000, maxWaitTimeInMs: 250 })
    let printed = 0
    let done!: () => void
    const finished = new Promise<void>((r) => (done = r))
    const stop = async () => {
      await consumer.disconnect().catch(() => undefined)
      // a throwaway group has nothing worth keeping: remove it rather than leave it listed until Kafka expires it
      if (!this.flags.group) await withAdmin(cfg, ({ admin }) => admin.deleteGroups([groupId])).catch(() => undefined)
      done()
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)

    await consumer.connect()
    await consumer.subscribe({
      topics: [topic],
      fromBeginning: this.flags['from-beginning'] || since !== undefined || offset !== undefined,
    })
    const enough = () => this.flags.count !== undefined && printed >= this.flags.count
    /** prints the record unless a filter leaves it out */
    const show = (partition: number, message: KafkaMessage): void => {
      if (this.flags.partition !== undefined && partition !== this.flags.partition) return
      const d = decodeRecord(cfg, topic, message.value)
      if (this.flags.type && d.type !== this.flags.type) return
      const m = mentions(d)
      if (this.flags.user && !m.users.includes(this.flags.user)) return
      if (this.flags.conversation && !m.conversations.includes(this.flags.conversation)) return
      printed++
      const timestamp = Number(message.timestamp)
      if (this.flags.json) {
        const headers = Object.fromEntries(
          Object.entries(message.headers ?? {}).map(([k, v]) => [k, v?.toString() ?? null]),
        )
        this.log(
          JSON.stringify({
            topic,
            partition,
            offset: message.offset,
            key: message.key?.toString() ?? null,
            timestamp,
            headers,
            value: d.value,
            ...(d.error ? { error: d.error } : {}),
          }),
        )
      } else {
        const full = JSON.stringify((d.value as { payload?: unknown })?.payload ?? d.value)
        const short = full.length > 120 ? `${full.slice(0, 119)}…` : full
        this.log(
          `${colour(90, new Date(timestamp).toISOString())} ${colour(90, `${partition}:${message.offset}`)} ${colour(36, d.type.padEnd(26))} ${colour(33, d.subject)} ${short}${d.error ? colour(31, ` (${d.error})`) : ''}`,
        )
      }
    }
    await consumer.run({
      autoCommit: Boolean(this.flags.group),
      // Offsets are resolved record by record and none after the --count-th: a member of a real group (--group)
      // commits what it printed or filtered out, never the rest of a fetched batch that it did not look at.
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset, isRunning, isStale }) => {
        for (const message of batch.messages) {
          if (enough() || !isRunning() || isStale()) break
          show(batch.partition, message)
          resolveOffset(message.offset)
          if (enough()) setImmediate(stop)
        }
      },
    })
    for (const { partition, offset } of startOffsets) consumer.seek({ topic, partition, offset })
    await finished
  }
}
