// task.retry.group: sends failed tasks back to their topic once their not-before time has come. A batch waits at
// most MAX_WAIT_MS (so one partition never holds its consumer for long); tasks not yet due go back to the end of
// the retry topic unchanged. Other partitions are consumed concurrently and are never held up by this wait.
// Both keep the record's traceparent, so that a retried task continues the trace of the message it serves.
import type { Bus, BusRecord } from '../../src/ports/bus.js'
import type { TaskMessage } from '../../src/contracts/payloads.js'
import { encode } from '../../src/contracts/payloads.js'
import { recordOf } from '../../src/bus/retry.js'
import { traceOf } from '../../src/bus/dead-letter.js'
import { Outbox } from './route.js'
import { flush } from './worker.js'

export const MAX_WAIT_MS = 2000

export function retryHandler(bus: Bus, retryTopic: string, now = () => Date.now()) {
  return async (items: Array<{ value: TaskMessage; record: BusRecord }>): Promise<void> => {
    if (items.length === 0) return
    const earliest = Math.min(...items.map((i) => i.value.notBefore))
    const wait = Math.min(MAX_WAIT_MS, earliest - now())
    if (wait > 0) await new Promise((r) => setTimeout(r, wait))
    // due tasks go back to their topics; the others to the end of the retry topic, unchanged
    const out = new Outbox()
    for (const { value: task, record } of items) {
      const trace = traceOf(record)
      if (task.notBefore <= now()) {
        const back = recordOf(task)
        out.add(task.originalTopic, { ...back, headers: { ...back.headers, ...trace } })
      } else {
        out.add(retryTopic, { key: task.taskId, value: encode(task), headers: { ...record.headers } })
      }
    }
    await flush(bus, out)
  }
}
