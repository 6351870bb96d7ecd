// The topic catalog: the single source of truth for every Kafka topic and consumer group of docs/architecture.md.
// Producers, consumers, `gochat topics create`, `gochat groups …` and `gochat tail` all take names from here,
// so a name is spelled once and a prefix applies everywhere.
import { topicName, type GochatConfig } from '../config/index.js'
import type { TopicSpec } from '../ports/bus.js'

type Cfg = Pick<GochatConfig, 'topic_prefix' | 'partitions' | 'replication_factor' | 'gateway_ids'> &
  Partial<Pick<GochatConfig, 'min_insync_replicas'>>

export type TopicId =
  | 'upstream'
  | 'dispatch'
  | 'downstream'
  | 'persist'
  | 'fanout'
  | 'retry'
  | 'dlq'
  | 'push'
  | 'userEvents'
  | 'messageEvents'
  | 'notifications'
  | 'audit'

export type GroupId =
  | 'dispatch'
  | 'downstream'
  | 'upstream'
  | 'persist'
  | 'fanout'
  | 'retry'
  | 'push'
  | 'analytics'
  | 'notifications'
  | 'events'

/** Consumer group names as in docs/architecture.md; `{id}` is a gateway instance id. */
export const groupBases: Record<GroupId, string> = {
  dispatch: 'task.dispatch.group',
  downstream: 'gateway.downstream.group.{id}',
  upstream: 'logic.upstream.group',
  persist: 'task.persist.group',
  fanout: 'task.fanout.group',
  retry: 'task.retry.group',
  push: 'notification-service-push-group',
  analytics: 'analytics.events.group',
  notifications: 'notification-service',
  // task routes message events and notifications to the sockets of the users they concern
  events: 'task.events.group',
}

const HOUR = 3_600_000
const DAY = 24 * HOUR

interface TopicDef {
  /** name after the prefix; `{id}` is a gateway instance id */
  suffix: string
  /** short name for `gochat tail` (downstream: `downstream:<id>`) */
  alias: string
  key: string
  payload: string
  producers: string[]
  groups: GroupId[]
  retentionMs: number
  /** records that exist nowhere else yet (or are the operator's only evidence): worth min.insync.replicas */
  durable: boolean
}

// Retention follows what a record is still good for, not a blanket default:
// - records that are already stored in MySQL (dispatch, fanout) only need to outlive an outage of task;
// - downstream frames are useless once the sockets they were meant for are gone (clients resync by seq);
// - persist (async persistence mode) and dlq hold the only copy of their data, so they keep longest.
const defs: Record<TopicId, TopicDef> = {
  upstream: {
    suffix: 'messages.upstream',
    alias: 'upstream',
    key: 'conversation id',
    payload: 'UpstreamMessage',
    producers: ['gateway'],
    groups: ['upstream'],
    retentionMs: 1 * DAY,
    durable: true,
  },
  dispatch: {
    suffix: 'messages.dispatch',
    alias: 'dispatch',
    key: 'conversation id',
    payload: 'DispatchMessage',
    producers: ['repo'],
    groups: ['dispatch'],
    retentionMs: 3 * DAY,
    durable: true,
  },
  downstream: {
    suffix: 'messages.downstream.{id}',
    alias: 'downstream:{id}',
    key: 'conversation id',
    payload: 'DownstreamMessage',
    producers: ['task', 'logic'],
    groups: ['downstream'],
    retentionMs: 1 * HOUR,
    durable: false,
  },
  persist: {
    suffix: 'messages.persist',
    alias: 'persist',
    key: 'conversation id',
    payload: 'UpstreamMessage',
    producers: ['logic'],
    groups: ['persist'],
    retentionMs: 7 * DAY,
    durable: true,
  },
  fanout: {
    suffix: 'tasks.fanout',
    alias: 'fanout',
    key: 'conversation id + shard',
    payload: 'FanoutTask',
    producers: ['task'],
    groups: ['fanout'],
    retentionMs: 1 * DAY,
    durable: false,
  },
  retry: {
    suffix: 'tasks.retry',
    alias: 'retry',
    key: 'task id',
    payload: 'TaskMessage',
    producers: ['task'],
    groups: ['retry'],
    retentionMs: 3 * DAY,
    durable: true,
  },
  dlq: {
    suffix: 'tasks.dlq',
    alias: 'dlq',
    key: 'task id',
    payload: 'TaskMessage + last error',
    producers: ['task'],
    groups: [],
    retentionMs: 14 * DAY,
    durable: true,
  },
  push: {
    suffix: 'notifications.push',
    alias: 'push',
    key: 'user id',
    payload: 'OfflinePush',
    producers: ['task'],
    groups: ['push'],
    retentionMs: 1 * DAY,
    durable: false,
  },
  userEvents: {
    suffix: 'user-events',
    alias: 'user-events',
    key: 'user id',
    payload: 'event envelope (JSON)',
    producers: ['gateway', 'repo'],
    groups: ['analytics', 'events'],
    retentionMs: 7 * DAY,
    durable: false,
  },
  messageEvents: {
    suffix: 'message-events',
    alias: 'message-events',
    key: 'conversation id',
    payload: 'event envelope (JSON)',
    producers: ['logic'],
    groups: ['analytics', 'events'],
    retentionMs: 7 * DAY,
    durable: false,
  },
  notifications: {
    suffix: 'notifications',
    alias: 'notifications',
    key: 'target user id',
    payload: 'event envelope (JSON)',
    producers: ['logic'],
    groups: ['notifications', 'events'],
    retentionMs: 3 * DAY,
    durable: false,
  },
  // admin actions (src/contracts/audit.ts): the operator's evidence, kept long and never consumed by gochat
  audit: {
    suffix: 'audit',
    alias: 'audit',
    key: 'target',
    payload: 'audit event (JSON)',
    producers: ['logic', 'cli'],
    groups: [],
    retentionMs: 90 * DAY,
    durable: true,
  },
}

const GATEWAY_ID = /^[a-zA-Z0-9_-]+$/
const DEFAULT_PREFIX = 'gochat'

function checkGatewayId(id: string): string {
  if (!GATEWAY_ID.test(id)) throw new Error(`invalid gateway instance id "${id}" (letters, digits, dash, underscore)`)
  return id
}

/**
 * A consumer group id. With the default prefix these are exactly the names of docs/architecture.md (which outside services
 * such as notification-service use). Any other prefix qualifies them too, so that deployments or test runs
 * that share a cluster never share a group: two deployments in one group would rebalance each other's
 * partitions (kafkajs assigns every subscribed topic across every member).
 */
export function groupName(cfg: Pick<GochatConfig, 'topic_prefix'>, group: GroupId, instanceId?: string): string {
  const base = groupBases[group].replace('{id}', () => checkGatewayId(instanceId ?? ''))
  return cfg.topic_prefix === DEFAULT_PREFIX ? base : `${cfg.topic_prefix}.${base}`
}

export const downstreamTopic = (cfg: Pick<GochatConfig, 'topic_prefix'>, instanceId: string): string =>
  topicName(
    cfg,
    defs.downstream.suffix.replace('{id}', () => checkGatewayId(instanceId)),
  )

/** Typed topic names: `topics(cfg).dispatch`, `topics(cfg).downstream('gw-1')`. */
export function topics(cfg: Pick<GochatConfig, 'topic_prefix'>) {
  const n = (id: Exclude<TopicId, 'downstream'>) => topicName(cfg, defs[id].suffix)
  return {
    upstream: n('upstream'),
    dispatch: n('dispatch'),
    persist: n('persist'),
    fanout: n('fanout'),
    retry: n('retry'),
    dlq: n('dlq'),
    push: n('push'),
    userEvents: n('userEvents'),
    messageEvents: n('messageEvents'),
    notifications: n('notifications'),
    audit: n('audit'),
    downstream: (instanceId: string) => downstreamTopic(cfg, instanceId),
  }
}

/** Typed group ids: `groups(cfg).dispatch`, `groups(cfg).downstream('gw-1')`. */
export function groups(cfg: Pick<GochatConfig, 'topic_prefix'>) {
  const g = (id: Exclude<GroupId, 'downstream'>) => groupName(cfg, id)
  return {
    dispatch: g('dispatch'),
    upstream: g('upstream'),
    persist: g('persist'),
    fanout: g('fanout'),
    retry: g('retry'),
    push: g('push'),
    analytics: g('analytics'),
    notifications: g('notifications'),
    events: g('events'),
    downstream: (instanceId: string) => groupName(cfg, 'downstream', instanceId),
  }
}

export interface CatalogTopic extends TopicSpec {
  id: TopicId
  alias: string
  /** set for the per-gateway downstream topics */
  gatewayId?: string
  key: string
  payload: string
  producers: string[]
  groups: string[]
  configs: Record<string, string>
}

function topicConfigs(cfg: Cfg, def: TopicDef): Record<string, string> {
  const configs: Record<string, string> = { 'cleanup.policy': 'delete', 'retention.ms': String(def.retentionMs) }
  // min.insync.replicas only means something with replicas to spare: RF 3 → 2 keeps acked writes through
  // the loss of one broker. With RF 1 it can only be 1 (the broker default); with RF 2 a value of 2 would
  // stop all writes whenever one broker is down, so by default (0) leave the broker's there too.
  const minIsr = cfg.min_insync_replicas || (cfg.replication_factor >= 3 ? 2 : 0)
  if (def.durable && minIsr > 0) configs['min.insync.replicas'] = String(minIsr)
  return configs
}

/** Every topic to create: the fixed ones plus one downstream topic per configured gateway id. */
export function catalog(cfg: Cfg): CatalogTopic[] {
  const out: CatalogTopic[] = []
  for (const [id, def] of Object.entries(defs) as [TopicId, TopicDef][]) {
    const instances = id === 'downstream' ? cfg.gateway_ids : [undefined]
    for (const gw of instances) {
      out.push({
        id,
        name: gw === undefined ? topicName(cfg, def.suffix) : downstreamTopic(cfg, gw),
        alias: gw === undefined ? def.alias : def.alias.replace('{id}', gw),
        ...(gw === undefined ? {} : { gatewayId: gw }),
        partitions: cfg.partitions,
        replicationFactor: cfg.replication_factor,
        key: def.key,
        payload: def.payload,
        producers: def.producers,
        groups: def.groups.map((g) => groupName(cfg, g, gw)),
        configs: topicConfigs(cfg, def),
      })
    }
  }
  return out
}

export interface CatalogGroup {
  groupId: string
  topics: string[]
}

/** Every consumer group of the catalog with the topics it consumes. */
export function catalogGroups(cfg: Cfg): CatalogGroup[] {
  const byGroup = new Map<string, string[]>()
  for (const t of catalog(cfg)) for (const g of t.groups) byGroup.set(g, [...(byGroup.get(g) ?? []), t.name])
  return [...byGroup].map(([groupId, topics]) => ({ groupId, topics }))
}

/** Alias → topic name for `gochat tail` (downstream topics appear as `downstream:<id>`). */
export function topicAliases(cfg: Cfg): Record<string, string> {
  return Object.fromEntries(catalog(cfg).map((t) => [t.alias, t.name]))
}

/**
 * The topic meant by an alias (`dispatch`, `downstream:gw-7` — any id, configured or not), a catalog suffix
 * (`messages.dispatch`), or else the name itself: any topic can be tailed.
 */
export function resolveTopicAlias(cfg: Cfg, nameOrAlias: string): string {
  const down = /^downstream:(.+)$/.exec(nameOrAlias)
  if (down) return downstreamTopic(cfg, down[1]!)
  const aliases = topicAliases(cfg)
  if (aliases[nameOrAlias]) return aliases[nameOrAlias]
  const bySuffix = catalog(cfg).find((t) => t.name === topicName(cfg, nameOrAlias))
  return bySuffix ? bySuffix.name : nameOrAlias
}

/** A catalog group given by its catalog name (`task.fanout.group`) → the configured group id; else unchanged. */
export function resolveGroupName(cfg: Cfg, name: string): string {
  if (cfg.topic_prefix === DEFAULT_PREFIX) return name
  const qualified = `${cfg.topic_prefix}.${name}`
  return catalogGroups(cfg).some((g) => g.groupId === qualified) ? qualified : name
}
