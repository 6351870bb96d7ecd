// The gateway's own downstream topic (gochat.messages.downstream.<instanceId>): each DownstreamMessage carries a
// frame serialized once upstream; it is turned into bytes once here and those same bytes go to every live
// connection of every listed user. Users with no connection here (they just left) are skipped: they resync by seq.
import type { Bus, Subscription } from '../../src/ports/bus.js'
import { runConsumer } from '../../src/bus/consumer.js'
import { deadLetterer } from '../../src/bus/dead-letter.js'
import { decode, DownstreamMessage } from '../../src/contracts/payloads.js'
import type { Logger } from '../../src/observability/log.js'
import { consumeSpan, tracingEnabled } from '../../src/observability/tracing.js'
import type { ConnectionRegistry } from './connections.js'
import { downstreamRecords, framesPushed } from './metrics.js'

export interface DownstreamDeps {
  bus: Bus
  topic: string
  groupId: string
  dlqTopic: string
  registry: ConnectionRegistry
  log: Logger
}

export function deliver(registry: ConnectionRegistry, msg: DownstreamMessage): number {
  const bytes = Buffer.from(msg.frame, 'utf8')
  let written = 0
  for (const userId of msg.userIds) {
    for (const conn of registry.of(userId)) {
      if (msg.connectionId !== undefined && conn.id !== msg.connectionId) continue
      conn.send(bytes)
      written++
    }
  }
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
    decode: (rec) => decode(DownstreamMessage, rec.value, 'DownstreamMessage'),
    handle: async (items) => {
      if (tracingEnabled()) {
        // one span per DownstreamMessage, a child of the task span that produced it
        for (const { value, record } of items) {
          framesPushed.inc(consumeSpan('gateway', 'ws.write', record, (span) => {
            const written = deliver(deps.registry, value)
            span?.setAttributes({ 'gochat.recipients': value.userIds.length, 'gochat.sockets_written': written })
            return written
          }))
        }
      } else {
        for (const { value } of items) framesPushed.inc(deliver(deps.registry, value))
      }
      downstreamRecords.inc(items.length)
    },
    deadLetter: deadLetterer(deps.bus, deps.dlqTopic, 'undecodable'),
  })
}
