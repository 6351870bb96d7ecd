// The engine clients take what production uses from config: Redis AUTH (requirepass, ACL user) and TLS against
// redis-servers of the test's own (never the shared one), MySQL TLS asked of a server (the shared MariaDB runs
// without TLS: the client must refuse to go on in plaintext), and Kafka SASL/TLS options as kafkajs gets them.
import { afterAll, describe, expect, it } from 'vitest'
import { createStore } from '../../src/drivers/store-from-config.js'
import { RedisCache } from '../../src/drivers/redis/cache.js'
import { kafkaSecurityOptions } from '../../src/drivers/kafka/security.js'
import { makeCa } from '../helpers/certs.js'
import { infraAvailable, MYSQL } from '../helpers/infra.js'
import { freePort, startRedisServer } from '../helpers/redis-server.js'

const PASSWORD = 'redis-test-password-0123456789'

describe('Redis AUTH', async () => {
  const redis = await startRedisServer([
    '--requirepass',
    PASSWORD,
    '--user',
    'gochat',
    'on',
    '>gochat-acl-pass',
    '~*',
    '+@all',
  ])
  afterAll(() => redis.stop())

  it('works with the password (config or URL) or an ACL user, and fails without it', async () => {
    const withKey = new RedisCache(redis.url, { password: PASSWORD })
    const inUrl = new RedisCache(`redis://:${PASSWORD}@127.0.0.1:${redis.port}`)
    const aclUser = new RedisCache(redis.url, { username: 'gochat', password: 'gochat-acl-pass' })
    const without = new RedisCache(redis.url)
    try {
      for (const cache of [withKey, inUrl, aclUser]) {
        await cache.set('k', 'v', 10_000)
        expect(await cache.get('k')).toBe('v')
      }
      await expect(without.get('k')).rejects.toThrow(/NOAUTH/)
    } finally {
      await Promise.all([withKey, inUrl, aclUser, without].map((c) => c.close()))
    }
  })
})

describe('Redis TLS', async () => {
  const ca = makeCa('redis')
  const server = ca.issue('redis-server')
  const client = ca.issue('redis-client')
  const tlsPort = await freePort()
  const redis = await startRedisServer([
    '--tls-port',
    String(tlsPort),
    '--tls-cert-file',
    server.cert,
    '--tls-key-file',
    server.key,
    '--tls-ca-cert-file',
    ca.ca,
    '--tls-auth-clients',
    'yes',
  ])
  afterAll(async () => {
    await redis.stop()
    ca.remove()
  })

  it('connects over rediss:// with the CA and a client certificate; a missing file is named at once', async () => {
    const cache = new RedisCache(`rediss://127.0.0.1:${tlsPort}`, {
      tlsCa: ca.ca,
      tlsCert: client.cert,
      tlsKey: client.key,
    })
    try {
      await cache.set('over-tls', '1', 10_000)
      expect(await cache.get('over-tls')).toBe('1')
    } finally {
      await cache.close()
    }
    expect(() => new RedisCache(`rediss://127.0.0.1:${tlsPort}`, { tlsCa: '/nonexistent/ca.pem' })).toThrow(
      /cannot read redis_tls_ca \/nonexistent\/ca.pem: ENOENT/,
    )
    expect(() => new RedisCache(redis.url, { tlsCert: client.cert })).toThrow(
      /redis_tls_cert and redis_tls_key go together/,
    )
  })
})

describe.skipIf(!(await infraAvailable('mysql')))('MySQL TLS', () => {
  it('asks the server for TLS when mysql_tls_ca is set, and refuses plaintext (this MariaDB has no TLS)', async () => {
    const ca = makeCa('mysql')
    const store = createStore({ mysql_url: `${MYSQL}/gochat_tls_probe`, data_dir: null, mysql_tls_ca: ca.ca })
    try {
      await expect(store.ping()).rejects.toThrow(/secure connection|SSL|TLS/i)
    } finally {
      await store.close().catch(() => {})
      ca.remove()
    }
    expect(() =>
      createStore({ mysql_url: `${MYSQL}/gochat_x`, data_dir: null, mysql_tls_ca: '/nonexistent/ca.pem' }),
    ).toThrow(/cannot read mysql_tls_ca/)
  })
})

describe('Kafka SASL and TLS options', () => {
  const none = {
    kafka_sasl_mechanism: null,
    kafka_sasl_username: null,
    kafka_sasl_password: null,
    kafka_tls: false,
    kafka_tls_ca: null,
    kafka_tls_cert: null,
    kafka_tls_key: null,
  }
  it('passes SASL and TLS to kafkajs, and names what is missing', () => {
    expect(kafkaSecurityOptions(none)).toEqual({})
    expect(kafkaSecurityOptions({ ...none, kafka_tls: true })).toEqual({ ssl: true })
    expect(
      kafkaSecurityOptions({
        ...none,
        kafka_sasl_mechanism: 'scram-sha-512',
        kafka_sasl_username: 'u',
        kafka_sasl_password: 'p',
      }),
    ).toEqual({ sasl: { mechanism: 'scram-sha-512', username: 'u', password: 'p' } })
    const ca = makeCa('kafka')
    try {
      const opts = kafkaSecurityOptions({
        ...none,
        kafka_tls_ca: ca.ca,
        kafka_sasl_mechanism: 'plain',
        kafka_sasl_username: 'u',
        kafka_sasl_password: 'p',
      })
      expect((opts.ssl as { ca: Buffer }).ca.toString()).toContain('BEGIN CERTIFICATE')
      expect(opts.sasl).toMatchObject({ mechanism: 'plain' })
    } finally {
      ca.remove()
    }
    expect(() => kafkaSecurityOptions({ ...none, kafka_sasl_mechanism: 'plain' })).toThrow(
      /needs kafka_sasl_username and kafka_sasl_password/,
    )
    expect(() => kafkaSecurityOptions({ ...none, kafka_sasl_password: 'p' })).toThrow(/kafka_sasl_mechanism is not/)
    expect(() => kafkaSecurityOptions({ ...none, kafka_tls_ca: '/nonexistent/ca.pem' })).toThrow(
      /cannot read kafka_tls_ca/,
    )
  })
})
