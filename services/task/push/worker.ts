// notification-service-push-group: delivers OfflinePush records through the configured provider.
import { Counter } from 'prom-client'
import type { OfflinePush } from '../../../src/contracts/payloads.js'
import type { RepoApi } from '../../../src/rpc/api.js'
import type { PushProvider } from './providers.js'
import { taskDuration } from '../metrics.js'

export const pushResults = new Counter({
  name: 'gochat_push_results_total',
  help: 'Offline push deliveries by provider and outcome (ok, failed)',
  labelNames: ['provider', 'outcome'] as const,
})

export async function deliverPush(provider: PushProvider, push: OfflinePush): Promise<void> {
  const timer = taskDuration.startTimer({ task_type: 'push' })
  try {
    await provider.deliver(push)
    pushResults.inc({ provider: provider.name, outcome: 'ok' })
  } catch (err) {
    pushResults.inc({ provider: provider.name, outcome: 'failed' })
    throw err
  } finally {
    timer()
  }
}

/**
 * The push without the users who muted its conversation (they still get the message live and by sync, but no
 * notification); null when nobody is left. A mention wins over a mute, as in most chat apps: the users of a
 * `mentioned` batch were named in the message and are pushed even in a conversation they muted.
 */
export async function withoutMuted(repo: Pick<RepoApi, 'MutedAmong'>, push: OfflinePush): Promise<OfflinePush | null> {
  if (push.mentioned) return push
  const { user_ids: muted } = await repo.MutedAmong({ subject_id: push.conversationId, user_ids: push.userIds })
  if (muted.length === 0) return push
  const skip = new Set(muted)
  const userIds = push.userIds.filter((u) => !skip.has(u))
  return userIds.length ? { ...push, userIds } : null
}
