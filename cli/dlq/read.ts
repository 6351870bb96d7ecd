// Dead letters as operators see them: the TaskMessage decoded, or the decode error when even that fails, and
// whether it was replayed. A replay is recorded by a marker record on the DLQ topic itself (header
// gochat-dlq-replayed: <partition>:<offset> of the dead letter), written once the replay is published, so that
// the next `gochat dlq replay` skips it. Markers are not dead letters and are not listed as such.
import type { GochatConfig } from '../../src/config/index.js'
import { readTopic } from '../../src/ops/kafka/read-topic.js'
import { TaskMessage } from '../../src/contracts/payloads.js'
import type { BusRecord } from '../../src/ports/bus.js'

export const REPLAYED_HEADER = 'gochat-dlq-replayed'

export interface DeadLetter {
  partition: number
  offset: string
  timestamp: number
  /** the dead letter record's own headers (trace context, task type) */
  headers: Record<string, string>
  task?: TaskMessage
  error?: string
  /** set once a replay of this dead letter was published */
  replayed?: { at: number; to: string }
}

export const letterId = (l: Pick<DeadLetter, 'partition' | 'offset'>) => `${l.partition}:${l.offset}`

/** the marker recording that a dead letter was sent back to a topic */
export function replayMarker(l: DeadLetter, to: string) {
  return {
    key: l.task?.taskId ?? null,
    value: JSON.stringify({ replayed: { partition: l.partition, offset: l.offset, to } }),
    headers: { [REPLAYED_HEADER]: letterId(l) },
  }
}

function decode(r: BusRecord): DeadLetter {
  const base = { partition: r.partition, offset: r.offset, timestamp: r.timestamp, headers: r.headers }
  try {
    const parsed = TaskMessage.safeParse(JSON.parse(r.value.toString('utf8')))
    return parsed.success ? { ...base, task: parsed.data } : { ...base, error: parsed.error.issues[0]?.message }
  } catch (err) {
    return { ...base, error: (err as Error).message }
  }
}

export async function readDeadLetters(
  cfg: Pick<GochatConfig, 'kafka_brokers' | 'log_level'>,
  topic: string,
): Promise<DeadLetter[]> {
  const records = (await readTopic(cfg, topic)).sort((a, b) => a.timestamp - b.timestamp)
  const replayed = new Map<string, { at: number; to: string }>()
  for (const r of records.filter((r) => r.headers[REPLAYED_HEADER])) {
    let to = '?'
    try {
      to = (JSON.parse(r.value.toString('utf8')) as { replayed: { to: string } }).replayed.to
    } catch {
      /* a marker without its body still marks */
    }
    replayed.set(r.headers[REPLAYED_HEADER]!, { at: r.timestamp, to })
  }
  return records
    .filter((r) => !r.headers[REPLAYED_HEADER])
    .map((r) => {
      const l = decode(r)
      const mark = replayed.get(letterId(l))
      return mark ? { ...l, replayed: mark } : l
    })
}
