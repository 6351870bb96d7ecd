// Publish calls made in the same turn of the event loop (the relay's topics, a task's batch handlers running side
// by side, a gateway's events) go to Kafka as one produce request per broker instead of one each: under load a
// produce request per call was a third of all requests the broker served. One batch at a time, in call order, so
// the records of one key stay in publish order, as with one producer request in flight. A batch is cut where its
// values pass MAX_REQUEST_BYTES, well under the broker's default 1 MiB per partition batch.
import type { Message, Producer, TopicMessages } from 'kafkajs'
import { Batcher, type Outcome } from '../../core/batcher.js'
import type { OutgoingRecord } from '../../ports/bus.js'

const MAX_REQUEST_BYTES = 512 * 1024
const MAX_CALLS = 1_000

export interface PublishCall {
  topic: string
  records: OutgoingRecord[]
}

const bytesOf = (call: PublishCall) =>
  call.records.reduce((n, r) => n + (typeof r.value === 'string' ? Buffer.byteLength(r.value) : r.value.length), 0)

const toMessage = (r: OutgoingRecord): Message => ({ key: r.key ?? null, value: r.value, headers: r.headers })

/** consecutive calls merged per topic (call order kept), in requests of at most MAX_REQUEST_BYTES of values */
export function produceRequests(calls: PublishCall[]): TopicMessages[][] {
  const requests: TopicMessages[][] = []
  let byTopic = new Map<string, Message[]>()
  let bytes = 0
  const cut = () => {
    if (byTopic.size) requests.push([...byTopic].map(([topic, messages]) => ({ topic, messages })))
    byTopic = new Map()
    bytes = 0
  }
  for (const call of calls) {
    const size = bytesOf(call)
    if (bytes > 0 && bytes + size > MAX_REQUEST_BYTES) cut()
    const list = byTopic.get(call.topic) ?? []
    for (const r of call.records) list.push(toMessage(r))
    byTopic.set(call.topic, list)
    bytes += size
  }
  cut()
  return requests
}

/** publishes through `producer()` (acks from every in-sync replica); every call of a failed request fails */
export function publishBatcher(producer: () => Promise<Producer>): Batcher<PublishCall, void> {
  return new Batcher<PublishCall, void>(
    async (calls) => {
      const p = await producer()
      const out: Outcome<void>[] = []
      for (const topicMessages of produceRequests(calls)) await p.sendBatch({ acks: -1, topicMessages })
      for (let i = 0; i < calls.length; i++) out.push({ value: undefined })
      return out
    },
    { maxBatch: MAX_CALLS, maxInFlight: 1 },
  )
}
