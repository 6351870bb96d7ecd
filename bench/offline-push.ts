// Offline members' push notifications of a run, counted on the push topic (gochat.notifications.push). task
// writes one OfflinePush per batch of offline members per message, so both the records and the (user, seq)
// pairs they name are counted; the latter must reach offline members × messages.
import type { GochatConfig } from '../src/config/index.js'
import { OfflinePush, decode } from '../src/contracts/payloads.js'
import { topics } from '../src/contracts/topics.js'
import { readTopic } from '../src/ops/kafka/read-topic.js'
import { sleep } from './pacing.js'

export interface OfflinePushCount {
  topic: string
  records: number
  /** distinct (user, seq) notifications */
  notifications: number
  expected: number
  complete: boolean
}

export function countPushes(
  values: Array<Buffer | string>,
  conversationId: string,
): { records: number; notifications: number } {
  let records = 0
  const seen = new Set<string>()
  for (const value of values) {
    let push: OfflinePush
    try {
      push = decode(OfflinePush, value, 'OfflinePush')
    } catch {
      continue
    }
    if (push.conversationId !== conversationId) continue
    records++
    for (const u of push.userIds) seen.add(`${u}#${push.seq}`)
  }
  return { records, notifications: seen.size }
}

/** Reads the push topic until the run's notifications are all there or `waitMs` passed (task may lag). */
export async function offlinePushes(
  cfg: GochatConfig,
  conversationId: string,
  expected: number,
  waitMs = 15_000,
): Promise<OfflinePushCount> {
  const topic = topics(cfg).push
  const deadline = Date.now() + waitMs
  for (;;) {
    const counted = countPushes(
      (await readTopic(cfg, topic)).map((r) => r.value),
      conversationId,
    )
    const complete = counted.notifications >= expected
    if (complete || Date.now() >= deadline) return { topic, ...counted, expected, complete }
    await sleep(2000)
  }
}
