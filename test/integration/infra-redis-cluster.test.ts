// `gochat infra up --redis-cluster`: three cluster nodes on 127.0.0.1:7001–7003, shown node by node in
// `infra status`, a context whose redis is the cluster, a cache round-trip through RedisCache on it, and the
// cluster's down (what `infra down` runs for it) leaves nothing listening. The shared services already answer,
// so `infra up` only starts the cluster. Not `infra down` itself: it would also stop a Kafka, MariaDB or Redis
// this checkout's `infra up` started, which other suites use.
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import type { StatusResult, UpResult } from '../../infra/index.js'
import { portAnswers } from '../../infra/net.js'
import { REDIS_CLUSTER_PORTS, REDIS_CLUSTER_URL, redisClusterDown } from '../../infra/redis-cluster.js'
import { RedisCache } from '../../src/drivers/redis/cache.js'
import { infraAvailable } from '../helpers/infra.js'

const repoRoot = fileURLToPath(new URL('../../', import.meta.url))
const available = await infraAvailable('kafka', 'mysql', 'redis')
const configDir = mkdtempSync(join(tmpdir(), 'gochat-infra-rc-'))

const gochat = async (...args: string[]) =>
  (
    await promisify(execFile)('node', ['bin/run.js', ...args], {
      cwd: repoRoot,
      timeout: 90_000,
      env: { ...process.env, GOCHAT_CONFIG_DIR: configDir },
    })
  ).stdout

describe.skipIf(!available)('gochat infra up --redis-cluster', () => {
  afterAll(async () => {
    await redisClusterDown(() => undefined)
    rmSync(configDir, { recursive: true, force: true })
  })

  it('starts three nodes, registers the context, serves RedisCache, and its down leaves nothing listening', async () => {
    const up = JSON.parse(await gochat('infra', 'up', '--redis-cluster', '--json')) as UpResult & {
      context: { name: string }
    }
    const upNodes = up.components.filter((c) => /^redis-\d+$/.test(c.name))
    expect(upNodes.map((c) => c.address)).toEqual(REDIS_CLUSTER_PORTS.map((p) => `127.0.0.1:${p}`))
    expect(up.context.name).toBe('local-redis-cluster')
    const contexts = JSON.parse(readFileSync(join(configDir, 'contexts.json'), 'utf8'))
    expect(contexts.contexts['local-redis-cluster'].redis).toBe(REDIS_CLUSTER_URL)
    expect(REDIS_CLUSTER_URL).toBe('redis+cluster://127.0.0.1:7001,127.0.0.1:7002,127.0.0.1:7003')

    const status = JSON.parse(await gochat('infra', 'status', '--json')) as StatusResult
    const nodes = status.components.filter((c) => /^redis-\d+$/.test(c.name))
    expect(nodes.map((c) => c.name)).toEqual(['redis-7001', 'redis-7002', 'redis-7003'])
    for (const n of nodes) {
      expect(n, n.name).toMatchObject({ answers: true, startedByUs: true, url: REDIS_CLUSTER_URL })
      expect(n.pid, n.name).toBeGreaterThan(0)
      expect(existsSync(n.log!), `${n.name} log`).toBe(true)
    }
    // the shared Redis is still there, untouched
    expect(status.components.find((c) => c.name === 'redis')).toMatchObject({ answers: true })

    // keys on several slots, so on several masters
    const cache = new RedisCache(REDIS_CLUSTER_URL, { keyPrefix: `infra-rc-${Date.now()}:` })
    try {
      const keys = Array.from({ length: 20 }, (_, i) => `k${i}`)
      for (const k of keys) await cache.set(k, `v-${k}`, 60_000)
      expect(await cache.getMany(keys)).toEqual(keys.map((k) => `v-${k}`))
    } finally {
      await cache.close()
    }

    expect(await redisClusterDown(() => undefined)).toBe('stopped')
    for (const p of REDIS_CLUSTER_PORTS) expect(await portAnswers('127.0.0.1', p), `port ${p}`).toBe(false)
    const after = JSON.parse(await gochat('infra', 'status', '--json')) as StatusResult
    expect(after.components.filter((c) => /^redis-\d+$/.test(c.name))).toEqual([])
  }, 120_000)
})
