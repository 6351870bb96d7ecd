import { describe, expect, it } from 'vitest'
import { parseRedisUrl, tlsOptions } from './connection.js'
import { hashTag } from './cache.js'

describe('parseRedisUrl', () => {
  it('reads one server, TLS, credentials and a database', () => {
    expect(parseRedisUrl('redis://127.0.0.1:6379')).toEqual({
      cluster: false,
      tls: false,
      nodes: [{ host: '127.0.0.1', port: 6379 }],
      username: undefined,
      password: undefined,
      db: undefined,
    })
    expect(parseRedisUrl('rediss://gochat:p%40ss@cache.internal:6380/2')).toMatchObject({
      tls: true,
      username: 'gochat',
      password: 'p@ss',
      db: 2,
    })
    expect(parseRedisUrl('redis://:only-pass@h:1')).toMatchObject({ username: undefined, password: 'only-pass' })
  })
  it('reads a cluster URL with several masters', () => {
    expect(parseRedisUrl('redis+cluster://10.0.0.1:7000,10.0.0.2:7000')).toMatchObject({
      cluster: true,
      tls: false,
      nodes: [
        { host: '10.0.0.1', port: 7000 },
        { host: '10.0.0.2', port: 7000 },
      ],
    })
    expect(parseRedisUrl('rediss+cluster://u:p@h1:1').tls).toBe(true)
  })
  it('refuses what it cannot use, naming the URL without its password', () => {
    expect(() => parseRedisUrl('redis://u:hunter2@h1:1,h2:2')).toThrow(/use redis\+cluster:\/\/.*/)
    expect(() => parseRedisUrl('redis://u:hunter2@h1:1,h2:2')).not.toThrow(/hunter2/)
    expect(() => parseRedisUrl('redis+cluster://h1:1/3')).toThrow(/only database 0/)
    expect(() => parseRedisUrl('redis://h1')).toThrow(/expected host:port/)
  })
})

describe('tlsOptions', () => {
  it('is off unless asked for, and names a missing file with its key', () => {
    expect(tlsOptions({}, false)).toBeUndefined()
    expect(tlsOptions({}, true)).toEqual({})
    expect(() => tlsOptions({ tlsCa: '/nonexistent/ca.pem' }, false)).toThrow(/redis_tls_ca \/nonexistent\/ca.pem/)
  })
})

describe('hashTag', () => {
  it('follows Redis Cluster: the first non-empty {…}, else the whole key', () => {
    expect(hashTag('presence:{p3}:u_1')).toBe('p3')
    expect(hashTag('seq:c_1')).toBe('seq:c_1')
    expect(hashTag('a{}b{c}')).toBe('a{}b{c}')
    expect(hashTag('a{b')).toBe('a{b')
  })
})
