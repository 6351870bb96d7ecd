// Which produce failures mean "Kafka is not serving right now" (BusUnavailable) and which are about the records.
// kafkajs marks each error retriable or not, and wraps the last one in KafkaJSNumberOfRetriesExceeded (itself not
// retriable) once its retries are used up: the root of the chain decides. A connection refused, a broker not found,
// a request timeout, LEADER_NOT_AVAILABLE, NOT_LEADER_FOR_PARTITION and NOT_ENOUGH_REPLICAS are retriable (Kafka
// being down or coming back); MESSAGE_TOO_LARGE, INVALID_RECORD or an unknown topic with auto-creation off are not.
// KafkaJSLockTimeout is marked not retriable, yet it only says that connecting to a broker (or refreshing metadata)
// waited past its lock's timeout: a broker slow to answer while it starts, on a loaded machine. kafkajs's producer
// gives up on it at once, without its retries, so it is passing too (else deliveries went to the retrier, whose
// few quick attempts dead-letter them while Kafka comes back).
import { BusUnavailable } from '../../ports/bus.js'

interface KafkaJsError {
  name?: string
  retriable?: boolean
  originalError?: unknown
  cause?: unknown
}

/** the innermost error kafkajs wrapped (retries exceeded → the last attempt's error) */
function rootOf(err: unknown): unknown {
  let e = err
  for (let depth = 0; depth < 10; depth++) {
    const next = (e as KafkaJsError | null)?.originalError ?? (e as KafkaJsError | null)?.cause
    if (!next || typeof next !== 'object') return e
    e = next
  }
  return e
}

/** a kafkajs error that passes by itself: the same produce succeeds once Kafka serves again */
export function isPassingProduceError(err: unknown): boolean {
  const root = rootOf(err) as KafkaJsError | null
  if (typeof root?.name !== 'string' || !root.name.startsWith('KafkaJS')) return false
  return root.retriable === true || root.name === 'KafkaJSLockTimeout'
}

/** what publish() rejects with: BusUnavailable for a passing failure, else the error itself */
export const publishError = (err: unknown): unknown => (isPassingProduceError(err) ? new BusUnavailable(err) : err)
