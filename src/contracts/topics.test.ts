import { describe, expect, it } from 'vitest'
import {
  catalog,
  catalogGroups,
  downstreamTopic,
  groups,
  resolveGroupName,
  resolveTopicAlias,
  topicAliases,
  topics,
} from './topics.js'

// Plain objects, not loadConfig: a gochat.yaml in the working directory must not change these expectations.
const cfgWith = (
  o: {
    topic_prefix?: string
    partitions?: number
    replication_factor?: number
    min_insync_replicas?: number
    gateway_ids?: string
  } = {},
) => ({
  topic_prefix: o.topic_prefix ?? 'gochat',
  min_insync_replicas: o.min_insync_replicas ?? 0,
  partitions: o.partitions ?? 3,
  replication_factor: o.replication_factor ?? 1,
  gateway_ids: (o.gateway_ids ?? 'gw-1').split(','),
})
const base = cfgWith({ gateway_ids: 'gw-1,gw-2' })

// The topic table of docs/architecture.md, verbatim (default prefix), with its consumer groups. task.events.group fills
// DESIGN's "…" consumers of the event topics: task routes those events to the users' sockets.
const designTopics: Record<string, string[]> = {
  'gochat.messages.upstream': ['logic.upstream.group'],
  'gochat.messages.dispatch': ['task.dispatch.group'],
  'gochat.messages.downstream.gw-1': ['gateway.downstream.group.gw-1'],
  'gochat.messages.downstream.gw-2': ['gateway.downstream.group.gw-2'],
  'gochat.messages.persist': ['task.persist.group'],
  'gochat.tasks.fanout': ['task.fanout.group'],
  'gochat.tasks.retry': ['task.retry.group'],
  'gochat.tasks.dlq': [],
  'gochat.notifications.push': ['notification-service-push-group'],
  'gochat.user-events': ['analytics.events.group', 'task.events.group'],
  'gochat.message-events': ['analytics.events.group', 'task.events.group'],
  'gochat.notifications': ['notification-service', 'task.events.group'],
  'gochat.audit': [],
}

describe('topic catalog', () => {
  it('holds exactly the documented topics and groups with the default prefix', () => {
    const got = Object.fromEntries(catalog(base).map((t) => [t.name, t.groups]))
    expect(got).toEqual(designTopics)
  })

  it('applies the prefix to every topic and qualifies group ids with a non-default prefix', () => {
    const cfg = cfgWith({ topic_prefix: 'itest1', gateway_ids: 'a' })
    for (const t of catalog(cfg)) expect(t.name.startsWith('itest1.')).toBe(true)
    for (const g of catalogGroups(cfg)) expect(g.groupId.startsWith('itest1.')).toBe(true)
    expect(topics(cfg).dispatch).toBe('itest1.messages.dispatch')
    expect(groups(cfg).fanout).toBe('itest1.task.fanout.group')
    expect(groups(base).fanout).toBe('task.fanout.group')
    expect(resolveGroupName(cfg, 'task.fanout.group')).toBe('itest1.task.fanout.group')
    expect(resolveGroupName(cfg, 'someone.elses.group')).toBe('someone.elses.group')
    expect(resolveGroupName(base, 'task.fanout.group')).toBe('task.fanout.group')
  })

  it('makes one downstream topic and group per configured gateway id', () => {
    const cfg = cfgWith({ gateway_ids: 'gw-1,gw-2,gw-3' })
    const down = catalog(cfg).filter((t) => t.id === 'downstream')
    expect(down.map((t) => [t.name, t.gatewayId, t.groups])).toEqual([
      ['gochat.messages.downstream.gw-1', 'gw-1', ['gateway.downstream.group.gw-1']],
      ['gochat.messages.downstream.gw-2', 'gw-2', ['gateway.downstream.group.gw-2']],
      ['gochat.messages.downstream.gw-3', 'gw-3', ['gateway.downstream.group.gw-3']],
    ])
    expect(downstreamTopic(cfg, 'gw-9')).toBe('gochat.messages.downstream.gw-9')
    expect(topics(cfg).downstream('x')).toBe('gochat.messages.downstream.x')
    expect(() => downstreamTopic(cfg, 'a.b')).toThrow(/invalid gateway instance id/)
  })

  it('takes partitions and replication factor from configuration; configs fit the replication factor', () => {
    const one = catalog(cfgWith({ partitions: 7 }))
    expect(new Set(one.map((t) => t.partitions))).toEqual(new Set([7]))
    for (const t of one) {
      expect(t.replicationFactor).toBe(1)
      expect(t.configs['cleanup.policy']).toBe('delete')
      expect(Number(t.configs['retention.ms'])).toBeGreaterThan(0)
      expect(t.configs['min.insync.replicas']).toBeUndefined()
    }
    const three = catalog(cfgWith({ replication_factor: 3 }))
    expect(three.find((t) => t.id === 'dispatch')!.configs['min.insync.replicas']).toBe('2')
    expect(three.find((t) => t.id === 'downstream')!.configs['min.insync.replicas']).toBeUndefined()
    // min_insync_replicas set explicitly wins over the default of RF 3 (and applies on RF 2 too)
    const set = catalog(cfgWith({ replication_factor: 2, min_insync_replicas: 2 }))
    expect(set.find((t) => t.id === 'dispatch')!.configs['min.insync.replicas']).toBe('2')
  })

  it('lists every group with the topics it consumes', () => {
    const byId = Object.fromEntries(catalogGroups(base).map((g) => [g.groupId, g.topics]))
    expect(Object.keys(byId).sort()).toEqual([
      'analytics.events.group',
      'gateway.downstream.group.gw-1',
      'gateway.downstream.group.gw-2',
      'logic.upstream.group',
      'notification-service',
      'notification-service-push-group',
      'task.dispatch.group',
      'task.events.group',
      'task.fanout.group',
      'task.persist.group',
      'task.retry.group',
    ])
    expect(byId['analytics.events.group']).toEqual(['gochat.user-events', 'gochat.message-events'])
    expect(byId['task.events.group']).toEqual(['gochat.user-events', 'gochat.message-events', 'gochat.notifications'])
  })

  it('resolves aliases for gochat tail', () => {
    const cfg = cfgWith({ topic_prefix: 'p', gateway_ids: 'gw-1' })
    const expected: Record<string, string> = {
      'user-events': 'p.user-events',
      'message-events': 'p.message-events',
      notifications: 'p.notifications',
      dispatch: 'p.messages.dispatch',
      fanout: 'p.tasks.fanout',
      push: 'p.notifications.push',
      retry: 'p.tasks.retry',
      dlq: 'p.tasks.dlq',
      persist: 'p.messages.persist',
      upstream: 'p.messages.upstream',
      audit: 'p.audit',
      'downstream:gw-1': 'p.messages.downstream.gw-1',
    }
    expect(topicAliases(cfg)).toEqual(expected)
    for (const [alias, name] of Object.entries(expected)) expect(resolveTopicAlias(cfg, alias)).toBe(name)
    expect(resolveTopicAlias(cfg, 'downstream:gw-42')).toBe('p.messages.downstream.gw-42')
    expect(resolveTopicAlias(cfg, 'messages.dispatch')).toBe('p.messages.dispatch')
    expect(resolveTopicAlias(cfg, 'p.tasks.dlq')).toBe('p.tasks.dlq')
    expect(resolveTopicAlias(cfg, 'some.other.topic')).toBe('some.other.topic')
  })
})
