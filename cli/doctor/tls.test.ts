// doctor's TLS checks against a TLS server of this test with throwaway certificates: a verified handshake is ok,
// a CA that did not sign the server's certificate and a port that is not listening fail, and certificates that
// expire within 14 days (these live 2 days) are a warning.
import { readFileSync } from 'node:fs'
import { createServer as createNetServer } from 'node:net'
import { createServer, type Server } from 'node:tls'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config/index.js'
import { makeCa, type TestCa } from '../../test/helpers/certs.js'
import { tlsChecks } from './tls.js'

const LONG = 'x'.repeat(40)

describe('tlsChecks', () => {
  let ca: TestCa
  let other: TestCa
  let server: Server
  let port: number
  let closed: number
  beforeAll(async () => {
    ca = makeCa('doctor')
    other = makeCa('other')
    const s = ca.issue('server')
    server = createServer({
      key: readFileSync(s.key),
      cert: readFileSync(s.cert),
      ca: readFileSync(ca.ca),
      requestCert: true,
      rejectUnauthorized: true,
      ALPNProtocols: ['h2'],
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    port = (server.address() as { port: number }).port
    const n = createNetServer()
    await new Promise<void>((r) => n.listen(0, '127.0.0.1', r))
    closed = (n.address() as { port: number }).port
    await new Promise((r) => n.close(r))
  })
  afterAll(() => {
    server?.close()
    ca?.remove()
    other?.remove()
  })

  const rpcConfig = (caFile: string) => {
    const client = ca.issue('client')
    return loadConfig({
      env: {},
      flags: {
        jwt_secret: LONG,
        rpc_tls_ca: caFile,
        rpc_tls_cert: client.cert,
        rpc_tls_key: client.key,
        logic_addr: `127.0.0.1:${port}`,
        repo_addr: `127.0.0.1:${closed}`,
      },
    })
  }

  it('a verified handshake is ok; a closed port fails; short-lived certificates warn', async () => {
    const checks = await tlsChecks(rpcConfig(ca.ca))
    expect(checks.find((c) => c.target === `logic_addr 127.0.0.1:${port}`)).toMatchObject({
      status: 'ok',
      detail: 'verified TLS handshake',
    })
    expect(checks.find((c) => c.target === `repo_addr 127.0.0.1:${closed}`)).toMatchObject({
      status: 'fail',
      detail: 'TLS handshake failed (ECONNREFUSED)',
    })
    const files = checks.filter((c) => /^rpc_tls_(ca|cert) /.test(c.target))
    expect(files.map((c) => c.status)).toEqual(['warn', 'warn'])
  })

  it('a CA that did not sign the server certificate fails the handshake', async () => {
    const checks = await tlsChecks(rpcConfig(other.ca))
    expect(checks.find((c) => c.target === `logic_addr 127.0.0.1:${port}`)).toMatchObject({
      status: 'fail',
      detail: expect.stringMatching(/^TLS handshake failed/),
    })
  })

  it('a certificate file that cannot be read fails, naming its key', async () => {
    const cfg = loadConfig({ env: {}, flags: { jwt_secret: LONG, mysql_tls_ca: '/nonexistent/ca.pem' } })
    expect(await tlsChecks(cfg)).toEqual([
      expect.objectContaining({ target: 'mysql_tls_ca /nonexistent/ca.pem', status: 'fail' }),
    ])
  })
})
