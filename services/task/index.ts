// The task role: dispatch routing, large-group fanout, routing of events to sockets, offline push, retries, and
// the retention sweep (retention-sweep.ts).
// Every consumer commits its offsets only after the work is done (what it produced is acknowledged by Kafka).
import type { RoleContext, RunningRole } from '../../src/core/role.js'
import type { TaskConfig } from '../../src/config/index.js'
import type { RepoApi } from '../../src/rpc/api.js'
import type { Subscription } from '../../src/ports/bus.js'
import { peerProbe, readiness, stateProbe } from '../../src/core/health.js'
import { runConsumer } from '../../src/messaging/consumer.js'
import { deadLetterer } from '../../src/messaging/dead-letter.js'
import { consumerRetry } from '../../src/messaging/failure.js'
import { retrier, type RetryPolicy } from '../../src/messaging/retry.js'
import {
  decode,
  OfflinePush,
  TaskMessage,
  type FanoutTask,
  type TaskMessage as Task,
} from '../../src/contracts/payloads.js'
import { groups, topics } from '../../src/contracts/topics.js'
import { decodeDispatch, dispatchHandler, type DispatchDeps } from './dispatch.js'
import { decodeFanout, fanoutOne } from './fanout.js'
import { resyncOnGiveUp, tellingFirst, type GivenUpType } from './give-up.js'
import { decodeEvent, eventsHandler } from './events.js'
import { retryHandler } from './retry.js'
import { taskHandler } from './worker.js'
import { decodePersist, persistHandler } from './persist.js'
import { createPushProvider } from './push/providers.js'
import { deliverPush, pushable } from './push/worker.js'
import { RetentionSweeper } from './retention-sweep.js'
import type { BlobStore } from '../../src/ports/blobs.js'

export interface TaskContext extends RoleContext<TaskConfig> {
  repo: RepoApi
  /** where attachment bytes live: the retention sweep deletes those of expired messages (src/ports/blobs.ts) */
  blobs?: BlobStore
}

export async function startTask(ctx: TaskContext): Promise<{ role: RunningRole }> {
  const { cfg, bus, repo } = ctx
  const log = ctx.log.child({ role: 'task' })
  const t = topics(cfg)
  const g = groups(cfg)
  const provider = createPushProvider(cfg.push_provider, cfg.push_endpoint, log)
  const deps: DispatchDeps = {
    repo,
    downstreamTopic: t.downstream,
    pushTopic: t.push,
    pushEnabled: true,
    largeGroupThreshold: cfg.large_group_threshold,
    fanoutBatchSize: cfg.fanout_batch_size,
    fanoutTopic: t.fanout,
  }
  const policy: RetryPolicy = {
    attempts: cfg.message_retry_attempts,
    baseMs: cfg.retry_backoff_base_ms,
    capMs: cfg.retry_backoff_cap_ms,
  }
  const common = (taskType: Task['taskType']) => ({
    bus,
    log,
    fromBeginning: true,
    deadLetter: deadLetterer(bus, t.dlq, taskType),
    retry: consumerRetry(cfg),
  })
  const retries = (taskType: Task['taskType']) => retrier(bus, t, taskType, policy)
  // a delivery given up on (out of retries, refused, or past the consumer's retry window): its recipients resync
  const delivery = (taskType: GivenUpType) => {
    const giveUp = resyncOnGiveUp(bus, deps, taskType, log)
    return {
      consumer: { ...common(taskType), deadLetter: tellingFirst(giveUp, deadLetterer(bus, t.dlq, taskType)) },
      retrier: retrier(bus, t, taskType, policy, giveUp),
    }
  }
  const dispatch = delivery('dispatch')
  const fanout = delivery('fanout')

  // The six groups join at once: a restarted task's joins are then one overlapping round of rebalances for the
  // surviving task, not six in a row (each of which stops that group's partitions; issue 13's kill:task stall)
  const subs = await allOrNone([
    runConsumer({
      ...dispatch.consumer,
      groupId: g.dispatch,
      topics: [t.dispatch],
      decode: decodeDispatch,
      handle: dispatchHandler(bus, dispatch.retrier, deps),
    }),
    runConsumer({
      ...fanout.consumer,
      groupId: g.fanout,
      topics: [t.fanout],
      decode: decodeFanout,
      handle: taskHandler<FanoutTask>(bus, fanout.retrier, (f) => fanoutOne(deps, f)),
    }),
    runConsumer({
      ...common('event'),
      groupId: g.events,
      topics: [t.messageEvents, t.notifications, t.userEvents],
      decode: decodeEvent,
      handle: eventsHandler(bus, retries('event'), deps),
    }),
    runConsumer({
      ...common('push'),
      groupId: g.push,
      topics: [t.push],
      decode: (rec) => decode(OfflinePush, rec.value, 'OfflinePush'),
      handle: taskHandler<OfflinePush>(bus, retries('push'), async (p) => {
        const wanted = await pushable(repo, p)
        if (wanted) await deliverPush(provider, wanted)
      }),
    }),
    runConsumer({
      ...common('persist'),
      groupId: g.persist,
      topics: [t.persist],
      decode: decodePersist,
      handle: persistHandler(bus, repo, t.dispatch),
    }),
    runConsumer({
      ...common('retry'),
      groupId: g.retry,
      topics: [t.retry],
      decode: (rec) => decode(TaskMessage, rec.value, 'TaskMessage'),
      handle: retryHandler(
        bus,
        { retry: t.retry, retried: new Set([t.dispatch, t.fanout, t.messageEvents, t.notifications, t.push]) },
        deadLetterer(bus, t.dlq, 'retry'),
        policy.capMs,
      ),
    }),
  ])
  log.info('task role consuming', {
    groups: [g.dispatch, g.fanout, g.events, g.push, g.persist, g.retry],
    push: provider.name,
  })

  const sweeper = new RetentionSweeper(
    { repo, log, ...(ctx.blobs ? { blobs: ctx.blobs } : {}) },
    { defaultRetentionDays: cfg.retention_days, everyMs: cfg.retention_sweep_seconds * 1000 },
  )
  sweeper.start()

  let stopped = false
  return {
    role: {
      name: 'task',
      // every consumer's work reads or writes through repo, and consumes and produces on the bus
      health: readiness({
        consumers: stateProbe(() => !stopped, 'the task role is stopping'),
        repo: peerProbe(() => repo.LookupPresence({ user_ids: [] })),
        bus: () => bus.ping(),
      }),
      stop: async () => {
        stopped = true
        await sweeper.stop()
        await Promise.all(subs.map((s) => s.stop()))
      },
    },
  }
}

/** every subscription, or none: when one fails to start, those that started are stopped and the failure thrown */
async function allOrNone(starting: Array<Promise<Subscription>>): Promise<Subscription[]> {
  const settled = await Promise.allSettled(starting)
  const failed = settled.find((s) => s.status === 'rejected')
  if (!failed) return settled.map((s) => (s as PromiseFulfilledResult<Subscription>).value)
  await Promise.allSettled(settled.map((s) => (s.status === 'fulfilled' ? s.value.stop() : undefined)))
  throw failed.reason
}
