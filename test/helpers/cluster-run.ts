// A real-infrastructure cluster for one test file: its own topic prefix, database and Redis key prefix, started
// before the file's tests and removed after them. Call inside a describe(); the file's own afterAll hooks run before this one's.
import { afterAll, beforeAll } from 'vitest'
import { Cluster, type ClusterOptions } from '../../runtime/cluster.js'
import { KAFKA, MYSQL, REDIS } from './infra.js'
import { deleteTopicsWithPrefix, dropDatabase } from './cleanup.js'
import { deleteKeys, testKeyPrefix } from './redis.js'

export function useCluster(name: string, opts: Partial<ClusterOptions> = {}) {
  const prefix = `${name}${Date.now().toString(36)}`
  const mysql = `${MYSQL}/gochat_${prefix}`
  const redisKeyPrefix = testKeyPrefix(name)
  let cluster: Cluster | undefined
  afterAll(async () => {
    await cluster?.stop()
    await dropDatabase(mysql)
    await deleteTopicsWithPrefix(prefix)
    await deleteKeys(redisKeyPrefix)
  }, 60_000)
  beforeAll(async () => {
    const env = { GOCHAT_REDIS_KEY_PREFIX: redisKeyPrefix, ...opts.env }
    cluster = new Cluster({
      gateways: 2,
      tasks: 1,
      kafka: KAFKA,
      mysql,
      redis: REDIS,
      topicPrefix: prefix,
      ...opts,
      env,
    })
    await cluster.start()
  }, 120_000)
  return {
    prefix,
    mysql,
    redisKeyPrefix,
    get cluster(): Cluster {
      if (!cluster) throw new Error('the cluster has not started')
      return cluster
    },
  }
}
