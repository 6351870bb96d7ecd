// Offline push providers, chosen by push_provider: `log` (writes a line), `webhook` (POSTs the OfflinePush as JSON)
// and `fcm` (one FCM HTTP v1 message per user, POSTed to push_endpoint). A provider throws when delivery failed;
// the push worker then retries the record through gochat.tasks.retry.
import type { OfflinePush } from '../../../src/contracts/payloads.js'
import type { Logger } from '../../../src/observability/log.js'

export interface PushProvider {
  readonly name: 'log' | 'webhook' | 'fcm'
  deliver(push: OfflinePush): Promise<void>
}

const TIMEOUT_MS = 5000

async function post(url: string, body: unknown): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  })
  if (!res.ok) throw new Error(`push endpoint ${url} answered HTTP ${res.status}`)
}

export function logProvider(log: Logger): PushProvider {
  return {
    name: 'log',
    deliver: async (p) =>
      log.info('offline push', { conversationId: p.conversationId, seq: p.seq, users: p.userIds.length }),
  }
}

export function webhookProvider(url: string): PushProvider {
  return { name: 'webhook', deliver: (p) => post(url, p) }
}

/** The FCM HTTP v1 message format (projects/…/messages:send body), one request per user token. */
export function fcmMessage(userId: string, p: OfflinePush) {
  return {
    message: {
      token: userId,
      notification: { title: 'New message', body: p.preview },
      data: { conversationId: p.conversationId, messageId: p.messageId, seq: String(p.seq), senderId: p.senderId },
      android: { priority: 'high', collapse_key: p.conversationId },
      apns: { headers: { 'apns-collapse-id': p.conversationId } },
    },
  }
}

export function fcmProvider(url: string): PushProvider {
  return {
    name: 'fcm',
    deliver: async (p) => {
      await Promise.all(p.userIds.map((u) => post(url, fcmMessage(u, p))))
    },
  }
}

export function createPushProvider(
  kind: 'log' | 'webhook' | 'fcm',
  endpoint: string | null,
  log: Logger,
): PushProvider {
  if (kind === 'log') return logProvider(log)
  if (!endpoint)
    throw new Error(
      `push_provider ${kind} needs push_endpoint (an http(s) URL): set --push-endpoint or GOCHAT_PUSH_ENDPOINT`,
    )
  return kind === 'webhook' ? webhookProvider(endpoint) : fcmProvider(endpoint)
}
