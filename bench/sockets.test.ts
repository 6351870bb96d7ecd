// Where a large run's sockets go: the limits read from /proc, the spread over loopback source addresses, and a real
// pool that outgrows its descriptor budget moving its workers into child processes, whose sockets are seen in the
// kernel's own table coming from several addresses.
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { establishedTo } from '../test/helpers/tcp-table.js'
import { BaselineServer } from './baseline/spawn.js'
import { descriptorLimit, ephemeralPorts, loopbackSource, processesFor, spreadSources } from './sockets.js'
import type { Endpoint } from './endpoints.js'
import { WorkerPool } from './worker-pool.js'
import type { ReceiverSpec } from './worker-protocol.js'

const LIMITS = `Limit                     Soft Limit           Hard Limit           Units
Max cpu time              unlimited            unlimited            seconds
Max open files            20000                20000                files
`

describe('socket limits', () => {
  it('reads the soft descriptor limit and the ephemeral port range', () => {
    expect(descriptorLimit(LIMITS)).toBe(20_000)
    expect(descriptorLimit(LIMITS.replace('20000 ', 'unlimited'))).toBe(1_048_576)
    expect(descriptorLimit('')).toBe(10_240)
    expect(ephemeralPorts('32768\t60999\n')).toBe(28_232)
    expect(ephemeralPorts('')).toBe(16_384)
  })

  it('asks for as many processes as the descriptors need', () => {
    const l = { perProcess: 19_000, perAddress: 19_762 }
    expect(processesFor(5000, l)).toBe(1)
    expect(processesFor(19_000, l)).toBe(1)
    expect(processesFor(19_001, l)).toBe(2)
    expect(processesFor(101_999, l)).toBe(6)
  })

  it('spreads loopback endpoints evenly over just enough source addresses, from 127.0.0.2', () => {
    const eps = Array.from(
      { length: 100_000 },
      (_, k): Endpoint => ({
        dialect: 'gochat',
        url: k % 2 ? 'http://127.0.0.1:8080' : 'http://localhost:8081',
      }),
    )
    const spread = spreadSources(eps, 19_762)
    const per = new Map<string, number>()
    for (const e of spread) per.set(e.localAddress!, (per.get(e.localAddress!) ?? 0) + 1)
    expect([...per.keys()].sort()).toEqual([
      '127.0.0.2',
      '127.0.0.3',
      '127.0.0.4',
      '127.0.0.5',
      '127.0.0.6',
      '127.0.0.7',
    ])
    for (const n of per.values()) expect(n).toBeLessThanOrEqual(19_762)
    expect(Math.max(...per.values()) - Math.min(...per.values())).toBeLessThanOrEqual(1)
    expect(loopbackSource(254)).toBe('127.0.1.0')
  })

  it('leaves endpoints on other hosts to the system, and a small run on one address', () => {
    const remote = spreadSources<Endpoint>([{ dialect: 'ws', url: 'http://10.0.0.7:8080' }], 10)
    expect(remote[0]!.localAddress).toBeUndefined()
    const small = spreadSources(
      Array.from({ length: 50 }, (): Endpoint => ({ dialect: 'ws', url: 'http://127.0.0.1:1' })),
      100,
    )
    expect(new Set(small.map((e) => e.localAddress))).toEqual(new Set(['127.0.0.2']))
  })
})

const socketsTo = (port: number) => establishedTo(port, readFileSync('/proc/net/tcp', 'utf8'))

describe.skipIf(process.platform !== 'linux')('a pool past its descriptor budget', () => {
  let server: BaselineServer | undefined
  let pool: WorkerPool | undefined
  afterEach(async () => {
    await pool?.close()
    await server?.stop()
  })

  it('moves its workers into child processes and connects from several loopback addresses', async () => {
    server = await BaselineServer.start('ws')
    const port = Number(new URL(server.url).port)
    pool = await WorkerPool.start(1, { perProcess: 150, perAddress: 120 })
    const receivers: ReceiverSpec[] = Array.from({ length: 300 }, () => ({
      dialect: 'ws',
      url: server!.url,
      conversationId: 'bench',
    }))
    const answer = await pool.connect('run', 1, receivers, 16)
    expect(answer).toMatchObject({ opened: 300, failed: 0 })
    expect(pool.description).toBe('2 client processes')
    const by = socketsTo(port)
    expect([...by.keys()].sort()).toEqual(['127.0.0.2', '127.0.0.3', '127.0.0.4'])
    expect([...by.values()]).toEqual([100, 100, 100])
    expect((await pool.counts()).length).toBe(2)
    const result = await pool.collect()
    expect(result.workers).toHaveLength(2)
    // the child processes' own CPU is counted (the harness's figure would otherwise miss it)
    expect(result.childProcessCpuMs).toBeGreaterThan(0)
  }, 60_000)
})
