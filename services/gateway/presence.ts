// Presence glue: every connection is registered under this gateway's id (task routes messages by it), the
// heartbeat refreshes all of them in one call, and user.online / user.offline go to gochat.user-events when a
// user's first connection anywhere opens and the last one anywhere closes (presence counts them across gateways).
// The connects of a burst are registered together: the registrations waiting when one is due go in one script call
// and their user.online events in one publish, so a reconnect storm costs a round trip per batch, not per socket.
import { Batcher } from '../../src/core/batcher.js'
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

/** registrations per script call at most: bounds how long one call holds Redis */
const REGISTER_BATCH = 500

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
  const publish = (type: 'user.online' | 'user.offline', userIds: string[]) => {
    if (userIds.length === 0) return
    const lastSeen = Math.floor(Date.now() / 1000)
    const records = userIds.map((userId) => ({
      key: userId,
      value: JSON.stringify(userEvent(type, userId, { gateway_id: gatewayId, last_seen: lastSeen })),
      headers: { 'gochat-event-type': type },
    }))
    opts.bus
      .publish(opts.userEventsTopic, records)
      .catch((err: unknown) =>
        opts.log.warn(`publishing ${type} failed`, { err, users: userIds.length, userId: userIds[0] }),
      )
  }

  const registrations = new Batcher<Connection, number>(
    async (conns) => {
      const live = await presence.registerMany(
        gatewayId,
        conns.map((c) => ({ userId: c.userId, connectionId: c.id })),
      )
      // a user whose two devices are in one batch counts 1 then 2: one user.online, as when they come one by one
      publish(
        'user.online',
        conns.filter((_, i) => live[i] === 1).map((c) => c.userId),
      )
      return live.map((value) => ({ value }))
    },
    { maxBatch: REGISTER_BATCH, maxInFlight: 2 },
  )

  return {
    async connected(conn) {
      await registrations.add(conn)
    },
    async disconnected(conn) {
      if ((await presence.unregister(conn.userId, gatewayId, conn.id)) === 0) publish('user.offline', [conn.userId])
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
