// What a fanout run is pointed at. gochat needs users, a group and tokens before anyone connects; a baseline
// server needs nothing but the same number of connections. Each target also says how to read the server's
// memory and CPU, which is what the per-connection and who-was-busy figures come from.
import { createUsers } from './admin.js'
import { BaselineServer, type BaselineKind } from './baseline/spawn.js'
import type { Endpoint } from './endpoints.js'
import { createBenchGroup } from './group-setup.js'
import { gatewaysStats, type ServerStats } from './server-metrics.js'
import type { ReceiverSpec } from './worker-protocol.js'

export type SystemName = 'gochat' | BaselineKind

export interface PreparedRun {
  conversationId: string
  sender: Endpoint
  receivers: ReceiverSpec[]
  /** group members who stay offline (gochat: they get OfflinePush records) */
  offline: number
  usersMs: number
  groupMs: number
  usersVia: 'admin' | 'guest' | 'none'
}

export interface FanoutTarget {
  system: SystemName
  /** the servers the run talks to */
  urls: string[]
  prepare(log: (text: string) => void): Promise<PreparedRun>
  serverStats(): Promise<ServerStats | null>
  stop(): Promise<void>
}

export interface GochatTargetOptions {
  gateways: string[]
  adminSecret: string
  groupSize: number
  online: number
  memberChunk: number
}

/** Online receivers of a group of `groupSize` (the sender included), as a fraction of the other members. */
export const onlineCount = (groupSize: number, online: number) => Math.round((groupSize - 1) * online)

export function gochatTarget(o: GochatTargetOptions): FanoutTarget {
  return {
    system: 'gochat',
    urls: o.gateways,
    async prepare(log) {
      const [first] = o.gateways
      let t = Date.now()
      const { users, via } = await createUsers(first!, o.adminSecret, o.groupSize, 'bench', log)
      const usersMs = Date.now() - t
      const [owner, ...members] = users
      t = Date.now()
      log(`creating a group of ${o.groupSize} members`)
      const conversationId = await createBenchGroup(
        first!,
        owner!,
        members.map((m) => m.userId),
        `bench ${new Date().toISOString()}`,
        o.adminSecret,
        o.memberChunk,
      )
      const groupMs = Date.now() - t
      const online = members.slice(0, onlineCount(o.groupSize, o.online))
      return {
        conversationId,
        // the sender on the first gateway, receivers spread round-robin over all of them
        sender: { dialect: 'gochat', url: first!, token: owner!.token },
        receivers: online.map((u, k) => ({
          dialect: 'gochat',
          url: o.gateways[k % o.gateways.length]!,
          token: u.token,
          conversationId,
        })),
        offline: members.length - online.length,
        usersMs,
        groupMs,
        usersVia: via,
      }
    },
    serverStats: () => gatewaysStats(o.gateways),
    stop: async () => undefined,
  }
}

/** A baseline server, started now, that `receivers` connections will join. */
export async function baselineTarget(kind: BaselineKind, receivers: number): Promise<FanoutTarget> {
  const server = await BaselineServer.start(kind)
  const dialect = kind === 'socketio' ? 'socketio' : 'ws'
  const conversationId = 'bench'
  return {
    system: kind,
    urls: [server.url],
    async prepare() {
      return {
        conversationId,
        sender: { dialect, url: server.url },
        receivers: Array.from({ length: receivers }, () => ({ dialect, url: server.url, conversationId })),
        offline: 0,
        usersMs: 0,
        groupMs: 0,
        usersVia: 'none',
      }
    },
    serverStats: async () => {
      const s = await server.stats()
      return s && { rssBytes: s.rssBytes, cpuMs: s.cpuMs }
    },
    stop: () => server.stop(),
  }
}
