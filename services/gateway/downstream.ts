// The gateway's own downstream topic (gochat.messages.downstream.<instanceId>): each DownstreamMessage carries a
// frame serialized once upstream; it is turned into bytes once here and those same bytes go to every live
// connection of every listed user. Users with no connection here (they just left) are skipped: they resync by seq.
// A message naming a revoked token (closeRevoked) then closes the listed users' sockets opened with it.
// When the consumer comes back after losing Kafka, every connection is told to resync (what it may have skipped).
import type { Bus, Subscription } from '../../src/ports/bus.js'
import { runConsumer } from '../../src/messaging/consumer.js'
import { deadLetterer } from '../../src/messaging/dead-letter.js'
import type { ConsumerRetryPolicy } from '../../src/messaging/failure.js'
import { decode, DownstreamMessage } from '../../src/contracts/payloads.js'
import type { Logger } from '../../src/observability/log.js'
import { consumeSpan, tracingEnabled } from '../../src/observability/tracing.js'
import { closeWithToken, type Connection, type ConnectionRegistry } from './connections.js'
import { downstreamRecords, framesPushed } from './metrics.js'

export interface DownstreamDeps {
  bus: Bus
  topic: string
  groupId: string
  dlqTopic: string
  registry: ConnectionRegistry
  log: Logger
  retry?: ConsumerRetryPolicy
  /** tells every connection to resync; returns how many were told */
  resync: () => number
}

/**
 * Writes a batch of DownstreamMessages: each frame is turned into bytes once, and a connection that has several
 * frames in the batch gets them in order in one write. Returns the frames written.
 */
export function deliver(registry: ConnectionRegistry, msgs: readonly DownstreamMessage[]): number {
  const pending = new Map<Connection, Buffer[]>()
  let written = 0
  for (const msg of msgs) {
    const bytes = Buffer.from(msg.frame, 'utf8')
    for (const userId of msg.userIds) {
      for (const conn of registry.of(userId)) {
        if (msg.connectionId !== undefined && conn.id !== msg.connectionId) continue
        const frames = pending.get(conn)
        if (frames) frames.push(bytes)
        else pending.set(conn, [bytes])
        written++
      }
    }
  }
  for (const [conn, frames] of pending) conn.sendAll(frames)
  // after their frames: a revocation out of band (user.tokens.revoked) closes the sockets opened with the token
  for (const msg of msgs)
    if (msg.closeRevoked) for (const userId of msg.userIds) closeWithToken(registry.of(userId), msg.closeRevoked)
  return written
}

export function startDownstream(deps: DownstreamDeps): Promise<Subscription> {
  return runConsumer({
    bus: deps.bus,
    log: deps.log,
    groupId: deps.groupId,
    topics: [deps.topic],
    // frames older than this process were meant for sockets that no longer exist
    fromBeginning: false,
    retry: deps.retry,
    // The consumer lost Kafka (every broker down) and is back: frames published meanwhile to a partition with no
    // committed offset were skipped ("latest"), so every socket is told to catch up by seq (docs/protocol.md).
    onResumed: () => {
      const told = deps.resync()
      deps.log.info('downstream consumer back after losing Kafka; connections told to resync', { resynced: told })
    },
    decode: (rec) => decode(DownstreamMessage, rec.value, 'DownstreamMessage'),
    handle: async (items) => {
      if (tracingEnabled()) {
        // one span per DownstreamMessage, a child of the task span that produced it
        for (const { value, record } of items) {
          framesPushed.inc(
            consumeSpan('gateway', 'ws.write', record, (span) => {
              const written = deliver(deps.registry, [value])
              span?.setAttributes({ 'gochat.recipients': value.userIds.length, 'gochat.sockets_written': written })
              return written
            }),
          )
        }
      } else {
        framesPushed.inc(
          deliver(
            deps.registry,
            items.map((i) => i.value),
          ),
        )
      }
      downstreamRecords.inc(items.length)
    },
    deadLetter: deadLetterer(deps.bus, deps.dlqTopic, 'undecodable'),
  })
}
