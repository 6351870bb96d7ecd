// What kafkajs's idempotent producer would cost gochat: the same keyed, acks=all publishes (batches of 20 records
// of 300 bytes, one at a time, as the outbox relay sends them) through a producer configured as gochat's
// (maxInFlightRequests 1, not idempotent: the baseline) and through an idempotent one, alternating in rounds in
// the same run on the same throwaway topic (deleted after). Prints records/s of each and the ratio.
//
//   npx tsx bench/probes/kafka-idempotence.ts [brokers=127.0.0.1:9092] [seconds-per-round=5] [rounds=3]
import { Partitioners } from 'kafkajs'
import { createKafka } from '../../src/drivers/kafka/client.js'

const brokers = (process.argv[2] ?? '127.0.0.1:9092').split(',')
const SECONDS = Number(process.argv[3] ?? 5)
const ROUNDS = Number(process.argv[4] ?? 3)
const topic = `gochat-idem-probe-${process.pid}-${Date.now()}`
const kafka = createKafka(brokers, 'gochat-idem-probe')
const value = Buffer.alloc(300, 1)

async function round(idempotent: boolean): Promise<number> {
  const producer = kafka.producer({
    createPartitioner: Partitioners.DefaultPartitioner,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    idempotent,
  })
  await producer.connect()
  let n = 0
  const start = performance.now()
  try {
    while (performance.now() - start < SECONDS * 1000) {
      await producer.send({
        topic,
        acks: -1,
        messages: Array.from({ length: 20 }, (_, i) => ({ key: `c_${(n + i) % 997}`, value })),
      })
      n += 20
    }
  } finally {
    await producer.disconnect()
  }
  return n / ((performance.now() - start) / 1000)
}

const admin = kafka.admin()
await admin.connect()
try {
  const replicas = Math.min(3, (await admin.describeCluster()).brokers.length)
  await admin.createTopics({ topics: [{ topic, numPartitions: 3, replicationFactor: replicas }], waitForLeaders: true })
  const plain: number[] = []
  const idem: number[] = []
  await round(false) // warm-up: connections, metadata, JIT
  for (let i = 0; i < ROUNDS; i++) {
    plain.push(await round(false))
    idem.push(await round(true))
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
  console.log(
    JSON.stringify({
      brokers: brokers.length,
      replicas,
      plainPerSec: Math.round(median(plain)),
      idempotentPerSec: Math.round(median(idem)),
      ratio: Number((median(idem) / median(plain)).toFixed(2)),
      rounds: { plain: plain.map(Math.round), idempotent: idem.map(Math.round) },
    }),
  )
} finally {
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined)
  await admin.disconnect()
}
