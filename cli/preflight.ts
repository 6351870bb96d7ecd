// Before a role starts: does every configured dependency (Kafka, MySQL, Redis) accept a connection, and is every
// port it will listen on free? One line per failure, instead of the drivers' retry logs and stacks, or a bind
// error after the roles have already announced themselves ready.
import { connect } from 'node:net'
import type { ConfigKey, GochatConfig } from '../src/config/index.js'
import { UnreachableError, UsageError } from '../src/core/operator-errors.js'
import { bindProblems, bindings, type Binding } from '../runtime/bindings.js'
import type { RoleName } from '../runtime/system.js'
import { parseRedisUrl } from '../src/drivers/redis/connection.js'

const TIMEOUT_MS = 3000

/** null when host:port accepts a TCP connection, else why not (ECONNREFUSED, timed out, …) */
function probe(host: string, port: number): Promise<string | null> {
  return new Promise((resolve) => {
    const sock = connect({ host, port })
    const done = (why: string | null) => {
      sock.destroy()
      resolve(why)
    }
    sock.setTimeout(TIMEOUT_MS, () => done(`no answer within ${TIMEOUT_MS / 1000}s`))
    sock.once('connect', () => done(null))
    sock.once('error', (err: NodeJS.ErrnoException) => done(err.code ?? err.message))
  })
}

const hostPort = (url: string, defaultPort: number) => {
  const u = new URL(url)
  return { host: u.hostname.replace(/^\[|\]$/g, ''), port: Number(u.port || defaultPort) }
}

export async function preflight(cfg: Pick<GochatConfig, 'kafka_brokers' | 'mysql_url' | 'redis_url'>): Promise<void> {
  const checks: Array<Promise<string | null>> = []
  if (cfg.kafka_brokers.length) {
    checks.push(
      Promise.all(
        cfg.kafka_brokers.map((b) => probe(b.slice(0, b.lastIndexOf(':')), Number(b.slice(b.lastIndexOf(':') + 1)))),
      ).then((whys) =>
        whys.some((w) => w === null)
          ? null
          : `Kafka at ${cfg.kafka_brokers.join(',')} did not answer (${[...new Set(whys)].join(', ')}); check --kafka and \`gochat infra status\``,
      ),
    )
  }
  if (cfg.mysql_url) {
    const { host, port } = hostPort(cfg.mysql_url, 3306)
    checks.push(
      probe(host, port).then(
        (why) => why && `MySQL at ${host}:${port} did not answer (${why}); check --mysql and \`gochat infra status\``,
      ),
    )
  }
  if (cfg.redis_url) {
    // a cluster URL lists several masters: one that answers is enough to find the others
    const { nodes } = parseRedisUrl(cfg.redis_url)
    const at = nodes.map((n) => `${n.host}:${n.port}`).join(',')
    checks.push(
      Promise.all(nodes.map((n) => probe(n.host, n.port))).then((whys) =>
        whys.some((w) => w === null)
          ? null
          : `Redis at ${at} did not answer (${[...new Set(whys)].join(', ')}); check --redis and \`gochat infra status\``,
      ),
    )
  }
  const failures = (await Promise.all(checks)).filter((f): f is string => f !== null)
  if (failures.length) {
    throw new UnreachableError(failures.join('\n'), '`gochat infra up` starts a local Kafka, MariaDB and Redis')
  }
}

/**
 * Before any role starts: every port this process will listen on is free. One line per taken port, naming the
 * flag of this command that moves it (`flags`: config key → flag) or else the config key, and exit code 2.
 */
export async function checkBindings(
  cfg: GochatConfig,
  roles: readonly RoleName[],
  flags: Partial<Record<ConfigKey, string>>,
): Promise<void> {
  const problems = await bindProblems(bindings(cfg, roles))
  if (!problems.length) return
  const setting = (b: Binding) => (flags[b.key] ? `--${flags[b.key]} (config ${b.key})` : `config ${b.key}`)
  const at = (b: Binding) => `${b.host === null ? '' : b.host.includes(':') ? `[${b.host}]` : b.host}:${b.port}`
  const lines = problems.map((p) =>
    p.other
      ? `port ${p.port} is given twice, to ${p.other.what} and ${p.what}; change ${setting(p)} or ${setting(p.other)}`
      : `port ${at(p)} (${p.what}) is ${p.problem}; choose another with ${setting(p)}`,
  )
  throw new UsageError(lines.join('\n'), 'port 0 picks any free port; `ss -ltnp` shows what holds a port')
}
