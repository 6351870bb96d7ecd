// A real-infrastructure cluster for one test file: its own topic prefix and database, started before the file's
// tests and removed after them. Call inside a describe(); the file's own afterAll hooks run before this one's.
import { afterAll, beforeAll } from 'vitest'
import { Cluster, type ClusterOptions } from '../../src/runtime/cluster.js'
import { KAFKA, MYSQL, REDIS } from './infra.js'
import { deleteTopicsWithPrefix, dropDatabase } from './cleanup.js'

export function useCluster(name: string, opts: Partial<ClusterOptions> = {}) {
  const prefix = `${name}${Date.now().toString(36)}`
  const mysql = `${MYSQL}/gochat_${prefix}`
  let cluster: Cluster | undefined
  afterAll(async () => {
    await cluster?.stop()
    await dropDatabase(mysql)
    await deleteTopicsWithPrefix(prefix)
  }, 60_000)
  beforeAll(async () => {
    cluster = await new Cluster({ gateways: 2, tasks: 1, kafka: KAFKA, mysql, redis: REDIS, topicPrefix: prefix, ...opts }).start()
  }, 120_000)
  return {
    prefix,
    mysql,
    get cluster(): Cluster {
      if (!cluster) throw new Error('the cluster has not started')
      return cluster
    },
  }
}
