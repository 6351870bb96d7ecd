// A chaos target with or without the supervised Cluster: which faults it can take, before any traffic.
import { describe, expect, it } from 'vitest'
import { Cluster } from '../../runtime/cluster.js'
import { injectFault } from './faults.js'
import { toTarget } from './target.js'

const gatewaysOnly = { gatewayUrls: ['http://127.0.0.1:1'], adminSecret: 'x'.repeat(16) }

describe('chaos targets', () => {
  it('a Cluster becomes a target with its Redis, key prefix and itself (not started: nothing runs)', () => {
    const cluster = new Cluster({
      gateways: 1,
      tasks: 1,
      kafka: '127.0.0.1:1',
      mysql: 'mysql://root@127.0.0.1:1/x',
      redis: 'redis://127.0.0.1:1',
      topicPrefix: 'p',
      env: { GOCHAT_REDIS_KEY_PREFIX: 'p:' },
    })
    const t = toTarget(cluster)
    expect(t.cluster).toBe(cluster)
    expect(t.redis).toEqual({ url: 'redis://127.0.0.1:1', keyPrefix: 'p:' })
    expect(t.adminSecret).toBe(cluster.adminSecret)
  })

  it('a target without a Cluster takes none and refuses process faults, saying why', async () => {
    expect(toTarget(gatewaysOnly)).toBe(gatewaysOnly)
    await expect(injectFault(gatewaysOnly, 'none', 0)).resolves.toBeUndefined()
    for (const fault of ['kill:task', 'redis:restart', 'kafka:restart'])
      await expect(injectFault(gatewaysOnly, fault, 0)).rejects.toThrow(/needs a cluster the run supervises/)
    await expect(injectFault(gatewaysOnly, 'redis:flush', 0)).rejects.toThrow(/needs the deployment's Redis/)
  })
})
