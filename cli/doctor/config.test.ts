// What doctor reads from a configuration alone: secrets and exposure, on configurations built here.
import { describe, expect, it } from 'vitest'
import { loadConfig, type GochatConfig } from '../../src/config/index.js'
import { exposureChecks, secretChecks } from './config.js'

const LONG = 'x'.repeat(40)
const config = (flags: Record<string, unknown>): GochatConfig => loadConfig({ flags, env: {} })
const status = (checks: ReturnType<typeof secretChecks>, target: string) =>
  checks.find((c) => c.target === target)?.status

describe('secretChecks', () => {
  it('fails the public default jwt_secret and one shared with admin_secret', () => {
    const checks = secretChecks(config({ admin_secret: 'gochat-dev-secret-change-me' }))
    expect(status(checks, 'jwt_secret')).toBe('fail')
    expect(status(checks, 'admin_secret')).toBe('fail')
  })

  it('warns of a short admin_secret; all long and distinct: ok', () => {
    expect(status(secretChecks(config({ jwt_secret: LONG, admin_secret: 'sixteen-chars-ok' })), 'admin_secret')).toBe(
      'warn',
    )
    const good = secretChecks(config({ jwt_secret: LONG, admin_secret: `a${LONG}`, rpc_secret: `r${LONG}` }))
    expect(good.map((c) => c.status)).toEqual(['ok', 'ok', 'ok'])
  })

  it('fails a missing rpc_secret when gRPC listens beyond loopback without mutual TLS', () => {
    const checks = secretChecks(config({ jwt_secret: LONG, logic_listen: '0.0.0.0:50051' }))
    expect(status(checks, 'rpc_secret')).toBe('fail')
  })
})

describe('exposureChecks', () => {
  it('warns of a public gateway over plain http and public monitor ports; loopback is ok', () => {
    const checks = exposureChecks(config({ jwt_secret: LONG, metrics_host: '0.0.0.0' }), [
      'http://10.1.2.3:8080',
      'https://chat.example.com',
      'http://127.0.0.1:8080',
    ])
    expect(checks.find((c) => c.target === 'http://10.1.2.3:8080')?.status).toBe('warn')
    expect(checks.find((c) => c.target === 'https://chat.example.com')?.status).toBe('ok')
    expect(checks.find((c) => c.target === 'http://127.0.0.1:8080')?.status).toBe('ok')
    expect(checks.find((c) => c.target === 'metrics_host 0.0.0.0')?.status).toBe('warn')
  })

  it('public gRPC: fail without a caller check, warn with rpc_secret alone', () => {
    const open = exposureChecks(config({ jwt_secret: LONG, repo_listen: '0.0.0.0:50052' }), [])
    expect(open.find((c) => c.target === 'repo_listen 0.0.0.0:50052')?.status).toBe('fail')
    const secret = exposureChecks(
      config({ jwt_secret: LONG, repo_listen: '0.0.0.0:50052', rpc_secret: `r${LONG}` }),
      [],
    )
    expect(secret.find((c) => c.target === 'repo_listen 0.0.0.0:50052')?.status).toBe('warn')
  })

  it('engines over a network without TLS are a warning', () => {
    const checks = exposureChecks(
      config({ jwt_secret: LONG, kafka_brokers: '10.0.0.5:9092', redis_url: 'redis://10.0.0.6:6379' }),
      [],
    )
    expect(checks.filter((c) => c.area === 'tls').map((c) => [c.target, c.status])).toEqual([
      ['kafka_tls', 'warn'],
      ['redis_url', 'warn'],
    ])
  })
})
