// Removes a dead process's members from its consumer groups at once (a LeaveGroup on its behalf), so that its
// partitions go to the live members in about a heartbeat instead of after the session timeout. Used by the
// cluster supervisor when a child dies without leaving (SIGKILL, crash), and by a consumer that crashed (e.g. all
// brokers down) for the member it was: kafkajs restarts it as a new member, and once the brokers are back the
// coordinator would otherwise wait out the old one's session before the group can settle.
//
// kafkajs 2.2.4 has no admin call for LeaveGroup of another member (nor static membership); the request is sent
// through the coordinator broker of kafkajs's own cluster object, reached by its private symbol.
import { log } from '../../observability/log.js'
import type { Kafka } from 'kafkajs'
import { createKafka } from './client.js'

interface Coordinator {
  leaveGroup(req: { groupId: string; memberId: string }): Promise<unknown>
}
interface KafkaCluster {
  connect(): Promise<void>
  disconnect(): Promise<void>
  findGroupCoordinator(req: { groupId: string }): Promise<Coordinator>
}

/** The members (group, member id) of groups named `<groupPrefix>…` whose client id is `clientId`, made to leave. */
export async function evictMembers(
  brokers: string[],
  groupPrefix: string,
  clientId: string,
): Promise<Array<{ groupId: string; memberId: string }>> {
  const kafka = createKafka(brokers, 'gochat-supervisor', { retry: { retries: 2 } })
  const admin = kafka.admin()
  const cluster = privateCluster(kafka)
  const evicted: Array<{ groupId: string; memberId: string }> = []
  await Promise.all([admin.connect(), cluster.connect()])
  try {
    const { groups } = await admin.listGroups()
    const ids = groups.map((g) => g.groupId).filter((g) => g.startsWith(groupPrefix))
    if (ids.length === 0) return evicted
    const { groups: described } = await admin.describeGroups(ids)
    await Promise.all(
      described.flatMap((g) =>
        g.members
          .filter((m) => m.clientId === clientId)
          .map(async (m) => {
            const coordinator = await cluster.findGroupCoordinator({ groupId: g.groupId })
            await coordinator.leaveGroup({ groupId: g.groupId, memberId: m.memberId })
            evicted.push({ groupId: g.groupId, memberId: m.memberId })
          }),
      ),
    )
    return evicted
  } finally {
    await Promise.all([admin.disconnect(), cluster.disconnect()]).catch((err: Error) =>
      log.debug('evict: disconnect failed', { err: err.message }),
    )
  }
}

function privateCluster(kafka: Kafka): KafkaCluster {
  const createCluster = Object.getOwnPropertySymbols(kafka).find((s) => s.description === 'private:Kafka:createCluster')
  if (!createCluster) throw new Error('kafkajs internals changed: no createCluster')
  return (kafka as unknown as Record<symbol, (o: object) => KafkaCluster>)[createCluster]!({})
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Makes `memberId` leave `groupId`, asking again every `everyMs` while the coordinator cannot be reached (Kafka
 * down), until it answered or `done()` says to stop. An unknown member counts as gone. Resolves whether it left.
 */
export async function leaveWhenReachable(
  kafka: Kafka,
  groupId: string,
  memberId: string,
  everyMs: number,
  done: () => boolean,
): Promise<boolean> {
  while (!done()) {
    const cluster = privateCluster(kafka)
    try {
      await cluster.connect()
      const coordinator = await cluster.findGroupCoordinator({ groupId })
      await coordinator.leaveGroup({ groupId, memberId })
      return true
    } catch (err) {
      if ((err as { type?: string }).type === 'UNKNOWN_MEMBER_ID') return true
      log.debug('leave of a crashed member: coordinator not reachable yet', { groupId, err: (err as Error).message })
    } finally {
      await cluster.disconnect().catch(() => undefined)
    }
    await sleep(everyMs)
  }
  return false
}
