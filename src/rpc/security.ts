// Who may call a role's gRPC: a shared secret checked on every call (rpc_secret, sent as the `gochat-rpc-secret`
// metadata, compared in constant time) and/or mutual TLS (rpc_tls_ca, rpc_tls_cert, rpc_tls_key: the server
// asks every caller for a certificate signed by the CA, the caller checks the server's against the same CA, under
// rpc_tls_server_name when the certificate does not name the dialled address). Both may be on together.
//
// Default: off on loopback; a role that serves gRPC on any other address refuses to start without one of them
// (checkRpcExposure), since the internal API trusts its caller (it stores messages as any sender, issues no
// tokens of its own). `gochat cluster up` makes a secret for its children; `gochat up` calls in process.
import { createHash, timingSafeEqual } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { isIP } from 'node:net'
import { type ChannelCredentials, credentials, type Metadata, ServerCredentials } from '@grpc/grpc-js'
import type { GochatConfig } from '../config/index.js'
import { ConfigError } from '../config/load.js'
import { log } from '../observability/log.js'

export const SECRET_METADATA = 'gochat-rpc-secret'

export interface RpcSecurity {
  secret?: string | null
  tls?: { ca: Buffer; cert: Buffer; key: Buffer; serverName?: string | null } | null
}

type RpcSecurityConfig = Pick<
  GochatConfig,
  'rpc_secret' | 'rpc_tls_ca' | 'rpc_tls_cert' | 'rpc_tls_key' | 'rpc_tls_server_name'
>

/** The security of a process's gRPC from config: reads the TLS files, naming a missing or unreadable one. */
export function rpcSecurityFromConfig(cfg: RpcSecurityConfig): RpcSecurity {
  const files = { rpc_tls_ca: cfg.rpc_tls_ca, rpc_tls_cert: cfg.rpc_tls_cert, rpc_tls_key: cfg.rpc_tls_key }
  const given = Object.entries(files).filter(([, v]) => v)
  if (given.length === 0) return { secret: cfg.rpc_secret }
  const missing = Object.entries(files).filter(([, v]) => !v)
  if (missing.length)
    throw new ConfigError(
      `mutual TLS between roles needs rpc_tls_ca, rpc_tls_cert and rpc_tls_key together; ${missing.map(([k]) => k).join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set`,
    )
  const read = (key: string, file: string) => {
    try {
      return readFileSync(file)
    } catch (err) {
      throw new ConfigError(
        `cannot read ${key} ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      )
    }
  }
  return {
    secret: cfg.rpc_secret,
    tls: {
      ca: read('rpc_tls_ca', files.rpc_tls_ca!),
      cert: read('rpc_tls_cert', files.rpc_tls_cert!),
      key: read('rpc_tls_key', files.rpc_tls_key!),
      serverName: cfg.rpc_tls_server_name,
    },
  }
}

export const isLoopback = (host: string) =>
  host === 'localhost' || host === '::1' || host === '[::1]' || (isIP(host) === 4 && host.startsWith('127.'))

/** Refuses to serve the internal API on a non-loopback address with neither a secret nor mutual TLS. */
export function checkRpcExposure(address: string, sec: RpcSecurity): void {
  const host = address.slice(0, address.lastIndexOf(':'))
  if (sec.secret || sec.tls || isLoopback(host)) return
  throw new ConfigError(
    `gRPC would listen on ${address} with no caller check: anyone who reaches it could store messages as any user. ` +
      'Set the same rpc_secret in every process (GOCHAT_RPC_SECRET="$(openssl rand -base64 48)") and/or mutual TLS ' +
      '(rpc_tls_ca, rpc_tls_cert, rpc_tls_key), or listen on 127.0.0.1 (docs/security.md)',
  )
}

export function serverCredentials(sec: RpcSecurity): ServerCredentials {
  if (!sec.tls) return ServerCredentials.createInsecure()
  // true: a caller without a certificate signed by the CA fails the handshake
  return ServerCredentials.createSsl(sec.tls.ca, [{ cert_chain: sec.tls.cert, private_key: sec.tls.key }], true)
}

export function channelCredentials(sec: RpcSecurity): ChannelCredentials {
  if (!sec.tls) return credentials.createInsecure()
  return credentials.createSsl(sec.tls.ca, sec.tls.key, sec.tls.cert)
}

/** channel options for the client: the name the server's certificate is checked against, when set */
export const channelOptions = (sec: RpcSecurity): Record<string, string> =>
  sec.tls?.serverName ? { 'grpc.ssl_target_name_override': sec.tls.serverName } : {}

const digest = (s: string) => createHash('sha256').update(s).digest()

/** A check of each call's secret; undefined when no secret is configured. */
export function secretCheck(secret: string | null | undefined): ((md: Metadata, peer: string) => boolean) | undefined {
  if (!secret) return undefined
  const want = digest(secret)
  // one warn line per peer host, not one per refused call (a misconfigured peer retries all the time)
  const warned = new Set<string>()
  return (md, peer) => {
    const given = md.get(SECRET_METADATA)[0]
    // digests of equal length: the comparison takes the same time whatever was sent
    if (given !== undefined && timingSafeEqual(digest(String(given)), want)) return true
    const host = peer.replace(/:\d+$/, '')
    if (!warned.has(host) && warned.size < 1000) {
      warned.add(host)
      log.warn('gRPC call refused: rpc_secret missing or wrong', { peer: host, sent: given !== undefined })
    }
    return false
  }
}
