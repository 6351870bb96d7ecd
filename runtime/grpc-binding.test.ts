import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../src/config/index.js'
import { grpcBinding } from './grpc-binding.js'

const cfg = (env: Record<string, string>) => loadConfig({ env, file: '/dev/null' })

describe('bind and advertised gRPC addresses', () => {
  it('binds and advertises *_addr when *_listen is unset, as on one host', () => {
    const b = grpcBinding(cfg({}), 'logic')
    expect(b.listen).toBe('127.0.0.1:50051')
    expect(b.advertise('127.0.0.1:50051')).toBe('127.0.0.1:50051')
    const r = grpcBinding(cfg({ GOCHAT_REPO_ADDR: '127.0.0.1:0' }), 'repo')
    expect(r.advertise('127.0.0.1:41234')).toBe('127.0.0.1:41234')
  })

  it('binds *_listen and advertises *_addr, port 0 standing for the bound port', () => {
    const fixed = grpcBinding(
      cfg({ GOCHAT_LOGIC_LISTEN: '0.0.0.0:50051', GOCHAT_LOGIC_ADDR: '10.0.0.4:50051' }),
      'logic',
    )
    expect(fixed.listen).toBe('0.0.0.0:50051')
    expect(fixed.advertise('0.0.0.0:50051')).toBe('10.0.0.4:50051')
    const free = grpcBinding(cfg({ GOCHAT_REPO_LISTEN: '0.0.0.0:0', GOCHAT_REPO_ADDR: '10.0.0.5:0' }), 'repo')
    expect(free.listen).toBe('0.0.0.0:0')
    expect(free.advertise('0.0.0.0:40999')).toBe('10.0.0.5:40999')
  })

  it('refuses a list as the address to bind, naming the key that fixes it', () => {
    const list = cfg({ GOCHAT_REPO_ADDR: '10.0.0.1:50052,10.0.0.2:50052' })
    expect(() => grpcBinding(list, 'repo')).toThrow(ConfigError)
    expect(() => grpcBinding(list, 'repo')).toThrow(/repo_addr is a list .* set repo_listen/)
    // with its own listen address a repo in a list reports what it bound
    const own = grpcBinding(
      cfg({ GOCHAT_REPO_ADDR: '10.0.0.1:50052,10.0.0.2:50052', GOCHAT_REPO_LISTEN: '10.0.0.2:50052' }),
      'repo',
    )
    expect(own.advertise('10.0.0.2:50052')).toBe('10.0.0.2:50052')
  })

  it('refuses malformed listen and metrics addresses with the key, the source and the expected form', () => {
    expect(() => cfg({ GOCHAT_LOGIC_LISTEN: '0.0.0.0' })).toThrow(
      /invalid logic_listen from environment GOCHAT_LOGIC_LISTEN: "0.0.0.0" \(expected one host:port\); expected one host:port/,
    )
    expect(() => cfg({ GOCHAT_REPO_LISTEN: '1.2.3.4:1,5.6.7.8:2' })).toThrow(/invalid repo_listen/)
    expect(() => cfg({ GOCHAT_REPO_LISTEN: '0.0.0.0:70000' })).toThrow(/port above 65535/)
    expect(() => cfg({ GOCHAT_METRICS_HOST: 'a b' })).toThrow(
      /invalid metrics_host .*expected an IP address or host name/,
    )
    expect(cfg({ GOCHAT_LOGIC_LISTEN: '[::]:50051', GOCHAT_METRICS_HOST: '0.0.0.0' })).toMatchObject({
      logic_listen: '[::]:50051',
      metrics_host: '0.0.0.0',
      repo_listen: null,
    })
  })
})
