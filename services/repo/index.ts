// The repo role: all persistence behind the RepoService API, and the outbox relay. The runtime serves `api`
// over gRPC, or hands it in process to logic and task under --role=all.
import { AppError } from '../../src/core/errors.js'
import type { HealthReport, RoleContext, RunningRole } from '../../src/core/role.js'
import type { RepoConfig } from '../../src/config/index.js'
import type { Cache } from '../../src/ports/cache.js'
import type { Store } from '../../src/ports/store.js'
import { Presence } from '../../src/presence/presence.js'
import type { RepoApi } from '../../src/rpc/api.js'
import { readiness, stateProbe } from '../../src/core/health.js'
import type { BlobStore } from '../../src/ports/blobs.js'
import { Housekeeping } from './housekeeping.js'
import { MemberPages } from './member-pages.js'
import { OutboxRelay, type RelayOptions } from './outbox-relay.js'
import { createRepoService } from './service.js'

const MEMBER_PAGE_TTL_MS = 60_000
const DRAIN_MS = 5_000

export interface RepoContext extends RoleContext<RepoConfig> {
  // The composition root (runtime/) opens the store and cache and closes them: repo only uses them.
  store: Store
  /** the gateway may share it */
  cache: Cache
  /** relay tuning; `start: false` leaves the relay stopped until `relay.start()` (config outbox_relay, tests) */
  relay?: RelayOptions & { start?: boolean }
  /** attachment bytes: the orphan sweep deletes those of the attachments it drops (housekeeping.ts) */
  blobs?: BlobStore
}

export interface StartedRepo {
  role: RunningRole
  api: RepoApi
  relay: OutboxRelay
  housekeeping: Housekeeping
}

export async function startRepo(ctx: RepoContext): Promise<StartedRepo> {
  const log = ctx.log.child({ role: 'repo' })
  const { store, cache } = ctx
  try {
    // the MySQL store migrates its schema before it answers
    await store.ping()
    await cache.ping()
  } catch (err) {
    throw new Error(`repo cannot start: ${(err as Error).message}`)
  }

  const relay = new OutboxRelay(store, ctx.bus, log, ctx.relay)
  const service = createRepoService({
    leaseHeld: () => relay.state === 'active',
    cfg: ctx.cfg,
    store,
    cache,
    presence: new Presence(cache, { ttlMs: ctx.cfg.presence_ttl_seconds * 1000 }),
    memberPages: new MemberPages(cache, MEMBER_PAGE_TTL_MS),
    onOutbox: () => relay.wake(),
    log,
  })
  const { api, drain } = draining(service)
  if (ctx.relay?.start !== false) relay.start()
  // one repo at a time: the one whose relay holds the store's outbox lease
  const housekeeping = new Housekeeping(store, log, {
    guestTtlDays: ctx.cfg.guest_ttl_days,
    tokenTtlSeconds: ctx.cfg.token_ttl_seconds,
    orphanHours: ctx.cfg.upload_orphan_hours,
    ...(ctx.blobs ? { blobs: ctx.blobs } : {}),
    active: () => relay.state === 'active',
  })
  housekeeping.start()
  log.info('repo role ready', { store: store.kind, cache: cache.kind })

  const health: () => Promise<HealthReport> = readiness({
    store: () => store.ping(),
    cache: () => cache.ping(),
    bus: () => ctx.bus.ping(),
    // standby (another instance relays) is ready; a relay whose rounds fail is not
    outbox_relay: stateProbe(
      () => relay.error === undefined,
      () => `outbox relay failing: ${relay.error}`,
    ),
  })

  return {
    role: {
      name: 'repo',
      health,
      stop: async () => {
        await drain(DRAIN_MS)
        await housekeeping.stop()
        // after the calls in flight: their outbox rows are relayed now or by the next relay to hold the lease
        await relay.stop()
        log.info('repo role stopped')
      },
    },
    api,
    relay,
    housekeeping,
  }
}

/** Counts calls in flight so that stop() lets them finish before the store closes; later calls get `unavailable`. */
function draining(service: RepoApi): { api: RepoApi; drain(timeoutMs: number): Promise<void> } {
  let inFlight = 0
  let stopping = false
  let drained: (() => void) | undefined
  const api = {} as Record<string, (req: unknown) => Promise<unknown>>
  for (const [name, fn] of Object.entries(service) as Array<[string, (req: unknown) => Promise<unknown>]>) {
    api[name] = async (req) => {
      if (stopping) throw new AppError('unavailable', 'repo is shutting down')
      inFlight++
      try {
        return await fn(req)
      } finally {
        if (--inFlight === 0) drained?.()
      }
    }
  }
  return {
    api: api as unknown as RepoApi,
    drain: (timeoutMs) => {
      stopping = true
      if (inFlight === 0) return Promise.resolve()
      return new Promise((resolve) => {
        const timer = setTimeout(resolve, timeoutMs)
        drained = () => {
          clearTimeout(timer)
          resolve()
        }
      })
    },
  }
}
