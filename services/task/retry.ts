// task.retry.group: sends failed tasks back to their topic once their not-before time has come. A batch waits at
// most MAX_WAIT_MS (so one partition never holds its consumer for long); tasks not yet due go back to the end of
// the retry topic. Other partitions are consumed concurrently and are never held up by this wait.
// Both keep the record's traceparent, so that a retried task continues the trace of the message it serves.
// A retry record is input like any other: one naming a topic that this deployment never retries (or the retry or
// dead-letter topic itself) is dead-lettered, and a not-before time beyond the backoff cap is brought down to it,
// so that no record circles through the retry topic forever.
import type { Bus, BusRecord } from '../../src/ports/bus.js'
import type { TaskMessage } from '../../src/contracts/payloads.js'
import { encode } from '../../src/contracts/payloads.js'
import { recordOf } from '../../src/messaging/retry.js'
import { traceOf } from '../../src/messaging/dead-letter.js'
import { OutgoingRecords } from './route.js'
import { flush } from './worker.js'

export const MAX_WAIT_MS = 2000

export interface RetryTopics {
  retry: string
  /** the topics whose consumers retry through the retry topic: the only ones a task may go back to */
  retried: ReadonlySet<string>
}

export function retryHandler(
  bus: Bus,
  topics: RetryTopics,
  deadLetter: (rec: BusRecord, reason: string) => Promise<void>,
  capMs: number,
  now = () => Date.now(),
) {
  return async (items: Array<{ value: TaskMessage; record: BusRecord }>): Promise<void> => {
    const valid: typeof items = []
    for (const item of items) {
      const topic = item.value.originalTopic
      if (topics.retried.has(topic) && topic !== topics.retry) valid.push(item)
      else await deadLetter(item.record, `retry record names topic "${topic.slice(0, 200)}", which is not retried here`)
    }
    if (valid.length === 0) return
    // due at the latest one backoff cap from now, whatever the record says
    const dueOf = (t: TaskMessage) => Math.min(t.notBefore, now() + capMs)
    const wait = Math.min(MAX_WAIT_MS, Math.min(...valid.map((i) => dueOf(i.value))) - now())
    if (wait > 0) await new Promise((r) => setTimeout(r, wait))
    // due tasks go back to their topics; the others to the end of the retry topic
    const out = new OutgoingRecords()
    for (const { value: task, record } of valid) {
      const trace = traceOf(record)
      const due = dueOf(task)
      if (due <= now()) {
        const back = recordOf(task)
        out.add(task.originalTopic, { ...back, headers: { ...back.headers, ...trace } })
      } else {
        out.add(topics.retry, {
          key: task.taskId,
          value: encode({ ...task, notBefore: due }),
          headers: { ...record.headers },
        })
      }
    }
    await flush(bus, out)
  }
}
