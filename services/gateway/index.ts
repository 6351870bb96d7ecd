// The gateway role: the HTTP + WebSocket edge. It verifies clients' tokens itself (shared jwt_secret), keeps their live
// connections (several per user), registers them in presence, and writes the frames of its own downstream topic
// to them. Everything else — authorization, storage, routing — happens behind logic, repo and task.
import { randomUUID } from 'node:crypto'
import { once } from 'node:events'
import type { Server } from 'node:http'
import type { Duplex } from 'node:stream'
import type { WebSocket } from 'ws'
import { UsageError } from '../../src/core/operator-errors.js'
import type { HealthReport, RoleContext, RunningRole } from '../../src/core/role.js'
import type { GatewayConfig } from '../../src/config/index.js'
import type { LogicApi, MessageApi } from '../../src/rpc/api.js'
import { catalog, groups, topics } from '../../src/contracts/topics.js'
import { encode, type UpstreamMessage } from '../../src/contracts/payloads.js'
import type { BlobStore } from '../../src/ports/blobs.js'
import type { Cache } from '../../src/ports/cache.js'
import { createTokens } from '../../src/auth/tokens.js'
import { closeRevoked, Connection, ConnectionRegistry } from './connections.js'
import { startAddressSync } from './address-sync.js'
import { ConnectionGuard } from './connection-guard.js'
import { startDownstream } from './downstream.js'
import { startHeartbeat } from './heartbeat.js'
import { createHttpServer, type StaticHandler } from './http-server.js'
import { trackRegistry } from './metrics.js'
import { createPresence } from './presence.js'
import { RESYNC_FRAME, watchPresence } from './presence-watch.js'
import { KeyedLimiter } from './rate-limit.js'
import { moderationRoutes } from './moderation-routes.js'
import { restRoutes } from './routes.js'
import { createSearchLimit, MESSAGE_SEARCH } from './search-limit.js'
import { attachSession } from './session.js'
import { sharedWindowLimit } from './shared-limit.js'
import { staticFiles } from './static.js'
import { cachedVerifier, tokenClaims } from './token-cache.js'
import { attachWebSockets } from './ws-server.js'
import { consumerRetry } from '../../src/messaging/failure.js'
import { peerProbe, readiness, stateProbe } from '../../src/core/health.js'

export interface GatewayContext extends RoleContext<GatewayConfig> {
  logic: LogicApi
  messages: MessageApi
  cache: Cache
  /** the blob store whose signed URLs this gateway serves (the embedded one; S3 serves its own) */
  blobs?: BlobStore
  /** what GET /health reports; the runtime passes the health of every role in the process, default: the gateway's */
  health?: () => Promise<HealthReport>
  /** serves the web page and other static files (GET outside /v1/, /health, /metrics); default: web/ */
  staticFiles?: StaticHandler
  /** the clock of the WebSocket rate limits (per connection and per user); default Date.now, tests move it */
  nowMs?: () => number
}

/** Calls of the admin path a client IP may make a minute (bursts of as many): enough for any bench, too few to guess a secret */
export const ADMIN_RATE_PER_MINUTE = 30

/** How long stop() lets clients answer the 1001 close before their sockets are cut. */
const CLOSE_GRACE_MS = 2000
/** how often a gateway checks that its presence is still in the cache (see presence-watch.ts) */
const PRESENCE_CHECK_MS = 1000
/** how often a gateway shares its per-address connection counts with the others (address-sync.ts) */
const ADDRESS_SYNC_MS = 1000

/** host null: every interface (node's default, IPv6 and IPv4) */
function listen(server: Server, port: number, host: string | null): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      // taken after the check before start (runtime/bindings.ts): the operator's to fix, not a bug
      reject(err.code === 'EADDRINUSE' ? new UsageError(`gateway port ${port} is in use`) : err),
    )
    const done = () => {
      const addr = server.address()
      resolve(typeof addr === 'object' && addr ? addr.port : port)
    }
    if (host === null) server.listen(port, done)
    else server.listen(port, host, done)
  })
}

async function closeAll(sockets: WebSocket[], code: number, reason: string): Promise<void> {
  const closed = sockets.map((ws) => once(ws, 'close').catch(() => undefined))
  for (const ws of sockets) ws.close(code, reason)
  let timer: NodeJS.Timeout | undefined
  await Promise.race([Promise.all(closed), new Promise((r) => (timer = setTimeout(r, CLOSE_GRACE_MS)))])
  clearTimeout(timer)
  for (const ws of sockets) ws.terminate()
  await Promise.all(closed)
}

export async function startGateway(ctx: GatewayContext): Promise<{ role: RunningRole; port: number }> {
  const { cfg, bus, cache, logic, messages } = ctx
  const instanceId = cfg.instance_id
  const log = ctx.log.child({ role: 'gateway', instance: instanceId })
  const t = topics(cfg)
  if (cfg.heartbeat_interval_ms * 2 > cfg.presence_ttl_seconds * 1000) {
    // presence entries must outlive a late heartbeat, or online users flicker offline between refreshes
    log.warn('heartbeat_interval_ms is more than half of presence_ttl_seconds: presence may expire between refreshes', {
      heartbeat_interval_ms: cfg.heartbeat_interval_ms,
      presence_ttl_seconds: cfg.presence_ttl_seconds,
    })
  }

  // this instance's downstream topic exists whether or not it is in gateway_ids; user-events is produced here
  await bus.ensureTopics(
    catalog({ ...cfg, gateway_ids: [instanceId] }).filter(
      (spec) => spec.id === 'downstream' || spec.id === 'userEvents',
    ),
  )

  const registry = new ConnectionRegistry()
  const presence = createPresence({
    cache,
    bus,
    gatewayId: instanceId,
    ttlMs: cfg.presence_ttl_seconds * 1000,
    userEventsTopic: t.userEvents,
    log,
  })
  // tokens are verified here with the secret every process shares (runtime/secret.ts refuses a role run alone without it)
  const tokens = createTokens({ secret: cfg.jwt_secret, ttlSeconds: cfg.token_ttl_seconds })
  const verifier = cachedVerifier(logic, { cache, tokens })
  // upstream: kafka mode: WebSocket sends go to logic through gochat.messages.upstream, keyed by conversation
  const upstream =
    cfg.upstream === 'kafka'
      ? async (
          frame: Omit<UpstreamMessage, 'traceId' | 'userId' | 'gatewayId' | 'connectionId'> & { ref: string | number },
          conn: Connection,
        ) => {
          const m: UpstreamMessage = {
            traceId: randomUUID(),
            userId: conn.userId,
            conversationId: frame.conversationId,
            content: frame.content,
            idempotencyKey: frame.idempotencyKey,
            gatewayId: instanceId,
            connectionId: conn.id,
            ref: frame.ref,
            ...(frame.kind ? { kind: frame.kind } : {}),
            ...(frame.targetId ? { targetId: frame.targetId } : {}),
            ...(frame.replyTo ? { replyTo: frame.replyTo } : {}),
            ...(frame.mentions?.length ? { mentions: frame.mentions } : {}),
            ...(frame.attachmentId ? { attachmentId: frame.attachmentId } : {}),
          }
          await bus.publish(t.upstream, [{ key: frame.conversationId, value: encode(m) }])
        }
      : undefined
  const userLimiter = new KeyedLimiter(cfg.ws_rate_per_user)
  const sessionDeps = {
    logic,
    messages,
    maxFrameBytes: cfg.max_frame_bytes,
    ratePerSecond: cfg.rate_limit_per_second,
    userLimiter,
    log,
    ...(upstream ? { upstream } : {}),
    ...(ctx.nowMs ? { nowMs: ctx.nowMs } : {}),
  }
  /** presence work of connections that closed and is not finished yet; stop() waits for it */
  const leaving = new Set<Promise<void>>()

  const onConnection = (ws: WebSocket, userId: string, socket: Duplex, token: string) => {
    const conn = new Connection(userId, ws, socket)
    conn.jti = tokenClaims(token).jti
    registry.add(conn)
    ws.on('error', (err) => log.debug('websocket error', { err, userId }))
    ws.on('pong', () => (conn.missedPongs = 0))
    // frames wait for the registration, so a client that got any answer is known to be reachable
    const ready = presence.connected(conn).catch((err: unknown) => {
      log.warn('presence registration failed, closing the connection', { err, userId })
      ws.close(1011, 'presence unavailable, try again')
    })
    attachSession(conn, sessionDeps, ready)
    ws.once('close', () => {
      registry.remove(conn)
      const done: Promise<void> = ready
        .then(() => presence.disconnected(conn))
        .catch((err: unknown) => log.warn('presence unregistration failed (the entry expires by TTL)', { err, userId }))
        .finally(() => leaving.delete(done))
      leaving.add(done)
    })
  }

  let stopped = false
  // ready: accepting, and logic (every sign-in, send and token check), the cache (presence) and the bus answer
  const health: () => Promise<HealthReport> = readiness({
    accepting: stateProbe(() => !stopped, 'the gateway is shutting down'),
    logic: peerProbe(() => logic.VerifyToken({ token: '' })),
    cache: () => cache.ping(),
    bus: () => bus.ping(),
  })

  /** a `resync` event to every connection: they may have missed messages live (presence or Kafka lost) */
  const resyncAll = () => {
    let n = 0
    for (const c of registry.all()) {
      c.send(RESYNC_FRAME)
      n++
    }
    return n
  }
  const subscription = await startDownstream({
    resync: resyncAll,
    bus,
    log,
    registry,
    topic: t.downstream(instanceId),
    groupId: groups(cfg).downstream(instanceId),
    dlqTopic: t.dlq,
    retry: consumerRetry(cfg),
  })
  // a logout here closes this gateway's sockets of the token at once; every gateway's heartbeat closes the rest
  const loggedOut = (token: string) => {
    verifier.forget(token)
    const { sub, jti } = tokenClaims(token)
    if (sub && jti) void closeRevoked(registry.of(sub), async () => new Set([jti]))
  }
  const server = createHttpServer({
    routes: [
      ...moderationRoutes(logic),
      ...restRoutes(logic, messages, {
        loggedOut,
        online: (ids) => presence.online(ids),
        searchLimit: createSearchLimit({
          cache,
          perUser: cfg.people_search_per_user,
          perIp: cfg.people_search_per_ip,
          windowSeconds: cfg.people_search_window_seconds,
        }),
        messageSearchLimit: createSearchLimit({
          cache,
          perUser: cfg.message_search_per_user,
          windowSeconds: cfg.message_search_window_seconds,
          kind: MESSAGE_SEARCH,
        }),
      }),
    ],
    verifier,
    maxBodyBytes: cfg.max_frame_bytes,
    health: ctx.health ?? health,
    staticFiles: ctx.staticFiles ?? staticFiles(undefined, undefined, ctx.blobs?.origins),
    ...(ctx.blobs?.httpHandler ? { blobFiles: ctx.blobs.httpHandler } : {}),
    log,
    limits: {
      authPerIp: new KeyedLimiter(cfg.auth_rate_per_ip, cfg.auth_burst_per_ip),
      authPerIpShared: sharedWindowLimit(cache, {
        name: 'auth-per-ip',
        ratePerSecond: cfg.auth_rate_per_ip,
        burst: cfg.auth_burst_per_ip,
        log,
      }),
      adminPerIp: new KeyedLimiter(ADMIN_RATE_PER_MINUTE / 60, ADMIN_RATE_PER_MINUTE),
      restPerUser: new KeyedLimiter(cfg.rest_rate_per_user),
    },
    timeouts: {
      headersMs: cfg.http_headers_timeout_ms,
      requestMs: cfg.http_request_timeout_ms,
      keepAliveMs: cfg.http_keep_alive_timeout_ms,
    },
  })
  // per-address cap and the first-byte timeout on every accepted socket; the cap's counts shared through the cache
  const guard = new ConnectionGuard({
    maxPerAddress: cfg.max_connections_per_ip,
    firstByteTimeoutMs: cfg.http_first_byte_timeout_ms,
    exempt: cfg.max_connections_per_ip_exempt,
    log,
  })
  guard.attach(server)
  const addressSync = startAddressSync({
    cache,
    guard,
    gatewayId: instanceId,
    maxPerAddress: cfg.max_connections_per_ip,
    intervalMs: ADDRESS_SYNC_MS,
    log,
  })
  const webSockets = attachWebSockets(server, {
    verifier,
    maxFrameBytes: cfg.max_frame_bytes,
    onConnection,
    log,
    connectionsOf: (userId) => registry.of(userId).size,
    maxConnectionsPerUser: cfg.ws_max_connections_per_user,
    upgradeTimeoutMs: cfg.ws_upgrade_timeout_ms,
    maxUpgradesPerAddress: cfg.ws_max_upgrades_per_ip,
    addressKey: (address) => guard.keyOf(address),
  })
  const closeLoggedOut = async () => {
    const closed = await closeRevoked(registry.all(), verifier.revoked)
    if (closed) log.info('closed connections of revoked tokens', { closed })
  }
  const onTick = async () => void (await Promise.all([presence.refresh([...registry.all()]), closeLoggedOut()]))
  const heartbeat = startHeartbeat({ intervalMs: cfg.heartbeat_interval_ms, registry, onTick, log })
  const presenceWatch = watchPresence({
    cache,
    intervalMs: PRESENCE_CHECK_MS,
    log,
    reregister: async () => {
      const all = [...registry.all()]
      await presence.refresh(all)
      return all.length
    },
    resync: resyncAll,
  })
  const untrack = trackRegistry(registry)

  let port: number
  try {
    port = await listen(server, cfg.gateway_port, cfg.gateway_host)
  } catch (err) {
    heartbeat.stop()
    presenceWatch.stop()
    addressSync.stop()
    untrack()
    await subscription.stop()
    throw err
  }
  log.info('gateway listening', { host: cfg.gateway_host ?? '*', port, downstream: t.downstream(instanceId) })

  return {
    port,
    role: {
      name: 'gateway',
      health,
      stop: async () => {
        if (stopped) return
        stopped = true
        webSockets.stopAccepting()
        const serverClosed = new Promise((resolve) => server.close(resolve))
        server.closeIdleConnections()
        heartbeat.stop()
        presenceWatch.stop()
        addressSync.stop()
        await closeAll(
          [...registry.all()].map((c) => c.ws),
          1001,
          'gateway shutting down',
        )
        await subscription.stop()
        await Promise.all(leaving)
        untrack()
        // in-flight REST requests get the same grace as sockets, then their connections are cut
        const timer = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS)
        await serverClosed
        clearTimeout(timer)
        log.info('gateway stopped')
      },
    },
  }
}
