// task.dispatch.group: routes each stored message. Direct chats and groups below large_group_threshold are routed
// here (presence in one call, one DownstreamMessage per gateway); large groups are split into FanoutTask shards.
import type { BusRecord } from '../../src/ports/bus.js'
import { decode, DispatchMessage } from '../../src/contracts/payloads.js'
import { fanoutSize, taskDuration } from './metrics.js'
import { memberPages } from './members.js'
import { messageFrame, OutgoingRecords, routeToMembers, type RouteDeps } from './route.js'
import { planShards } from './fanout.js'

export interface DispatchDeps extends RouteDeps {
  largeGroupThreshold: number
  fanoutBatchSize: number
  fanoutTopic: string
}

export const decodeDispatch = (rec: BusRecord) => decode(DispatchMessage, rec.value, 'DispatchMessage')

export async function dispatchOne(deps: DispatchDeps, d: DispatchMessage): Promise<OutgoingRecords> {
  const out = new OutgoingRecords()
  const timer = taskDuration.startTimer({ task_type: 'dispatch' })
  if (d.conversationKind === 'group' && d.memberCount >= deps.largeGroupThreshold) {
    await planShards(deps, out, d)
  } else {
    const frame = messageFrame(d.message)
    let members = 0
    for await (const ids of memberPages(deps.repo, d.message.conversationId)) {
      members += ids.length
      await routeToMembers(deps, out, d.message, ids, frame, d.traceId)
    }
    fanoutSize.observe(members)
  }
  timer()
  return out
}
