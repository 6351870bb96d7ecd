import { describe, expect, it } from 'vitest'
import { UsageError } from '../../src/core/operator-errors.js'
import { agentPool, parseAgents } from './flags.js'

const cfg = (brokers: string[]) => ({
  kafka_brokers: brokers,
  topic_prefix: 'gochat',
  replication_factor: 1,
  log_level: 'warn' as const,
})
const timings = { 'agent-wait': 60, 'agent-timeout': 10, 'agent-max-lag': 5 }

describe('--agents', () => {
  it('is a count or a list of names', () => {
    expect(parseAgents('3')).toBe(3)
    expect(parseAgents('load-1, load.2,l_3')).toEqual(['load-1', 'load.2', 'l_3'])
  })

  it.each(['0', '', ',', 'a,a', 'a b', 'x;y'])('refuses %j as a usage error', (text) => {
    expect(() => parseAgents(text)).toThrow(UsageError)
  })

  it('runs in process without it, and needs a real Kafka with it', () => {
    expect(agentPool(cfg([]), timings, () => {})).toBeUndefined()
    expect(() => agentPool(cfg([]), { agents: '2', ...timings }, () => {})).toThrow(/needs the Kafka/)
    expect(() => agentPool(cfg(['embedded']), { agents: '2', ...timings }, () => {})).toThrow(UsageError)
    expect(typeof agentPool(cfg(['127.0.0.1:9092']), { agents: '2', ...timings }, () => {})).toBe('function')
  })
})
