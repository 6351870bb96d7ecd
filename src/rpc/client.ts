// Promise-shaped gRPC clients: the same API objects the roles implement, reached over the network. Every call is
// timed (gochat_grpc_client_duration_seconds); with tracing on and a span active it runs in a client span whose
// traceparent goes in the call's metadata. Each call carries rpc_secret when one is set, over mutual TLS when
// configured (src/rpc/security.ts).
import { type ChannelCredentials, Metadata, type Client, type ServiceError } from '@grpc/grpc-js'
import { context, trace, type TextMapSetter } from '@opentelemetry/api'
import { AppError, codeForGrpcStatus, isErrorCode } from '../core/errors.js'
import { log } from '../observability/log.js'
import { grpcClientDuration, grpcCodeName, secondsSince } from '../observability/metrics.js'
import { endSpan, inject, SpanKind, startChildSpan, tracingEnabled, type TraceRole } from '../observability/tracing.js'
import type { LogicApi, MessageApi, RepoApi } from './api.js'
import { protos } from './load.js'
import { coalesced } from './batch.js'
import { channelCredentials, channelOptions, type RpcSecurity, SECRET_METADATA } from './security.js'
import { splitPath } from './server.js'

const metadataSetter: TextMapSetter<Metadata> = { set: (md, key, value) => md.set(key, value) }

type ClientCtor = new (address: string, creds: ChannelCredentials, options?: object) => Client
type Unary = (
  req: unknown,
  md: Metadata,
  opts: { deadline: Date },
  cb: (err: ServiceError | null, res: unknown) => void,
) => void

const DEADLINE_MS = 10_000

/** What a client is told when a call failed below gochat's own errors */
export const publicMessage = (code: string) =>
  code === 'unavailable' ? 'service unavailable, try again' : code === 'internal' ? 'internal error' : 'request failed'

/** `role` is the calling role, named in its client spans */
/**
 * A gRPC target for one address, or for several instances of a role (`a:1,b:2`, IPv4 literals), which the client
 * calls round robin.
 */
export function grpcTarget(address: string): string {
  if (!address.includes(',')) return address
  const bad = address.split(',').find((a) => !/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a))
  if (bad !== undefined)
    throw new Error(
      `a list of gRPC addresses must be IPv4 host:port pairs, not ${bad} (resolve names to addresses first)`,
    )
  return `ipv4:${address}`
}
const ROUND_ROBIN = JSON.stringify({ loadBalancingConfig: [{ round_robin: {} }] })
// a restarted peer is called again within 2 s (grpc's default backoff grows to 2 minutes)
const MAX_RECONNECT_BACKOFF_MS = 2000

/**
 * Calls that may run twice with the same effect: reads, and writes made idempotent by their key (a send by
 * (conversation, sender, idempotency key), a seq allocation likewise, read marks, logout and its revocation; a refresh
 * only issues another token of the same session). With several instances,
 * one of these refused as unavailable by the transport (the instance died, its connection dropped) is tried again:
 * round robin has by then taken the dead instance out.
 */
const RETRY_SAFE = new Set([
  'SendMessage',
  'SendMessages',
  'SyncMessages',
  'VerifyToken',
  'GetMe',
  'ListConversations',
  'CreateDirect',
  'MarkRead',
  'Logout',
  'Refresh',
  'CheckRevoked',
  'RevokeToken',
  'StoreMessage',
  'StoreMessages',
  'AllocateSeq',
  'GetUser',
  'FindUsers',
  'GetConversation',
  'GetMember',
  'ListMembers',
  'ListUserConversations',
  'ListDirectPeers',
  'ListDirectPeersMany',
  'GetMessage',
  'LookupPresence',
  'LocateMembers',
  'SetReadSeq',
  'EnsureDirectConversation',
  'GetRetention',
  'ExpireMessages',
])
const RETRY_DELAYS_MS = [50, 250, 1000]

// a dead peer fails every call: one warn line per peer and code every 10 s, with how many were not logged
const WARN_EVERY_MS = 10_000
const warned = new Map<string, { at: number; suppressed: number }>()
function warnFailure(address: string, code: string, msg: string, fields: Record<string, unknown>): void {
  const key = `${address} ${code}`
  const last = warned.get(key)
  if (last && Date.now() - last.at < WARN_EVERY_MS) return void last.suppressed++
  warned.set(key, { at: Date.now(), suppressed: 0 })
  log.warn(msg, { ...fields, code, ...(last?.suppressed ? { notLogged: last.suppressed } : {}) })
}
const UNAVAILABLE = 14

function promiseClient<Api>(
  Ctor: ClientCtor & { service: Record<string, { path?: string }> },
  address: string,
  role: TraceRole,
  security: RpcSecurity,
): Api & { close(): void } {
  const client = new Ctor(grpcTarget(address), channelCredentials(security), {
    ...channelOptions(security),
    'grpc.max_receive_message_length': 16 * 1024 * 1024,
    'grpc.max_reconnect_backoff_ms': MAX_RECONNECT_BACKOFF_MS,
    // one address keeps grpc's pick_first, which reconnects on the next call after the peer came back
    ...(address.includes(',') ? { 'grpc.service_config': ROUND_ROBIN } : {}),
  }) as unknown as Record<string, Unary> & Client
  const api: Record<string, unknown> = { close: () => client.close() }
  for (const method of Object.keys(Ctor.service)) {
    const names = splitPath(Ctor.service[method]?.path, method)
    const spanName = `${names.service}/${names.method}`
    const ok = grpcClientDuration.labels({ service: names.service, method: names.method, code: 'OK' })
    const retries = address.includes(',') && RETRY_SAFE.has(method) ? RETRY_DELAYS_MS : []
    const once = (req: unknown, attempt: number): Promise<unknown> =>
      new Promise((resolve, reject) => {
        const start = performance.now()
        const md = new Metadata()
        if (security.secret) md.set(SECRET_METADATA, security.secret)
        const span = tracingEnabled()
          ? startChildSpan(role, spanName, SpanKind.CLIENT, {
              'rpc.system': 'grpc',
              'rpc.service': names.service,
              'rpc.method': names.method,
              'server.address': address,
            })
          : undefined
        if (span) inject(trace.setSpan(context.active(), span), md, metadataSetter)
        client[method]!.call(client, req, md, { deadline: new Date(Date.now() + DEADLINE_MS) }, (err, res) => {
          if (!err) {
            ok.observe(secondsSince(start))
            endSpan(span)
            return resolve(res)
          }
          grpcClientDuration.observe(
            { service: names.service, method: names.method, code: grpcCodeName(err.code) },
            secondsSince(start),
          )
          span?.setAttribute('rpc.grpc.status_code', err.code)
          const code = String(err.metadata?.get('gochat-code')[0] ?? '')
          endSpan(span, err, code || grpcCodeName(err.code))
          const appCode = isErrorCode(code) ? code : codeForGrpcStatus(err.code)
          const retryAfter = Number(err.metadata?.get('gochat-retry-after')[0] ?? 0) || undefined
          if (!code && err.code === UNAVAILABLE && attempt < retries.length) {
            log.debug(`gRPC ${method} at ${address} unavailable; trying another instance`, {
              details: err.details || err.message,
              attempt: attempt + 1,
            })
            return void setTimeout(() => once(req, attempt + 1).then(resolve, reject), retries[attempt])
          }
          // a gochat error keeps its message; transport and internal failures reach clients as a stable short
          // one, the detail (addresses, driver messages) goes to the log
          if (isErrorCode(code) && code !== 'internal') return reject(new AppError(code, err.details, retryAfter))
          warnFailure(address, grpcCodeName(err.code), `gRPC ${method} at ${address} failed`, {
            details: err.details || err.message,
          })
          reject(new AppError(appCode, publicMessage(appCode), retryAfter))
        })
      })
    api[method] = (req: unknown) => once(req, 0)
  }
  return api as Api & { close(): void }
}

// `role`: who calls (spans of a call carry the caller's role); the callers without one are tests and tools.
// `security`: the caller's rpc_secret and TLS (rpcSecurityFromConfig).
// The send path's unary calls (and ListDirectPeers) are coalesced per tick into their batched form (src/rpc/batch.ts).
export function repoClient(address: string, role: TraceRole = 'task', security: RpcSecurity = {}) {
  const api = promiseClient<RepoApi>(protos().repo.gochat.repo.v1.RepoService as never, address, role, security)
  const single = api.StoreMessage
  api.StoreMessage = coalesced(single, async (messages) => (await api.StoreMessages({ messages })).results)
  // a connect burst's user.online events each ask for the user's direct peers
  const peers = api.ListDirectPeers
  api.ListDirectPeers = coalesced(peers, async (requests) => (await api.ListDirectPeersMany({ requests })).results)
  return api
}
export const logicClient = (address: string, role: TraceRole = 'gateway', security: RpcSecurity = {}) =>
  promiseClient<LogicApi>(protos().logic.gochat.logic.v1.LogicService as never, address, role, security)
export function messageApiClient(address: string, role: TraceRole = 'gateway', security: RpcSecurity = {}) {
  const api = promiseClient<MessageApi>(
    protos().messageApi.realchat.message.v1.MessageApi as never,
    address,
    role,
    security,
  )
  const single = api.SendMessage
  api.SendMessage = coalesced(single, async (sends) => (await api.SendMessages({ sends })).results)
  return api
}

export const repoDefinition = () => protos().repo.gochat.repo.v1.RepoService.service
export const logicDefinition = () => protos().logic.gochat.logic.v1.LogicService.service
export const messageApiDefinition = () => protos().messageApi.realchat.message.v1.MessageApi.service
