// Who may call a role's gRPC, over real gRPC on TCP: the shared secret (missing or wrong: refused
// UNAUTHENTICATED and logged once per peer; right: served), mutual TLS (a caller whose certificate another CA
// signed, or without one, never gets an answer), and the refusal to serve a non-loopback address unguarded.
import { afterAll, describe, expect, it, vi } from 'vitest'
import { ConfigError } from '../config/load.js'
import { log } from '../observability/log.js'
import { makeCa } from '../../test/helpers/certs.js'
import { logicClient, logicDefinition } from './client.js'
import { checkRpcExposure, type RpcSecurity, rpcSecurityFromConfig } from './security.js'
import { startGrpcServer, stopGrpcServer } from './server.js'

const SECRET = 'a-shared-secret-of-at-least-32-characters'
const api = new Proxy(
  {},
  { get: (_, name) => (name === 'Guest' ? async () => ({ user_id: 'u_1' }) : async () => ({})) },
)

async function serve(security: RpcSecurity) {
  const { server, address } = await startGrpcServer(
    '127.0.0.1:0',
    [{ definition: logicDefinition(), api }],
    'logic',
    security,
  )
  return { address, stop: () => stopGrpcServer(server, 100) }
}

async function guest(address: string, security: RpcSecurity) {
  const client = logicClient(address, 'gateway', security)
  try {
    return await client.Guest({ display_name: 'x' }).then(
      (res) => ({ ok: true as const, res }),
      (err: unknown) => ({ ok: false as const, err }),
    )
  } finally {
    client.close()
  }
}

describe('rpc_secret', () => {
  it('serves a call with the secret, refuses one without or with another, and warns once per peer', async () => {
    const srv = await serve({ secret: SECRET })
    const warn = vi.spyOn(log, 'warn')
    try {
      expect(await guest(srv.address, { secret: SECRET })).toMatchObject({ ok: true, res: { user_id: 'u_1' } })
      for (const security of [{}, { secret: `${SECRET}-not` }, {}]) {
        const answer = await guest(srv.address, security)
        expect(answer.ok).toBe(false)
        // the caller reports its own failure (internal), never its client's credentials
        expect(answer).toMatchObject({ err: { code: 'internal', message: 'internal error' } })
      }
      const refusals = warn.mock.calls.filter(([msg]) => String(msg).startsWith('gRPC call refused'))
      expect(refusals).toHaveLength(1)
      expect(refusals[0]![1]).toMatchObject({ peer: expect.stringContaining('127.0.0.1') })
      expect(JSON.stringify(warn.mock.calls)).not.toContain(SECRET)
    } finally {
      warn.mockRestore()
      await srv.stop()
    }
  })
})

describe('mutual TLS', () => {
  const ca = makeCa('rpc')
  const rogue = makeCa('rogue')
  afterAll(() => {
    ca.remove()
    rogue.remove()
  })
  const tlsConfig = (c: typeof ca, name: string) => {
    const { cert, key } = c.issue(name, ['gochat-internal'])
    return { rpc_tls_ca: ca.ca, rpc_tls_cert: cert, rpc_tls_key: key, rpc_secret: null, rpc_tls_server_name: null }
  }

  it('serves a caller whose certificate the CA signed, and no other', async () => {
    const srv = await serve(rpcSecurityFromConfig(tlsConfig(ca, 'logic')))
    try {
      expect(await guest(srv.address, rpcSecurityFromConfig(tlsConfig(ca, 'gateway')))).toMatchObject({ ok: true })
      // one shared name instead of the dialled address
      const named = rpcSecurityFromConfig({ ...tlsConfig(ca, 'gateway-2'), rpc_tls_server_name: 'gochat-internal' })
      expect(await guest(srv.address, named)).toMatchObject({ ok: true })
      // signed by another CA (which the client trusts to be sure the server side is what refuses it)
      const other = rpcSecurityFromConfig(tlsConfig(rogue, 'intruder'))
      expect(await guest(srv.address, other)).toMatchObject({ ok: false, err: { code: 'unavailable' } })
      // no certificate at all: plaintext to a TLS port
      expect(await guest(srv.address, {})).toMatchObject({ ok: false, err: { code: 'unavailable' } })
    } finally {
      await srv.stop()
    }
  })

  it('names what is missing or unreadable', () => {
    const base = { rpc_secret: null, rpc_tls_server_name: null, rpc_tls_cert: null, rpc_tls_key: null }
    expect(() => rpcSecurityFromConfig({ ...base, rpc_tls_ca: ca.ca })).toThrow(
      /needs rpc_tls_ca, rpc_tls_cert and rpc_tls_key together; rpc_tls_cert and rpc_tls_key are not set/,
    )
    expect(() =>
      rpcSecurityFromConfig({ ...base, rpc_tls_ca: '/nonexistent/ca.pem', rpc_tls_cert: ca.ca, rpc_tls_key: ca.caKey }),
    ).toThrow(/cannot read rpc_tls_ca \/nonexistent\/ca.pem: ENOENT/)
  })
})

describe('checkRpcExposure', () => {
  it('refuses an unguarded non-loopback address, before anything listens', async () => {
    expect(() => checkRpcExposure('0.0.0.0:50051', {})).toThrow(ConfigError)
    expect(() => checkRpcExposure('10.0.0.7:50051', {})).toThrow(/rpc_secret/)
    await expect(startGrpcServer('0.0.0.0:0', [{ definition: logicDefinition(), api }])).rejects.toThrow(ConfigError)
    expect(() => checkRpcExposure('127.0.0.1:50051', {})).not.toThrow()
    expect(() => checkRpcExposure('[::1]:50051', {})).not.toThrow()
    expect(() => checkRpcExposure('0.0.0.0:50051', { secret: SECRET })).not.toThrow()
  })
})
