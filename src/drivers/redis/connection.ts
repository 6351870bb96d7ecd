// How the Redis cache connects: one server (`redis://`, `rediss://` for TLS) or a Redis Cluster
// (`redis+cluster://h1:p1,h2:p2`, `rediss+cluster://…`; any reachable masters, the rest is discovered). Credentials
// ride in the URL (`redis://user:password@host`) or in redis_username / redis_password; TLS files in redis_tls_*.
import type { ConnectionOptions } from 'node:tls'
import { Cluster, Redis, type RedisOptions } from 'ioredis'
import { tlsFiles } from '../tls-files.js'

export interface RedisTarget {
  cluster: boolean
  tls: boolean
  nodes: Array<{ host: string; port: number }>
  username?: string
  password?: string
  db?: number
}

export interface RedisSecurity {
  /** ACL user and password (AUTH); the URL's, when it has them, win */
  username?: string | null
  password?: string | null
  /** PEM files: the CA that signed the server's certificate, and a client certificate and key if it asks for one */
  tlsCa?: string | null
  tlsCert?: string | null
  tlsKey?: string | null
}

const URL_FORM = /^(rediss?)(\+cluster)?:\/\/(?:([^:@/]*)(?::([^@/]*))?@)?([^/?#]+)(?:\/(\d+))?\/?$/

/** Parses redis_url; throws with the expected form when it is not one. */
export function parseRedisUrl(url: string): RedisTarget {
  const m = URL_FORM.exec(url)
  if (!m)
    throw new Error(
      `invalid Redis URL ${redact(url)}: expected redis[s][+cluster]://[user:password@]host:port[,host:port…][/db]`,
    )
  const [, scheme, cluster, user, password, hosts, db] = m
  const nodes = hosts!.split(',').map((hp) => {
    const hm = /^([^:,\s]+|\[[0-9a-f:]+\]):(\d{1,5})$/i.exec(hp.trim())
    if (!hm) throw new Error(`invalid Redis address ${hp} in ${redact(url)}: expected host:port`)
    return { host: hm[1]!.replace(/^\[|\]$/g, ''), port: Number(hm[2]) }
  })
  if (!cluster && nodes.length > 1)
    throw new Error(`Redis URL ${redact(url)} lists ${nodes.length} servers: use redis+cluster:// for a Redis Cluster`)
  if (cluster && db) throw new Error(`Redis URL ${redact(url)}: a Redis Cluster has only database 0`)
  return {
    cluster: Boolean(cluster),
    tls: scheme === 'rediss',
    nodes,
    username: user ? decodeURIComponent(user) : undefined,
    password: password !== undefined ? decodeURIComponent(password) : undefined,
    db: db ? Number(db) : undefined,
  }
}

const redact = (url: string) => url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@')

/** the TLS options of a connection, reading the files named in config (a missing one is named in the error) */
export function tlsOptions(sec: RedisSecurity, on: boolean): ConnectionOptions | undefined {
  const files = tlsFiles('redis', { ca: sec.tlsCa, cert: sec.tlsCert, key: sec.tlsKey })
  return files || on ? { ...files } : undefined
}

/** an ioredis client (Redis or Cluster) for the URL, with AUTH and TLS from config */
export function connectRedis(
  url: string,
  sec: RedisSecurity,
  common: Pick<RedisOptions, 'keyPrefix' | 'maxRetriesPerRequest' | 'connectTimeout'>,
): { client: Redis | Cluster; target: RedisTarget } {
  const target = parseRedisUrl(url)
  const auth = {
    username: target.username ?? sec.username ?? undefined,
    password: target.password ?? sec.password ?? undefined,
  }
  const tls = tlsOptions(sec, target.tls)
  if (!target.cluster) {
    const node = target.nodes[0]!
    return { client: new Redis({ ...common, ...auth, ...node, db: target.db, tls }), target }
  }
  const { keyPrefix, ...perNode } = common
  const client = new Cluster(target.nodes, {
    keyPrefix,
    // no auto-pipelining: it routes a call by its first argument, which for the batched scripts is the key count
    redisOptions: { ...perNode, ...auth, tls },
    // the masters announce the addresses they were told; with TLS their certificates name those
    dnsLookup: (address, callback) => callback(null, address),
  })
  return { client, target }
}
