import { describe, expect, it } from 'vitest'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConfigError, loadConfig } from './load.js'

const dir = mkdtempSync(join(tmpdir(), 'gochat-config-'))
const file = (name: string, text: string) => {
  const p = join(dir, name)
  writeFileSync(p, text)
  return p
}

describe('loadConfig', () => {
  it('uses defaults: embedded drivers, the gochat prefix, the seed task settings', () => {
    const cfg = loadConfig({ env: {} })
    expect(cfg.kafka_brokers).toEqual([])
    expect(cfg.mysql_url).toBeNull()
    expect(cfg.topic_prefix).toBe('gochat')
    expect(cfg.task_metrics_port).toBe(9093)
    expect(cfg).toMatchObject({ large_group_threshold: 1000, fanout_batch_size: 500, message_retry_attempts: 3 })
  })

  it('applies flags over environment over file over defaults', () => {
    const yaml = file(
      'a.yaml',
      'partitions: 4\ntopic_prefix: fromfile\nlarge_group_threshold: 50\ngateway_ids: [gw-a, gw-b]\n',
    )
    const cfg = loadConfig({
      file: yaml,
      env: { GOCHAT_PARTITIONS: '6', GOCHAT_TOPIC_PREFIX: 'fromenv' },
      flags: { partitions: 8 },
    })
    expect(cfg.partitions).toBe(8)
    expect(cfg.topic_prefix).toBe('fromenv')
    expect(cfg.large_group_threshold).toBe(50)
    expect(cfg.gateway_ids).toEqual(['gw-a', 'gw-b'])
    expect(loadConfig({ env: { GOCHAT_KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.2:9092' } }).kafka_brokers).toEqual([
      '127.0.0.1:9092',
      '127.0.0.2:9092',
    ])
    expect(loadConfig({ env: { GOCHAT_OUTBOX_RELAY: 'false' } }).outbox_relay).toBe(false)
  })

  it('reads JSON files too', () => {
    expect(loadConfig({ file: file('b.json', '{"fanout_batch_size": 64}'), env: {} }).fanout_batch_size).toBe(64)
  })

  it('names the key, the source and the expected form of a bad value', () => {
    expect(() => loadConfig({ env: {}, flags: { partitions: 0 } })).toThrow(
      /invalid partitions from flag --partitions: 0 .*expected an integer from 1 to 1000/,
    )
    expect(() => loadConfig({ env: { GOCHAT_KAFKA_BROKERS: 'localhost' } })).toThrow(
      /kafka_brokers from environment GOCHAT_KAFKA_BROKERS.*host:port/,
    )
    expect(() => loadConfig({ env: { GOCHAT_MYSQL_URL: 'postgres://x' } })).toThrow(/mysql_url.*mysql:\/\//)
    expect(() => loadConfig({ env: {}, flags: { push_provider: 'pigeon' } })).toThrow(ConfigError)
    expect(() => loadConfig({ env: { GOCHAT_MIN_INSYNC_REPLICAS: '2' } })).toThrow(
      /min_insync_replicas 2 is more than replication_factor 1/,
    )
  })

  it('never echoes a refused secret, nor the password of a refused URL', () => {
    const err = (() => {
      try {
        loadConfig({ env: { GOCHAT_JWT_SECRET: 'hunter2-short' } })
      } catch (e) {
        return e as Error
      }
    })()
    expect(err?.message).toMatch(
      /invalid jwt_secret from environment GOCHAT_JWT_SECRET: \(a secret of 13 characters\).*at least 16 characters/,
    )
    expect(err?.message).not.toContain('hunter2')
    expect(() => loadConfig({ env: { GOCHAT_REDIS_URL: 'http://:hunter2@cache:6379' } })).toThrow(
      /redis_url.*http:\/\/:\*\*\*@cache:6379/,
    )
    expect(() => loadConfig({ env: { GOCHAT_REDIS_URL: 'http://:hunter2@cache:6379' } })).not.toThrow(/hunter2/)
  })

  it('takes one repo address, or a list of IPv4 ones for several repo instances', () => {
    expect(loadConfig({ env: { GOCHAT_REPO_ADDR: 'repo.internal:50052' } }).repo_addr).toBe('repo.internal:50052')
    expect(loadConfig({ env: { GOCHAT_REPO_ADDR: '10.0.0.1:50052,10.0.0.2:50052' } }).repo_addr).toBe(
      '10.0.0.1:50052,10.0.0.2:50052',
    )
    expect(() => loadConfig({ env: { GOCHAT_REPO_ADDR: 'a:1,b:2' } })).toThrow(
      /repo_addr from environment GOCHAT_REPO_ADDR.*IPv4/,
    )
    expect(() => loadConfig({ env: { GOCHAT_REPO_ADDR: '10.0.0.1' } })).toThrow(/repo_addr/)
  })

  it('refuses unknown keys and unreadable files', () => {
    expect(() => loadConfig({ file: file('c.yaml', 'large_group_treshold: 5\n'), env: {} })).toThrow(
      /unknown key "large_group_treshold"/,
    )
    expect(() => loadConfig({ file: join(dir, 'missing.yaml'), env: {} })).toThrow(/does not exist/)
    expect(() => loadConfig({ file: file('d.json', '{nope'), env: {} })).toThrow(/cannot be read/)
  })
})
