// Retries with exponential backoff and jitter through gochat.tasks.retry, then dead letters. A failed task is
// written to the retry topic with its attempt count and not-before time; the retry consumer waits until then and
// sends the original record back to its topic with the attempt in a header. Out of attempts, or refused as bad input
// (src/messaging/failure.ts) → gochat.tasks.dlq at once, after `giveUp` (a delivery's: its recipients told to resync)
// went through: when it fails, so does fail(), and the record comes again.
import { randomUUID } from 'node:crypto'
import { Counter } from 'prom-client'
import type { Bus, BusRecord } from '../ports/bus.js'
import { encode, type TaskMessage } from '../contracts/payloads.js'
import { deadLetterer, payloadOf, traceOf } from './dead-letter.js'
import { isPermanent, reasonOf } from './failure.js'
import { log } from '../observability/log.js'

const retryLog = log.child({ component: 'retry' })

export const ATTEMPT_HEADER = 'gochat-attempt'
export const TASK_ID_HEADER = 'gochat-task-id'

export const retriesScheduled = new Counter({
  name: 'gochat_task_retries_total',
  help: 'Failed tasks sent to the retry topic, by task type',
  labelNames: ['task_type'] as const,
})

export interface RetryPolicy {
  attempts: number
  baseMs: number
  capMs: number
}

/** Full jitter: a random delay up to min(cap, base · 2^(attempt-1)), never below a tenth of it. */
export function backoffMs(policy: RetryPolicy, attempt: number, random = Math.random): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1))
  return Math.round(ceiling * (0.1 + 0.9 * random()))
}

/** the record's attempt header: a small non-negative integer, else 0 (a negative or garbled header buys no retries:
 * the attempt only counts up to message_retry_attempts, after which the record is dead-lettered) */
export function attemptOf(rec: BusRecord): number {
  const text = rec.headers[ATTEMPT_HEADER] ?? ''
  return /^\d{1,6}$/.test(text) ? Number(text) : 0
}

export interface Retrier {
  /** the kind of task it retries (names the task's spans) */
  readonly taskType: TaskMessage['taskType']
  /** schedules the record's next attempt, or dead-letters it when the attempts are used up */
  fail(rec: BusRecord, err: unknown): Promise<void>
}

export function retrier(
  bus: Bus,
  topics: { retry: string; dlq: string },
  taskType: TaskMessage['taskType'],
  policy: RetryPolicy,
  giveUp?: (rec: BusRecord) => Promise<void>,
): Retrier {
  const toDlq = deadLetterer(bus, topics.dlq, taskType)
  const deadLetter = async (rec: BusRecord, reason: string, attempt: number) => {
    await giveUp?.(rec)
    await toDlq(rec, reason, attempt)
  }
  return {
    taskType,
    async fail(rec, err) {
      const reason = err instanceof Error ? err.message : String(err)
      // the record itself is refused (bad input): trying it again gives the same answer
      if (isPermanent(err)) return deadLetter(rec, `refused: ${reasonOf(err)}`, attemptOf(rec))
      const attempt = attemptOf(rec) + 1
      if (attempt > policy.attempts) {
        // what this task was for (a delivery, a push) is not done: the one place that says so, besides the dlq
        retryLog.warn('task sent to dead letters after its last retry', {
          taskType,
          topic: rec.topic,
          partition: rec.partition,
          offset: rec.offset,
          attempts: policy.attempts,
          err: reasonOf(err),
        })
        return deadLetter(rec, `gave up after ${policy.attempts} retries: ${reason}`, attempt - 1)
      }
      const task: TaskMessage = {
        taskId: rec.headers[TASK_ID_HEADER] ?? randomUUID(),
        taskType,
        originalTopic: rec.topic,
        key: rec.key,
        attempt,
        notBefore: Date.now() + backoffMs(policy, attempt),
        ...payloadOf(rec.value),
        lastError: reason,
      }
      await bus.publish(topics.retry, [
        { key: task.taskId, value: encode(task), headers: { 'gochat-task-type': taskType, ...traceOf(rec) } },
      ])
      retriesScheduled.inc({ task_type: taskType })
    },
  }
}

/** The record a TaskMessage stands for, as it goes back to its original topic (by the retry consumer or a replay). */
export function recordOf(task: TaskMessage) {
  return {
    key: task.key,
    value: task.payloadEncoding === 'base64' ? Buffer.from(task.payload, 'base64') : task.payload,
    headers: { [ATTEMPT_HEADER]: String(task.attempt), [TASK_ID_HEADER]: task.taskId },
  }
}
