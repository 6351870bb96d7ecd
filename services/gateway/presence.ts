// Presence glue: every connection is registered under this gateway's id (task routes messages by it), the
// heartbeat refreshes all of them in one call, and user.online / user.offline go to gochat.user-events when a
// user's first connection anywhere opens and the last one anywhere closes (presence counts them across gateways).
import { userEvent } from '../../src/contracts/events.js'
import type { Bus } from '../../src/ports/bus.js'
import type { Cache } from '../../src/ports/cache.js'
import type { Logger } from '../../src/observability/log.js'
import { Presence } from '../../src/presence/presence.js'
import type { Connection } from './connections.js'

export interface PresenceGlue {
  connected(conn: Connection): Promise<void>
  disconnected(conn: Connection): Promise<void>
  refresh(conns: Connection[]): Promise<void>
  /** which of these users have a live connection on any gateway */
  online(userIds: string[]): Promise<Set<string>>
}

export function createPresence(opts: {
  cache: Cache
  bus: Bus
  gatewayId: string
  ttlMs: number
  userEventsTopic: string
  log: Logger
}): PresenceGlue {
  const presence = new Presence(opts.cache, { ttlMs: opts.ttlMs })
  const { gatewayId } = opts

  // Published straight to the bus (no data change to commit with, so no outbox); a lost event is logged, not
  // retried: presence itself stays right, and the next transition publishes again.
  const publish = (type: 'user.online' | 'user.offline', userId: string) => {
    const event = userEvent(type, userId, { gateway_id: gatewayId, last_seen: Math.floor(Date.now() / 1000) })
    opts.bus
      .publish(opts.userEventsTopic, [
        { key: userId, value: JSON.stringify(event), headers: { 'gochat-event-type': type } },
      ])
      .catch((err: unknown) => opts.log.warn(`publishing ${type} failed`, { err, userId }))
  }

  return {
    async connected(conn) {
      if ((await presence.register(conn.userId, gatewayId, conn.id)) === 1) publish('user.online', conn.userId)
    },
    async disconnected(conn) {
      if ((await presence.unregister(conn.userId, gatewayId, conn.id)) === 0) publish('user.offline', conn.userId)
    },
    async online(userIds) {
      const found = await presence.lookup(userIds)
      return new Set([...found].filter(([, gateways]) => gateways.length > 0).map(([userId]) => userId))
    },
    async refresh(conns) {
      if (conns.length > 0)
        await presence.refresh(
          gatewayId,
          conns.map((c) => ({ userId: c.userId, connectionId: c.id })),
        )
    },
  }
}
