// Composes roles into a running system. Under --role=all every role runs in this process and calls the others
// in process; a single role serves its API over gRPC and dials the roles it needs.
import type { Server } from 'node:http'
import type { Server as GrpcServer } from '@grpc/grpc-js'
import { collectDefaultMetrics } from 'prom-client'
import { type GochatConfig, gatewayKeys, logicKeys, repoKeys, sectionOf, taskKeys } from '../src/config/index.js'
import type { RunningRole } from '../src/core/role.js'
import { createBus } from '../src/drivers/bus-from-config.js'
import { createStore } from '../src/drivers/store-from-config.js'
import { createCache } from '../src/drivers/cache-from-config.js'
import { createBlobStore } from '../src/drivers/blobs-from-config.js'
import type { BlobStore } from '../src/ports/blobs.js'
import { setLogContext, type Logger } from '../src/observability/log.js'
import { initTracing } from '../src/observability/tracing.js'
import { tracedBus } from '../src/messaging/traced.js'
import { tracedApi } from '../src/rpc/in-process.js'
import type { LogicApi, MessageApi, RepoApi } from '../src/rpc/api.js'
import {
  logicClient,
  logicDefinition,
  messageApiClient,
  messageApiDefinition,
  repoClient,
  repoDefinition,
} from '../src/rpc/client.js'
import { startGrpcServer, stopGrpcServer } from '../src/rpc/server.js'
import { rpcSecurityFromConfig } from '../src/rpc/security.js'
import { useKafkaSecurity } from '../src/drivers/kafka/security.js'
import { combinedHealth, startMonitorServer } from './monitor-server.js'
import { checkJwtSecret } from './secret.js'
import { grpcBinding } from './grpc-binding.js'
import { catalog } from '../src/contracts/topics.js'
import { startRepo } from '../services/repo/index.js'
import { startLogic } from '../services/logic/index.js'
import { startTask } from '../services/task/index.js'
import { startGateway } from '../services/gateway/index.js'

export const roleNames = ['gateway', 'logic', 'repo', 'task'] as const
export type RoleName = (typeof roleNames)[number]

export interface System {
  roles: RunningRole[]
  /** the gateway's actual port, when a gateway runs here */
  gatewayPort?: number
  /** actual /health + /metrics ports by role (the gateway serves them on its own port) */
  monitorPorts: Partial<Record<RoleName, number>>
  /** the gRPC addresses actually bound, when repo or logic runs here as its own process */
  grpcAddrs: Partial<Record<'repo' | 'logic', string>>
  stop(): Promise<void>
}

let defaultMetrics = false
const EVENT_LOOP_SAMPLE_MS = 50

export async function startSystem(cfg: GochatConfig, wanted: RoleName[], log: Logger): Promise<System> {
  const all = roleNames.every((r) => wanted.includes(r))
  // throws (before anything starts) for a public or short secret on real infrastructure
  const secret = checkJwtSecret(cfg, all)
  if (secret.generated)
    log.info(
      'jwt_secret is not set: tokens are signed with a random secret made for this run (they end with the process)',
    )
  cfg = { ...cfg, jwt_secret: secret.secret }
  // throws (before anything starts) for a missing or unreadable TLS file; roles in one process call in process
  const rpcSecurity = all ? {} : rpcSecurityFromConfig(cfg)
  useKafkaSecurity(cfg)
  if (!defaultMetrics) {
    // the event-loop delay is sampled by a timer of this period: prom-client's 10 ms woke an idle role 100 times a
    // second for it; 50 ms still gives each 15 s scrape 300 samples
    collectDefaultMetrics({ eventLoopMonitoringPrecision: EVENT_LOOP_SAMPLE_MS })
    defaultMetrics = true
  }
  const processRole = all ? 'all' : wanted.join(',')
  // instance_id names a gateway: in a process of several roles only the gateway's lines carry it
  const mixed = wanted.length > 1 && wanted.includes('gateway')
  if (!all && cfg.kafka_brokers.length === 0) {
    log.warn(
      `no Kafka configured: ${wanted.join(', ')} runs on a private in-process bus that no other process can reach; give --kafka (or GOCHAT_KAFKA_BROKERS), or run every role in one process with --role=all`,
    )
  }
  setLogContext({ role: processRole, ...(mixed ? {} : { instance: cfg.instance_id }) })
  // one provider per process (under --role=all it serves every role; spans carry gochat.role)
  const tracing = await initTracing({
    endpoint: cfg.tracing_endpoint,
    sampleRatio: cfg.tracing_sample_ratio,
    instanceId: cfg.instance_id,
    serviceName: `gochat-${all ? 'all' : wanted.join('-')}`,
  })
  const bus = createBus(cfg, `gochat-${all ? 'all' : wanted.join('-')}-${cfg.instance_id}`)
  /** the bus as one role uses it: with tracing on, its records carry traceparent headers */
  const busFor = (role: RoleName) => tracedBus(bus, role)
  const roles: RunningRole[] = []
  const grpcServers: GrpcServer[] = []
  const httpServers: Server[] = []
  const closers: Array<() => Promise<void> | void> = []
  const monitorPorts: System['monitorPorts'] = {}
  const grpcAddrs: System['grpcAddrs'] = {}
  const serveGrpc = async (role: 'repo' | 'logic', services: Parameters<typeof startGrpcServer>[1]) => {
    const binding = grpcBinding(cfg, role)
    const started = await startGrpcServer(binding.listen, services, role, rpcSecurity)
    grpcServers.push(started.server)
    grpcAddrs[role] = binding.advertise(started.address)
  }
  const cache =
    wanted.includes('repo') || wanted.includes('gateway') || wanted.includes('logic')
      ? await createCache(cfg)
      : undefined

  if (cache) closers.push(() => cache.close())
  let blobs: BlobStore | undefined
  const stop = async () => {
    // Edge first (stop accepting), then the roles behind it, then the shared connections.
    for (const role of [...roles].sort((a, b) => order(a.name) - order(b.name))) {
      try {
        await role.stop()
      } catch (err) {
        log.warn(`stopping ${role.name} failed`, { err })
      }
    }
    await Promise.all(grpcServers.map((s) => stopGrpcServer(s)))
    await Promise.all(httpServers.map((s) => new Promise((r) => s.close(r))))
    for (const close of closers.reverse()) await close()
    await bus.close()
    await tracing.release()
  }

  try {
    // logic signs attachment URLs and checks uploads; a gateway serves the embedded store's URLs; repo's
    // housekeeping deletes the bytes of orphan attachments, task those of expired messages
    if (wanted.includes('logic') || wanted.includes('gateway') || wanted.includes('repo') || wanted.includes('task')) {
      const store = await createBlobStore(cfg)
      closers.push(() => store.close())
      blobs = store
    }
    // Every role may produce to any catalog topic (the relay publishes whatever the outbox holds): make sure they
    // exist before anything is produced. Idempotent, one metadata round trip when they do.
    const created = await bus.ensureTopics(catalog(cfg))
    // the embedded bus creates its topics on every start: only Kafka's are news
    if (created.length) (bus.kind === 'kafka' ? log.info : log.debug)('created topics', { topics: created })
    let repo: RepoApi | undefined
    if (wanted.includes('repo')) {
      if (!all) grpcBinding(cfg, 'repo') // a bad address fails before the store opens
      const store = await createStore(cfg)
      closers.push(() => store.close())
      const started = await startRepo({
        cfg: sectionOf(cfg, repoKeys),
        bus: busFor('repo'),
        log,
        store,
        cache: cache!,
        relay: { start: cfg.outbox_relay },
        ...(blobs ? { blobs } : {}),
      })
      roles.push(started.role)
      repo = tracedApi(started.api, 'repo', repoDefinition())
      if (!all) await serveGrpc('repo', [{ definition: repoDefinition(), api: started.api }])
    } else if (wanted.includes('logic') || wanted.includes('task')) {
      const client = repoClient(cfg.repo_addr, wanted.includes('logic') ? 'logic' : 'task', rpcSecurity)
      closers.push(() => client.close())
      repo = client
    }

    let logic: LogicApi | undefined
    let messages: MessageApi | undefined
    if (wanted.includes('logic')) {
      const started = await startLogic({
        cfg: sectionOf(cfg, logicKeys),
        bus: busFor('logic'),
        log,
        repo: needed(repo, 'repo'),
        cache: cache!,
        blobs: blobs!,
      })
      roles.push(started.role)
      logic = tracedApi(started.logic, 'logic', logicDefinition())
      messages = tracedApi(started.messages, 'logic', messageApiDefinition())
      if (!all) {
        await serveGrpc('logic', [
          { definition: logicDefinition(), api: started.logic },
          { definition: messageApiDefinition(), api: started.messages },
        ])
      }
    } else if (wanted.includes('gateway')) {
      const l = logicClient(cfg.logic_addr, 'gateway', rpcSecurity)
      const m = messageApiClient(cfg.logic_addr, 'gateway', rpcSecurity)
      closers.push(
        () => l.close(),
        () => m.close(),
      )
      logic = l
      messages = m
    }

    if (wanted.includes('task')) {
      const started = await startTask({
        cfg: sectionOf(cfg, taskKeys),
        bus: busFor('task'),
        log,
        repo: needed(repo, 'repo'),
        ...(blobs ? { blobs } : {}),
      })
      roles.push(started.role)
    }

    let gatewayPort: number | undefined
    if (wanted.includes('gateway')) {
      const started = await startGateway({
        cfg: sectionOf(cfg, gatewayKeys),
        bus: busFor('gateway'),
        log: mixed ? log.child({ instance: cfg.instance_id }) : log,
        logic: needed(logic, 'logic'),
        messages: needed(messages, 'message'),
        cache: cache!,
        blobs,
        health: () => combinedHealth(roles),
      })
      roles.push(started.role)
      gatewayPort = started.port
    }

    // /health and /metrics: the gateway serves them on its own port; the other roles get a monitor port each,
    // or (under --role=all) share the task's 9093.
    const backRoles = roles.filter((r) => r.name !== 'gateway')
    if (all) {
      const m = await startMonitorServer(cfg.task_metrics_port, () => combinedHealth(roles), cfg.metrics_host)
      httpServers.push(m.server)
      monitorPorts.task = m.port
    } else {
      const ports: Record<string, number> = {
        logic: cfg.logic_metrics_port,
        repo: cfg.repo_metrics_port,
        task: cfg.task_metrics_port,
      }
      for (const r of backRoles) {
        const m = await startMonitorServer(ports[r.name]!, () => r.health(), cfg.metrics_host)
        httpServers.push(m.server)
        monitorPorts[r.name] = m.port
      }
    }
    return { roles, gatewayPort, monitorPorts, grpcAddrs, stop }
  } catch (err) {
    await stop().catch(() => undefined)
    throw err
  }
}

/** an API the runtime made for the roles that call it: every branch above makes the ones the wanted roles need */
function needed<T>(api: T | undefined, name: string): T {
  if (api === undefined) throw new Error(`no ${name} API was made for this process's roles`)
  return api
}

const order = (name: RunningRole['name']) => ({ gateway: 0, logic: 1, task: 2, repo: 3 })[name]
