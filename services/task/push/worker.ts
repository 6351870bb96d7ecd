// notification-service-push-group: delivers OfflinePush records through the configured provider.
import { Counter } from 'prom-client'
import type { OfflinePush } from '../../../src/contracts/payloads.js'
import type { RepoApi } from '../../../src/rpc/api.js'
import { userRevocationId } from '../../../src/auth/revocation.js'
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
 * notification) and without erased users (every token of theirs revoked: `gochat users erase`; they stay members
 * of their direct conversations as "Deleted user"); null when nobody is left. Both asked of repo at once. A mention
 * wins over a mute, as in most chat apps: the users of a `mentioned` batch were named in the message and are pushed
 * even in a conversation they muted (but never once erased).
 */
export async function pushable(
  repo: Pick<RepoApi, 'MutedAmong' | 'CheckRevoked'>,
  push: OfflinePush,
): Promise<OfflinePush | null> {
  const [{ user_ids: muted }, { revoked_jtis: revoked }] = await Promise.all([
    push.mentioned ? { user_ids: [] } : repo.MutedAmong({ subject_id: push.conversationId, user_ids: push.userIds }),
    repo.CheckRevoked({ jtis: push.userIds.map(userRevocationId) }),
  ])
  if (muted.length === 0 && revoked.length === 0) return push
  const quiet = new Set(muted)
  const erased = new Set(revoked)
  const userIds = push.userIds.filter((u) => !quiet.has(u) && !erased.has(userRevocationId(u)))
  return userIds.length ? { ...push, userIds } : null
}
