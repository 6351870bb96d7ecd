// The control topic as a channel: every party (coordinator, agents) writes JSON records to it and reads all of it
// from the moment it joins, through a consumer group of its own that commits nothing. One partition keeps records
// in the order they were written. Records of a party that joined later are simply not seen: the coordinator's
// discovery repeats until its agents answer, which also proves both ends are reading.
import { randomUUID } from 'node:crypto'
import kafkajs, { type Consumer, type Producer } from 'kafkajs'
import type { GochatConfig } from '../../src/config/index.js'
import { createKafka } from '../../src/drivers/kafka/client.js'
import { withAdmin } from '../../src/ops/kafka/admin.js'
import { createTopicsAndWait } from '../../src/drivers/kafka/create-topics.js'
import { controlTopic, type ControlMessage } from './protocol.js'

const { CompressionTypes } = kafkajs

/** control records outlive no run by much: an hour is ample and keeps the topic small */
const RETENTION_MS = String(60 * 60 * 1000)
const MAX_RECORD_BYTES = String(16 * 1024 * 1024)

/** what the control channel needs of the configuration */
export type ControlConfig = Pick<GochatConfig, 'kafka_brokers' | 'topic_prefix' | 'replication_factor' | 'log_level'>

export class ControlChannel {
  private constructor(
    private readonly producer: Producer,
    private readonly consumer: Consumer,
    readonly topic: string,
  ) {}

  static async open(
    cfg: ControlConfig,
    clientId: string,
    onMessage: (m: ControlMessage) => void,
  ): Promise<ControlChannel> {
    const topic = controlTopic(cfg)
    // an unreachable Kafka is one clear error (exit 3) from the admin helper, before any client of our own
    await withAdmin(cfg, async ({ kafka, admin }) => {
      if (!(await admin.listTopics()).includes(topic))
        await createTopicsAndWait(kafka, admin, [
          {
            name: topic,
            partitions: 1,
            replicationFactor: cfg.replication_factor,
            // an agent's results are one record, and per-message arrays grow with a soak's message count
            configs: { 'retention.ms': RETENTION_MS, 'max.message.bytes': MAX_RECORD_BYTES },
          },
        ])
    })
    const kafka = createKafka(cfg.kafka_brokers, clientId)
    const producer = kafka.producer({ allowAutoTopicCreation: false })
    await producer.connect()
    // a fresh group starts at the end of the topic: earlier runs' records are not replayed
    const consumer = kafka.consumer({
      groupId: `${clientId}-${randomUUID()}`,
      maxWaitTimeInMs: 50,
      sessionTimeout: 10_000,
    })
    await consumer.connect()
    await consumer.subscribe({ topic, fromBeginning: false })
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ message }) => {
        if (!message.value) return
        let m: ControlMessage
        try {
          m = JSON.parse(message.value.toString()) as ControlMessage
        } catch {
          return
        }
        // never awaited: a long request (opening thousands of sockets) must not hold up pings and beats behind it
        onMessage(m)
      },
    })
    return new ControlChannel(producer, consumer, topic)
  }

  async send(m: ControlMessage): Promise<void> {
    const value = JSON.stringify(m)
    await this.producer.send({
      topic: this.topic,
      // results and staged credentials can be large; small records go as they are
      compression: value.length > 64_000 ? CompressionTypes.GZIP : CompressionTypes.None,
      messages: [{ value }],
    })
  }

  async close(): Promise<void> {
    await this.consumer.disconnect().catch(() => {})
    await this.producer.disconnect().catch(() => {})
  }
}
