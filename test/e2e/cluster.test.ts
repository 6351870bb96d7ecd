// The core path suite against separately started role processes on real Kafka, MariaDB and Redis, with two
// gateway instances (clients are spread over both) and two repo instances (logic and task call both).
import { afterAll, describe, expect, it } from 'vitest'
import { Redis } from 'ioredis'
import { infraAvailable, REDIS } from '../helpers/infra.js'
import { useCluster } from '../helpers/cluster-run.js'
import { chatSuite } from './chat.suite.js'

describe.skipIf(!(await infraAvailable('kafka', 'mysql', 'redis')))('real infrastructure, separate processes', () => {
  const c = useCluster('e2e', { repos: 2, env: { GOCHAT_LOG_LEVEL: 'info' } })
  const suite = chatSuite('core path on a cluster (2 gateways, 2 repos)', { gateways: () => c.cluster.gatewayUrls })
  it('spreads repo calls over both repo instances, and one of them relays the outbox', async () => {
    const metric = async (name: string, metricName: string) => {
      const text = await (await fetch(c.cluster.procs.get(name)!.healthUrl.replace('/health', '/metrics'))).text()
      return text
        .split('\n')
        .filter((l) => l.startsWith(metricName))
        .reduce((sum, l) => sum + Number(l.split(' ').at(-1)), 0)
    }
    for (const repo of ['repo', 'repo-2'])
      expect(await metric(repo, 'gochat_grpc_server_duration_seconds_count{'), repo).toBeGreaterThan(10)
    expect(
      (await metric('repo', 'gochat_repo_outbox_relay_active')) +
        (await metric('repo-2', 'gochat_repo_outbox_relay_active')),
    ).toBe(1)
  })
  it('keeps every Redis key of the deployment under its redis_key_prefix', async () => {
    // the suite above has registered presence by now (its sockets are still open)
    const redis = new Redis(REDIS)
    try {
      const [, ours] = await redis.scan('0', 'MATCH', `${c.redisKeyPrefix}*`, 'COUNT', 100_000)
      const presenceKeys = ours.map((k) => k.slice(c.redisKeyPrefix.length)).filter((k) => k.startsWith('presence:{'))
      expect(presenceKeys.length).toBeGreaterThan(0)
      // the same keys without the prefix do not exist (other suites share this Redis, with other users)
      expect(await redis.exists(...presenceKeys)).toBe(0)
    } finally {
      redis.disconnect()
    }
  })
  it('drains every role on SIGTERM and each exits 0', async () => {
    await suite.closeSockets()
    expect(await c.cluster.stop()).toEqual({ repo: 0, 'repo-2': 0, logic: 0, 'task-1': 0, 'gw-1': 0, 'gw-2': 0 })
  }, 60_000)
  afterAll(() => suite.closeSockets())
})
