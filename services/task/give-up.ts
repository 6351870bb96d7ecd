// When the task gives up delivering a message (its dispatch or fanout record dead-lettered: out of retries, refused,
// or given up by its consumer after the retry window), the message is in history but on nobody's socket. Every
// recipient online now is then told to `resync` through its gateway, routed like a delivery (after that
// conversation's earlier frames: same key), so that the promise "each online recipient gets every acked message
// live, or a `resync` after it was sent" (docs/protocol.md) holds even then. The recipients of a dispatch are the
// conversation's members, of a fanout shard the shard's. When they cannot be located for now (repo down), the give-up
// fails and the record waits, dead-lettered only once they were told; a conversation that is gone has nobody to tell,
// and a record that does not decode names nobody.
import type { Bus, BusRecord } from '../../src/ports/bus.js'
import { encode, type DownstreamMessage } from '../../src/contracts/payloads.js'
import { RESYNC_FRAME } from '../../src/contracts/resync.js'
import { isPermanent, reasonOf } from '../../src/messaging/failure.js'
import type { Logger } from '../../src/observability/log.js'
import type { DispatchDeps } from './dispatch-deps.js'
import { decodeDispatch } from './dispatch.js'
import { decodeFanout } from './fanout.js'
import { OutgoingRecords } from './route.js'
import { flush } from './worker.js'

/** whom a delivery record was for: a conversation's members with user id in (after, until] ('' = open end) */
interface Addressees {
  conversationId: string
  seq: number
  after: string
  until: string
}

function addresseesOf(taskType: GivenUpType, rec: BusRecord): Addressees | undefined {
  try {
    if (taskType === 'dispatch') {
      const { message } = decodeDispatch(rec)
      return { conversationId: message.conversationId, seq: message.seq, after: '', until: '' }
    }
    const shard = decodeFanout(rec)
    const { conversationId, seq } = shard.message
    return { conversationId, seq, after: shard.afterUserId, until: shard.untilUserId }
  } catch {
    return undefined
  }
}

export type GivenUpType = 'dispatch' | 'fanout'

/** tells the online recipients of a delivery record that is given up on to resync; see above */
export type GiveUp = (rec: BusRecord) => Promise<void>

export function resyncOnGiveUp(bus: Bus, deps: DispatchDeps, taskType: GivenUpType, log: Logger): GiveUp {
  return async (rec) => {
    const to = addresseesOf(taskType, rec)
    if (!to) return
    const out = new OutgoingRecords()
    let users = 0
    try {
      let cursor = to.after
      do {
        const page = await deps.repo.LocateMembers({
          conversation_id: to.conversationId,
          after_user_id: cursor,
          until_user_id: to.until,
          limit: deps.fanoutBatchSize,
        })
        for (const { gateway_id, user_ids } of page.online) {
          if (user_ids.length === 0) continue
          const down: DownstreamMessage = { conversationId: to.conversationId, userIds: user_ids, frame: RESYNC_FRAME }
          out.add(deps.downstreamTopic(gateway_id), { key: to.conversationId, value: encode(down) })
          users += user_ids.length
        }
        cursor = page.next_cursor
      } while (cursor)
    } catch (err) {
      if (!isPermanent(err)) throw err
      log.info('a given-up delivery has nobody to tell (its conversation is gone)', {
        taskType,
        conversationId: to.conversationId,
        seq: to.seq,
        err: reasonOf(err),
      })
      return
    }
    await flush(bus, out)
    log.info('a given-up delivery: its online recipients were told to resync', {
      taskType,
      conversationId: to.conversationId,
      seq: to.seq,
      users,
      gateways: out.byTopic.size,
    })
  }
}

/** a dead-letterer that tells the record's recipients first (see above) */
export const tellingFirst =
  (giveUp: GiveUp, deadLetter: (rec: BusRecord, reason: string) => Promise<void>) =>
  async (rec: BusRecord, reason: string): Promise<void> => {
    await giveUp(rec)
    await deadLetter(rec, reason)
  }
