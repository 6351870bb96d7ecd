// The logic role: authentication, conversations, groups, friends, messages and the authorization of each. It
// keeps no state of its own — everything is behind the repo API — so any number of instances can run.
import type { RoleContext, RunningRole } from '../../src/core/role.js'
import type { LogicConfig } from '../../src/config/index.js'
import type { BlobStore } from '../../src/ports/blobs.js'
import type { Cache } from '../../src/ports/cache.js'
import { topics } from '../../src/contracts/topics.js'
import type { LogicApi, MessageApi, RepoApi } from '../../src/rpc/api.js'
import { createAuth } from './auth.js'
import { createBulkUsers } from './bulk-users.js'
import { createConversations } from './conversations.js'
import { createRetention } from './retention.js'
import type { LogicDeps } from './deps.js'
import { createFriends } from './friends.js'
import { createGroupAdder } from './group-adds.js'
import { createInvitations } from './invitations.js'
import { createMessages } from './messages.js'
import { createModeration } from './moderation.js'
import { createSearch } from './search.js'
import { createLoginThrottle } from './login-throttle.js'
import { HashSlots } from './passwords.js'
import { createTokens } from '../../src/auth/tokens.js'
import { createTyping } from './typing.js'
import { createUploads } from './uploads.js'
import { createUsers } from './users.js'
import { startUpstream } from './upstream.js'
import { groups } from '../../src/contracts/topics.js'
import { consumerRetry } from '../../src/messaging/failure.js'
import { peerProbe, readiness } from '../../src/core/health.js'

export interface LogicContext extends RoleContext<LogicConfig> {
  repo: RepoApi
  /** shared by every logic instance (Redis): failed-login counts, the copy of the revoked tokens (the store has them) */
  cache: Cache
  /** where attachment bytes live: logic signs their URLs and checks uploads (src/ports/blobs.ts) */
  blobs: BlobStore
}

export async function startLogic(
  ctx: LogicContext,
): Promise<{ role: RunningRole; logic: LogicApi; messages: MessageApi }> {
  const { cfg, repo } = ctx
  const deps: LogicDeps = {
    repo,
    topics: topics(cfg),
    bus: ctx.bus,
    blobs: ctx.blobs,
    log: ctx.log,
    ...(cfg.persistence === 'async' ? { persistAsync: { bus: ctx.bus, topic: topics(cfg).persist } } : {}),
  }
  const tokens = createTokens({ secret: cfg.jwt_secret, ttlSeconds: cfg.token_ttl_seconds })
  const { SendMessage, ...messageOps } = createMessages(deps, {
    maxContentBytes: cfg.max_frame_bytes,
    editWindowMs: cfg.message_edit_window_seconds * 1000,
  })
  const logic: LogicApi = {
    ...createAuth(deps, tokens, {
      throttle: createLoginThrottle({
        cache: ctx.cache,
        maxFailures: cfg.login_max_failures,
        lockoutSeconds: cfg.login_lockout_seconds,
      }),
      hashing: new HashSlots(cfg.password_hash_concurrency, cfg.password_hash_queue),
      cache: ctx.cache,
      guestTtlDays: cfg.guest_ttl_days,
    }),
    ...createConversations(deps, createGroupAdder(deps, ctx.cache, cfg)),
    ...createInvitations(deps),
    ...createModeration(deps),
    ...createUsers(deps, cfg.people_search),
    ...createTyping(deps),
    ...createFriends(deps),
    ...createBulkUsers(deps, tokens, cfg.admin_secret),
    ...createUploads({ repo, blobs: ctx.blobs, log: ctx.log }, cfg),
    ...createRetention(deps, cfg.retention_days),
  }
  const messages: MessageApi = {
    SendMessage,
    ...messageOps,
    ...createSearch(deps),
  }
  const t = topics(cfg)
  const upstream =
    cfg.upstream === 'kafka'
      ? await startUpstream({
          bus: ctx.bus,
          messages,
          topics: t,
          groupId: groups(cfg).upstream,
          log: ctx.log.child({ role: 'logic' }),
          retry: consumerRetry(cfg),
        })
      : undefined
  ctx.log.child({ role: 'logic' }).info('logic role ready', { persistence: cfg.persistence, upstream: cfg.upstream })
  return {
    role: {
      name: 'logic',
      // every call needs repo; sign-ins and logouts the cache; events the bus
      health: readiness({
        repo: peerProbe(() => repo.LookupPresence({ user_ids: [] })),
        cache: () => ctx.cache.ping(),
        bus: () => ctx.bus.ping(),
      }),
      // stateless but for the upstream consumer (upstream: kafka mode), which finishes its batch and commits
      stop: async () => {
        await upstream?.stop()
      },
    },
    logic,
    messages,
  }
}
