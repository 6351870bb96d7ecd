// One place that builds kafkajs clients, so every role and command gets the same timeouts and logging.
import { Kafka, logLevel, type KafkaConfig } from 'kafkajs'
import { log } from '../../observability/log.js'
import { lengthenIdleFetchWaits } from './fetch-wait-idle.js'
import { stopIdleRequestQueueTimers } from './request-queue-idle.js'
import { checkRequestTimeoutsOnlyInFlight } from './request-timeout-idle.js'
import { kafkaSecurity } from './security.js'

const kafkaLog = log.child({ component: 'kafkajs' })

// kafkajs warns at every producer about a partitioner change of its v2; we rely on the (Java-compatible) default
process.env.KAFKAJS_NO_PARTITIONER_WARNING ??= '1'

stopIdleRequestQueueTimers()
checkRequestTimeoutsOnlyInFlight()
lengthenIdleFetchWaits()

// and a topic created a moment ago answers metadata and offset requests with "does not host" / "not the leader"
// until its partitions have leaders: kafkajs refreshes metadata and retries (a final failure reaches the caller)
const ROUTINE =
  /rebalanc|coordinator is not aware|not the correct coordinator|coordinator not available|unknown member|member id is not valid|does not host this topic-partition|not the leader for that topic-partition/i

export function createKafka(brokers: string[], clientId: string, extra: Partial<KafkaConfig> = {}): Kafka {
  if (brokers.length === 0)
    throw new Error('no Kafka brokers configured (set --kafka host:port or GOCHAT_KAFKA_BROKERS)')
  return new Kafka({
    clientId,
    brokers,
    connectionTimeout: 3000,
    requestTimeout: 30000,
    // waits capped at 1 s: a client that is waiting when the brokers come back (after a restart of the whole Kafka)
    // tries again within a second, not after up to 5 s, and a crashed consumer restarts after its last wait (kafkajs
    // uses it as the restart delay). 8 retries: about the same 6 s of trying as 200 ms doubling 5 times
    retry: { retries: 8, initialRetryTime: 200, maxRetryTime: 1000 },
    logLevel: logLevel.WARN,
    // SASL and TLS from config (src/drivers/kafka/security.ts)
    ...kafkaSecurity(),
    logCreator:
      () =>
      ({ level, namespace, log: entry }) => {
        const { message, ...rest } = entry
        // kafkajs reports a routine rebalance ("The group is rebalancing, re-joining", or a heartbeat answered
        // REBALANCE_IN_PROGRESS, with the reason in `error`) as an error; it rejoins by itself
        const text = `${message} ${typeof rest.error === 'string' ? rest.error : ''}`
        if (ROUTINE.test(text)) return kafkaLog.debug(message, { namespace, ...rest })
        if (level <= logLevel.ERROR) kafkaLog.error(message, { namespace, ...rest })
        else if (level <= logLevel.WARN) kafkaLog.warn(message, { namespace, ...rest })
      },
    ...extra,
  })
}
