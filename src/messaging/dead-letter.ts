// Dead letters: a record that cannot be decoded, or a task out of retries, goes to gochat.tasks.dlq as a
// TaskMessage with the reason, so that `gochat dlq list|replay` can show it and send it back.
import { randomUUID } from 'node:crypto'
import { Counter } from 'prom-client'
import type { Bus, BusRecord } from '../ports/bus.js'
import { encode, type TaskMessage } from '../contracts/payloads.js'

export const deadLetters = new Counter({
  name: 'gochat_dead_letters_total',
  help: 'Records sent to the dead-letter topic, by task type',
  labelNames: ['task_type'] as const,
})

/** The original value as text, base64 when it is not valid UTF-8 (so replay restores the exact bytes). */
export function payloadOf(value: Buffer): Pick<TaskMessage, 'payload' | 'payloadEncoding'> {
  const text = value.toString('utf8')
  return Buffer.from(text, 'utf8').equals(value)
    ? { payload: text, payloadEncoding: 'utf8' }
    : { payload: value.toString('base64'), payloadEncoding: 'base64' }
}

/** the record's trace context, so that its retry or dead letter stays in the trace of the record (tracing on) */
export function traceOf(rec: BusRecord): Record<string, string> {
  const traceparent = rec.headers.traceparent
  return traceparent ? { traceparent } : {}
}

export function deadLetterer(bus: Bus, dlqTopic: string, taskType: TaskMessage['taskType']) {
  return async (rec: BusRecord, reason: string, attempt = 0): Promise<void> => {
    const task: TaskMessage = {
      taskId: rec.headers['gochat-task-id'] ?? randomUUID(),
      taskType,
      originalTopic: rec.topic,
      key: rec.key,
      attempt,
      notBefore: Date.now(),
      ...payloadOf(rec.value),
      lastError: reason,
    }
    await bus.publish(dlqTopic, [
      { key: task.taskId, value: encode(task), headers: { 'gochat-task-type': taskType, ...traceOf(rec) } },
    ])
    deadLetters.inc({ task_type: taskType })
  }
}
