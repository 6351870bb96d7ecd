// The roles as separate processes on a three-master Redis Cluster of the test's own (redis+cluster://), with real
// Kafka and MariaDB, calling each other over mutual TLS with cluster up's rpc_secret: the core path suite (login,
// send, receive, presence, fanout) passes, and the deployment's seq counters (async persistence's) and presence
// are spread over the masters.
import { readFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { Redis } from 'ioredis'
import { infraAvailable } from '../helpers/infra.js'
import { useCluster } from '../helpers/cluster-run.js'
import { startRedisCluster } from '../helpers/redis-server.js'
import { makeCa } from '../helpers/certs.js'
import { repoClient } from '../../src/rpc/client.js'
import { chatSuite } from './chat.suite.js'

const rc = await startRedisCluster(3)
const ca = makeCa('rpc')
const role = ca.issue('role', ['gochat-internal'])
afterAll(async () => {
  await rc.stop()
  ca.remove()
}, 30_000)

describe.skipIf(!(await infraAvailable('kafka', 'mysql')))('roles on a Redis Cluster', () => {
  const c = useCluster('rcl', {
    redis: rc.url,
    tasks: 1,
    gateways: 1,
    env: {
      GOCHAT_RPC_TLS_CA: ca.ca,
      GOCHAT_RPC_TLS_CERT: role.cert,
      GOCHAT_RPC_TLS_KEY: role.key,
      GOCHAT_RPC_TLS_SERVER_NAME: 'gochat-internal',
    },
  })
  const suite = chatSuite('core path on a Redis Cluster (3 masters)', {
    gateways: () => c.cluster.gatewayUrls,
  })
  it('serves gRPC only over TLS: a plaintext call to repo gets no answer', async () => {
    const client = repoClient(c.cluster.repoAddr!.split(',')[0]!, 'task', { secret: c.cluster.rpcSecret })
    try {
      await expect(client.GetUser({ user_id: 'u_nobody' })).rejects.toMatchObject({ code: 'unavailable' })
    } finally {
      client.close()
    }
  })
  it('spreads seq counters and presence over the masters', async () => {
    // sync sends (the suite's) use no counter: allocate async persistence's seqs, as logic does in that mode
    const tls = { ca: readFileSync(ca.ca), cert: readFileSync(role.cert), key: readFileSync(role.key) }
    const repo = repoClient(c.cluster.repoAddr!.split(',')[0]!, 'logic', {
      secret: c.cluster.rpcSecret,
      tls: { ...tls, serverName: 'gochat-internal' },
    })
    try {
      for (let i = 0; i < 30; i++) {
        const { conversation_id } = await repo.CreateGroup({ name: `spread ${i}`, creator_id: 'u_spread' })
        expect((await repo.AllocateSeq({ conversation_id })).seq).toBe(1)
      }
    } finally {
      repo.close()
    }
    const seen = { seq: 0, presence: 0, masters: 0 }
    for (const node of rc.nodes) {
      const redis = new Redis(`redis://${node}`)
      const keys = await redis.keys(`${c.redisKeyPrefix}*`).finally(() => redis.disconnect())
      if (keys.length) seen.masters++
      seen.seq += keys.filter((k) => k.startsWith(`${c.redisKeyPrefix}seq:`)).length
      seen.presence += keys.filter((k) => k.startsWith(`${c.redisKeyPrefix}presence:{p`)).length
    }
    expect(seen.seq).toBeGreaterThan(0)
    expect(seen.presence).toBeGreaterThan(0)
    expect(seen.masters).toBe(3)
  })
  afterAll(() => suite.closeSockets())
})
