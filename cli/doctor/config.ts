// What the configuration given to doctor says about a deployment: secrets that are public, short or shared, and
// what listens on, or talks over, a network beyond this host.
import { configKeys, type GochatConfig } from '../../src/config/index.js'
import { parseRedisUrl } from '../../src/drivers/redis/connection.js'
import { isLoopback } from '../../src/rpc/security.js'
import { MIN_SECRET_CHARS } from '../../runtime/secret.js'
import { type Check, fail, ok, warn } from './check.js'

const NEW_SECRET = '"$(openssl rand -base64 48)"'

export function secretChecks(cfg: GochatConfig): Check[] {
  const checks: Check[] = []
  const jwt = cfg.jwt_secret
  if (jwt === configKeys.jwt_secret.default)
    checks.push(
      fail(
        'secret',
        'jwt_secret',
        'the built-in default, which is public: anyone can sign a token for any user',
        `set the same random secret in every process: GOCHAT_JWT_SECRET=${NEW_SECRET} (gochat up on embedded drivers replaces the default by one per run; give the one you run with to doctor too)`,
      ),
    )
  else if (jwt.length < MIN_SECRET_CHARS)
    checks.push(
      fail(
        'secret',
        'jwt_secret',
        `${jwt.length} characters, under ${MIN_SECRET_CHARS}: guessable offline from any token`,
        `set a random one of ${MIN_SECRET_CHARS}+ characters: GOCHAT_JWT_SECRET=${NEW_SECRET}`,
      ),
    )
  else checks.push(ok('secret', 'jwt_secret', `${jwt.length} characters`))

  const admin = cfg.admin_secret
  if (admin === null) checks.push(ok('secret', 'admin_secret', 'unset: the admin path is off'))
  else if (admin === jwt)
    checks.push(
      fail(
        'secret',
        'admin_secret',
        'the same as jwt_secret: whoever runs benchmarks could sign tokens',
        `give it its own value: GOCHAT_ADMIN_SECRET=${NEW_SECRET}`,
      ),
    )
  else if (admin.length < MIN_SECRET_CHARS)
    checks.push(
      warn(
        'secret',
        'admin_secret',
        `${admin.length} characters, under ${MIN_SECRET_CHARS}`,
        `a longer random one: GOCHAT_ADMIN_SECRET=${NEW_SECRET}, or unset it where nobody runs benchmarks`,
      ),
    )
  else checks.push(ok('secret', 'admin_secret', `${admin.length} characters`))

  const rpcTls = Boolean(cfg.rpc_tls_ca && cfg.rpc_tls_cert && cfg.rpc_tls_key)
  const rpcPublic = grpcListeners(cfg).filter((l) => !isLoopback(l.host))
  if (cfg.rpc_secret !== null && cfg.rpc_secret === jwt)
    checks.push(
      fail('secret', 'rpc_secret', 'the same as jwt_secret', `give it its own value: GOCHAT_RPC_SECRET=${NEW_SECRET}`),
    )
  else if (cfg.rpc_secret !== null) checks.push(ok('secret', 'rpc_secret', `${cfg.rpc_secret.length} characters`))
  else if (rpcPublic.length && !rpcTls)
    checks.push(
      fail(
        'secret',
        'rpc_secret',
        `unset while gRPC listens on ${rpcPublic.map((l) => l.addr).join(', ')}: the roles refuse to start so`,
        `set the same one in every process: GOCHAT_RPC_SECRET=${NEW_SECRET}, or mutual TLS (rpc_tls_*)`,
      ),
    )
  else
    checks.push(
      ok('secret', 'rpc_secret', rpcTls ? 'unset; mutual TLS checks callers' : 'unset; gRPC on loopback only'),
    )
  return checks
}

const hostOf = (addr: string) => addr.slice(0, addr.lastIndexOf(':')).replace(/^\[|\]$/g, '')
const wildcard = (host: string) => host === '0.0.0.0' || host === '::'

/** where logic and repo processes bind gRPC, by this config */
function grpcListeners(cfg: GochatConfig): Array<{ key: string; addr: string; host: string }> {
  return (['logic', 'repo'] as const).flatMap((role) => {
    const listen = cfg[`${role}_listen`]
    const key = listen ? `${role}_listen` : `${role}_addr`
    return (listen ?? cfg[`${role}_addr`]).split(',').map((addr) => ({ key, addr, host: hostOf(addr) }))
  })
}

/** What is reachable beyond this host: the gateway (by gateway_host, else the URLs it was reached at), the monitor
 * ports, gRPC; and the engines talked to over a network without TLS. */
export function exposureChecks(cfg: GochatConfig, gatewayUrls: string[]): Check[] {
  const checks: Check[] = []
  for (const url of gatewayUrls) {
    const u = new URL(url)
    const host = u.hostname.replace(/^\[|\]$/g, '')
    const bound = cfg.gateway_host ?? (isLoopback(host) ? null : host)
    const where =
      cfg.gateway_host === null
        ? `reached at ${host}; gateway_host unset (serve: every interface, up: 127.0.0.1)`
        : `gateway_host ${cfg.gateway_host}`
    if (bound !== null && !isLoopback(bound) && u.protocol === 'http:')
      checks.push(
        warn(
          'exposure',
          url,
          `public gateway without TLS (${where}): tokens and messages cross the network in clear`,
          'serve it behind a TLS proxy (https://, wss://) and point clients there; or bind 127.0.0.1 (--host) if it is not meant to be public',
        ),
      )
    else
      checks.push(ok('exposure', url, bound === null ? `loopback (${where})` : `public over ${u.protocol} (${where})`))
  }
  if (!isLoopback(cfg.metrics_host))
    checks.push(
      warn(
        'exposure',
        `metrics_host ${cfg.metrics_host}`,
        `/health and /metrics of logic, repo and task on ${wildcard(cfg.metrics_host) ? 'every interface' : cfg.metrics_host}: readable by anyone who reaches them`,
        'bind 127.0.0.1 (--metrics-host), or firewall those ports to the monitoring hosts',
      ),
    )
  else checks.push(ok('exposure', 'metrics_host', `${cfg.metrics_host} (this host only)`))
  const rpcTls = Boolean(cfg.rpc_tls_ca && cfg.rpc_tls_cert && cfg.rpc_tls_key)
  for (const l of grpcListeners(cfg)) {
    if (isLoopback(l.host)) checks.push(ok('exposure', `${l.key} ${l.addr}`, 'gRPC on loopback'))
    else if (rpcTls) checks.push(ok('exposure', `${l.key} ${l.addr}`, 'public gRPC with mutual TLS'))
    else if (cfg.rpc_secret)
      checks.push(
        warn(
          'exposure',
          `${l.key} ${l.addr}`,
          'public gRPC checked by rpc_secret, which crosses the network in clear with every call',
          'add mutual TLS (rpc_tls_ca, rpc_tls_cert, rpc_tls_key), or keep the roles on a private network',
        ),
      )
    else
      checks.push(
        fail(
          'exposure',
          `${l.key} ${l.addr}`,
          'public gRPC with no caller check (the role refuses to start so)',
          'set rpc_secret in every process and/or mutual TLS (rpc_tls_*), or listen on 127.0.0.1',
        ),
      )
  }
  const clear = (what: string, key: string, hosts: string[], fix: string) => {
    const remote = hosts.filter((h) => !isLoopback(h))
    if (remote.length)
      checks.push(warn('tls', key, `${what} at ${remote.join(', ')} over the network without TLS`, fix))
  }
  if (cfg.kafka_brokers.length && !cfg.kafka_tls && !cfg.kafka_tls_ca)
    clear('Kafka', 'kafka_tls', cfg.kafka_brokers.map(hostOf), 'kafka_tls=true (or kafka_tls_ca) to an SSL listener')
  if (cfg.mysql_url && !cfg.mysql_tls_ca)
    clear(
      'MySQL',
      'mysql_tls_ca',
      [new URL(cfg.mysql_url).hostname],
      "mysql_tls_ca: the CA of the server's certificate",
    )
  if (cfg.redis_url) {
    const target = parseRedisUrl(cfg.redis_url)
    if (!target.tls && !cfg.redis_tls_ca)
      clear(
        'Redis',
        'redis_url',
        target.nodes.map((n) => n.host),
        'rediss:// to its tls-port (and redis_tls_ca)',
      )
  }
  return checks
}
