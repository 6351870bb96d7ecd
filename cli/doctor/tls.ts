// TLS where the configuration asks for it: each certificate file it names is readable and valid, and each TLS
// endpoint (Kafka brokers, Redis, the roles' gRPC) completes a verified handshake with those files. MySQL
// negotiates TLS inside its own protocol: its files are checked, its handshake is left to `gochat db migrate`.
import { X509Certificate } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { isIP } from 'node:net'
import { connect } from 'node:tls'
import type { GochatConfig } from '../../src/config/index.js'
import { parseRedisUrl } from '../../src/drivers/redis/connection.js'
import { type Check, fail, ok, warn } from './check.js'

const TIMEOUT_MS = 3000
const SOON_MS = 14 * 86_400_000

type Pem = { ca?: Buffer; cert?: Buffer; key?: Buffer }

/** the certificate files of the config: one check each (readable, a certificate, valid now and for 14 days) */
function fileChecks(cfg: GochatConfig): Check[] {
  const keys = [
    'kafka_tls_ca',
    'kafka_tls_cert',
    'mysql_tls_ca',
    'mysql_tls_cert',
    'redis_tls_ca',
    'redis_tls_cert',
    'rpc_tls_ca',
    'rpc_tls_cert',
  ] as const
  return keys.flatMap((key): Check[] => {
    const file = cfg[key]
    if (!file) return []
    let cert: X509Certificate
    try {
      cert = new X509Certificate(readFileSync(file))
    } catch (err) {
      const why = (err as NodeJS.ErrnoException).code ?? (err as Error).message
      return [
        fail('tls', `${key} ${file}`, `not a readable PEM certificate (${why})`, `fix the path or the file of ${key}`),
      ]
    }
    const until = new Date(cert.validTo)
    if (until.getTime() < Date.now())
      return [fail('tls', `${key} ${file}`, `expired ${until.toISOString()}`, 'renew it')]
    if (until.getTime() - Date.now() < SOON_MS)
      return [warn('tls', `${key} ${file}`, `expires ${until.toISOString()}`, 'renew it before then')]
    return [ok('tls', `${key} ${file}`, `valid until ${until.toISOString()}`)]
  })
}

function pem(files: { ca?: string | null; cert?: string | null; key?: string | null }): Pem | null {
  try {
    return {
      ca: files.ca ? readFileSync(files.ca) : undefined,
      cert: files.cert ? readFileSync(files.cert) : undefined,
      key: files.key ? readFileSync(files.key) : undefined,
    }
  } catch {
    return null // the file check names it
  }
}

/** null when a verified TLS handshake with host:port completes, else why not */
function handshake(host: string, port: number, files: Pem, opts: { servername?: string | null; alpn?: string[] } = {}) {
  return new Promise<string | null>((resolve) => {
    const servername = opts.servername ?? (isIP(host) ? undefined : host)
    const sock = connect({ host, port, ...files, servername, ALPNProtocols: opts.alpn, rejectUnauthorized: true })
    const done = (why: string | null) => {
      sock.destroy()
      resolve(why)
    }
    sock.setTimeout(TIMEOUT_MS, () => done(`no handshake within ${TIMEOUT_MS / 1000} s`))
    sock.once('secureConnect', () => done(null))
    sock.once('error', (err: NodeJS.ErrnoException) => done(err.code ?? err.message))
  })
}

const split = (addr: string) => ({
  host: addr.slice(0, addr.lastIndexOf(':')).replace(/^\[|\]$/g, ''),
  port: Number(addr.slice(addr.lastIndexOf(':') + 1)),
})

async function endpointCheck(key: string, addr: string, files: Pem | null, opts?: Parameters<typeof handshake>[3]) {
  if (!files) return fail('tls', `${key} ${addr}`, 'its certificate files cannot be read', 'see the file checks above')
  const { host, port } = split(addr)
  const why = await handshake(host, port, files, opts)
  return why
    ? fail(
        'tls',
        `${key} ${addr}`,
        `TLS handshake failed (${why})`,
        'check that it is a TLS port and that its certificate is signed by the configured CA and names this host',
      )
    : ok('tls', `${key} ${addr}`, 'verified TLS handshake')
}

export async function tlsChecks(cfg: GochatConfig): Promise<Check[]> {
  const endpoints: Array<Promise<Check>> = []
  if (cfg.kafka_brokers.length && (cfg.kafka_tls || cfg.kafka_tls_ca)) {
    const files = pem({ ca: cfg.kafka_tls_ca, cert: cfg.kafka_tls_cert, key: cfg.kafka_tls_key })
    for (const b of cfg.kafka_brokers) endpoints.push(endpointCheck('kafka_tls', b, files))
  }
  if (cfg.redis_url) {
    const target = parseRedisUrl(cfg.redis_url)
    if (target.tls || cfg.redis_tls_ca) {
      const files = pem({ ca: cfg.redis_tls_ca, cert: cfg.redis_tls_cert, key: cfg.redis_tls_key })
      for (const n of target.nodes) endpoints.push(endpointCheck('redis_url', `${n.host}:${n.port}`, files))
    }
  }
  if (cfg.rpc_tls_ca && cfg.rpc_tls_cert && cfg.rpc_tls_key) {
    const files = pem({ ca: cfg.rpc_tls_ca, cert: cfg.rpc_tls_cert, key: cfg.rpc_tls_key })
    for (const key of ['logic_addr', 'repo_addr'] as const)
      for (const addr of cfg[key].split(','))
        endpoints.push(endpointCheck(key, addr, files, { servername: cfg.rpc_tls_server_name, alpn: ['h2'] }))
  }
  return [...fileChecks(cfg), ...(await Promise.all(endpoints))]
}
