// The listeners a process of some roles opens, from config, and which of them cannot be bound now.
import { createServer } from 'node:net'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../src/config/index.js'
import { bindProblems, bindings } from './bindings.js'
import { roleNames } from './system.js'

const config = (flags: Record<string, unknown>) => loadConfig({ env: {}, flags })

describe('bindings', () => {
  it('all roles in one process: the gateway and the shared monitor port, no gRPC', () => {
    const list = bindings(config({ gateway_host: '127.0.0.1' }), roleNames)
    expect(list.map((b) => [b.key, b.host, b.port])).toEqual([
      ['gateway_port', '127.0.0.1', 8080],
      ['task_metrics_port', '127.0.0.1', 9093],
    ])
  })

  it('a role alone: its monitor port and its gRPC address, named by the key that set it; port 0 left out', () => {
    const list = bindings(config({ logic_listen: '0.0.0.0:50061', logic_metrics_port: 0 }), ['logic'])
    expect(list.map((b) => [b.key, b.host, b.port])).toEqual([['logic_listen', '0.0.0.0', 50061]])
    const repo = bindings(config({}), ['repo'])
    expect(repo.map((b) => [b.key, b.port])).toEqual([
      ['repo_metrics_port', 9094],
      ['repo_addr', 50052],
    ])
  })
})

describe('bindProblems', () => {
  it('a port in use, and one port given to two listeners on overlapping addresses', async () => {
    const held = createServer()
    await new Promise<void>((r) => held.listen(0, '127.0.0.1', r))
    const port = (held.address() as { port: number }).port
    try {
      const problems = await bindProblems([
        { key: 'gateway_port', host: '127.0.0.1', port, what: 'gateway' },
        { key: 'task_metrics_port', host: null, port: 1, what: 'metrics' },
        { key: 'logic_addr', host: '127.0.0.1', port: 1, what: 'gRPC' },
      ])
      expect(problems.find((p) => p.key === 'gateway_port')?.problem).toBe('in use')
      expect(problems.find((p) => p.key === 'logic_addr')).toMatchObject({
        problem: 'twice',
        other: { key: 'task_metrics_port' },
      })
    } finally {
      held.close()
    }
  })
})
