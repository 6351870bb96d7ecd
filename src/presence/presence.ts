// Who is online and on which gateway, over the cache port: one expiring hash per user, `presence:{pN}:<userId>`,
// one field per live connection (`<gatewayId>/<connectionId>` → gatewayId) with its own expiry. Gateways
// register and unregister connections and refresh all of theirs with every heartbeat; a gateway that dies
// stops refreshing and its connections expire after the TTL, even while the same user stays online elsewhere.
// Used by the gateway directly and by repo's LookupPresence.
import type { Cache } from '../ports/cache.js'

export interface PresenceEntry {
  userId: string
  connectionId: string
}

// The hash tag {pN} puts every user in one of PRESENCE_TAGS slots, so that on a Redis Cluster a lookup of a fanout
// shard's 500 users is PRESENCE_TAGS script calls, not 500 (src/drivers/redis/cache.ts); more tags would spread
// presence over more masters, fewer would batch more.
export const PRESENCE_TAGS = 16
const key = (userId: string) => `presence:{p${fnv1a(userId) % PRESENCE_TAGS}}:${userId}`
// the gateway id in the field keeps two gateways' connection ids apart even if they collide
const field = (gatewayId: string, connectionId: string) => `${gatewayId}/${connectionId}`

export class Presence {
  constructor(
    private readonly cache: Cache,
    private readonly opts: { ttlMs: number },
  ) {}

  /** returns the user's live connections after the change: 1 means the user just came online */
  register(userId: string, gatewayId: string, connectionId: string): Promise<number> {
    return this.cache.hashPut(key(userId), field(gatewayId, connectionId), gatewayId, this.opts.ttlMs)
  }

  /** many registrations of this gateway in one round trip; per entry, as register (1: that user just came online) */
  registerMany(gatewayId: string, entries: PresenceEntry[]): Promise<number[]> {
    return this.cache.hashPutMany(this.writes(gatewayId, entries), this.opts.ttlMs)
  }

  /** returns the user's live connections after the change: 0 means the user just went offline */
  unregister(userId: string, gatewayId: string, connectionId: string): Promise<number> {
    return this.cache.hashRemove(key(userId), field(gatewayId, connectionId))
  }

  /** the heartbeat: extends every listed connection of this gateway, in one round trip */
  async refresh(gatewayId: string, entries: PresenceEntry[]): Promise<void> {
    await this.cache.hashPutMany(this.writes(gatewayId, entries), this.opts.ttlMs)
  }

  private writes(gatewayId: string, entries: PresenceEntry[]) {
    return entries.map((e) => ({ key: key(e.userId), field: field(gatewayId, e.connectionId), value: gatewayId }))
  }

  /** every requested user → the gateways holding its live connections (empty: offline), in one round trip */
  async lookup(userIds: string[]): Promise<Map<string, string[]>> {
    const unique = [...new Set(userIds)]
    const hashes = await this.cache.hashGetMany(unique.map(key))
    return new Map(unique.map((userId, i) => [userId, [...new Set(hashes[i]!.values())].sort()]))
  }
}

/** Users split by where they can be reached: per gateway (a user with devices on two is on both), or nowhere. */
export interface Located {
  byGateway: Map<string, string[]>
  offline: string[]
}

export function byGateway(userIds: Iterable<string>, presence: ReadonlyMap<string, string[]>): Located {
  const grouped = new Map<string, string[]>()
  const offline: string[] = []
  for (const userId of new Set(userIds)) {
    const gateways = presence.get(userId) ?? []
    if (gateways.length === 0) offline.push(userId)
    for (const gw of gateways) {
      const list = grouped.get(gw)
      if (list) list.push(userId)
      else grouped.set(gw, [userId])
    }
  }
  return { byGateway: grouped, offline }
}

/** 32-bit FNV-1a: a stable, evenly spread number for a user id */
function fnv1a(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 0
}
