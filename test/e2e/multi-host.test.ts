// Roles on hosts that are really separate: five network namespaces joined by a bridge (test/helpers/netns.ts), each
// role a `gochat serve` on its own host and reaching the others only through the hosts' addresses, never loopback:
//   infra  Kafka (one KRaft node), MariaDB, Redis, all the suite's own      gw1, gw2  a gateway each
//   core   repo + logic (bind 0.0.0.0, advertise the host's address)         tasks     two task instances
// The test process is a client on the bridge. It runs the core path across the hosts, then takes gw2's host off the
// network in the middle of traffic and puts it back: gw2's clients notice the silence, reconnect to gw1 and sync;
// every acked message is in history, with no seq gap or duplicate. Every gRPC call between the hosts carries the
// cluster's rpc_secret. The worked example of docs/deployment.md.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { Cluster } from '../../runtime/cluster.js'
import { logicClient } from '../../src/rpc/client.js'
import { defaultRound, runRound } from '../../bench/chaos/run.js'
import { NetHosts, netnsPermitted } from '../helpers/netns.js'
import { startInfraHost, type InfraHost } from '../helpers/netns-infra.js'
import { sleep, until } from '../helpers/until.js'
import { chatSuite } from './chat.suite.js'

const permitted = netnsPermitted()
if (!permitted && process.env.GOCHAT_REQUIRE_INFRA === '1')
  throw new Error('the multi-host suite needs network namespaces: run it as root (CAP_NET_ADMIN, `ip netns add`)')

const where: Record<string, string> = {
  'gw-1': 'gw1',
  'gw-2': 'gw2',
  repo: 'core',
  logic: 'core',
  'task-1': 'tasks',
  'task-2': 'tasks',
}
/** what each role binds and advertises on its host */
const addresses = (role: string, ip: string): Record<string, string> =>
  ({
    gateway: { GOCHAT_GATEWAY_HOST: ip },
    logic: { GOCHAT_LOGIC_LISTEN: '0.0.0.0:0', GOCHAT_LOGIC_ADDR: `${ip}:0`, GOCHAT_METRICS_HOST: ip },
    repo: { GOCHAT_REPO_LISTEN: '0.0.0.0:0', GOCHAT_REPO_ADDR: `${ip}:0`, GOCHAT_METRICS_HOST: ip },
    task: { GOCHAT_METRICS_HOST: ip },
  })[role]!

/** the host is off the network this long: several heartbeats, well under the retry window of the clients' sends */
const CUT_MS = 8000

describe.skipIf(!permitted)('roles on separate network hosts (namespaces on a bridge)', () => {
  let hosts: NetHosts | undefined
  let infra: InfraHost | undefined
  let cluster: Cluster | undefined
  const running = () => {
    if (!cluster || !hosts) throw new Error('the hosts have not started')
    return { cluster, hosts }
  }

  beforeAll(async () => {
    hosts = NetHosts.create(['infra', 'gw1', 'gw2', 'core', 'tasks'])
    infra = await startInfraHost(hosts, 'infra')
    const h = hosts
    cluster = new Cluster({
      gateways: 2,
      tasks: 2,
      kafka: infra.kafka,
      mysql: `${infra.mysql}/gochat_multihost`,
      redis: infra.redis,
      topicPrefix: `mh${Date.now().toString(36)}`,
      // a lost client is noticed within two heartbeats: the cut below stays short
      env: { GOCHAT_HEARTBEAT_INTERVAL_MS: '1000' },
      placement: (name, role) => {
        const host = h.host(where[name]!)
        return { prefix: h.prefix(host.name), host: host.ip, env: addresses(role, host.ip) }
      },
      // six processes loading the sources at once on two shared cores: minutes, not seconds, when the machine is busy
    })
    await cluster.start(200_000)
  }, 360_000)

  afterAll(async () => {
    await cluster?.stop()
    await infra?.stop()
    hosts?.destroy()
  }, 120_000)

  it('puts every role on its own host: peers dial the hosts’ addresses, and nothing answers on another host’s loopback', () => {
    const { cluster, hosts } = running()
    const ip = (name: string) => hosts.host(name).ip
    expect(cluster.gatewayUrls.map((u) => new URL(u).hostname)).toEqual([ip('gw1'), ip('gw2')])
    // repo bound 0.0.0.0 and advertised its host's address, which logic and task were given
    expect(cluster.repoAddr).toMatch(new RegExp(`^${ip('core').replaceAll('.', '\\.')}:\\d+$`))
    for (const [name, host] of Object.entries(where))
      expect(new URL(cluster.procs.get(name)!.healthUrl).hostname, name).toBe(ip(host))
    // logic's port is open on its host, and closed on the loopback of the gateway host that calls it
    const logicPort = cluster.procs.get('logic')!.env!.GOCHAT_LOGIC_ADDR!.split(':')[1]!
    const probe = (host: string, addr: string) =>
      execFileSync(
        'ip',
        [
          'netns',
          'exec',
          hosts.host(host).ns,
          'bash',
          '-c',
          `timeout 2 bash -c 'exec 3<>/dev/tcp/${addr}/${logicPort}' 2>/dev/null && echo open || echo closed`,
        ],
        { stdio: ['ignore', 'pipe', 'ignore'] },
      )
        .toString()
        .trim()
    expect(probe('gw1', ip('core'))).toBe('open')
    expect(probe('gw1', '127.0.0.1')).toBe('closed')
  })

  it('refuses a gRPC call between hosts without the roles’ rpc_secret, and serves one with it', async () => {
    const { cluster } = running()
    const guest = async (security: { secret?: string }) => {
      const client = logicClient(cluster.procs.get('logic')!.env!.GOCHAT_LOGIC_ADDR!, 'gateway', security)
      try {
        return await client.Guest({ display_name: 'from the bridge' }).then(
          (res) => ({ ok: true, user: res.user_id }),
          (err: { code?: string }) => ({ ok: false, code: err.code }),
        )
      } finally {
        client.close()
      }
    }
    expect(await guest({})).toEqual({ ok: false, code: 'internal' })
    expect(await guest({ secret: cluster.rpcSecret })).toMatchObject({ ok: true, user: expect.stringMatching(/^u_/) })
  })

  const suite = chatSuite('the core path across hosts', { gateways: () => running().cluster.gatewayUrls })

  it('cuts gw2’s host off mid-traffic and back: its clients reconnect to gw1 and sync; nothing acked is lost', async () => {
    await suite.closeSockets()
    const { cluster, hosts } = running()
    const round = {
      ...defaultRound,
      pairs: 4,
      groupSize: 8,
      rate: 10,
      warmupMs: 3000,
      afterMs: CUT_MS + 6000,
      drainMs: 4000,
      // two heartbeats and some: how long a client waits before it takes a silent socket for lost
      silenceMs: 3000,
    }
    const r = await runRound(
      cluster,
      {
        name: 'cut:gw2',
        inject: async () => {
          hosts.cut('gw2')
          await sleep(CUT_MS)
          hosts.restore('gw2')
        },
      },
      round,
      Date.now().toString(36).slice(-6),
    )
    console.log('cut:gw2', JSON.stringify(r))
    expect(r.acked).toBeGreaterThan(round.rate * 5)
    expect(r.ackedMissing).toBe(0)
    expect(r.seqDuplicates).toBe(0)
    expect(r.seqGaps).toBe(0)
    expect(r.missedSilently).toBe(0)
    // a send caught by the cut is retried with its key after the reconnect: acked in the end
    expect(r.sendErrors).toBe(0)
    // the clients that were on gw2 (half of them) replaced their sockets
    expect(r.reconnects).toBeGreaterThanOrEqual(Math.floor((round.pairs * 2 + round.groupSize) / 2))
    // and gw2 serves again once its host is back
    const health = await until(
      () =>
        fetch(`${cluster.gatewayUrls[1]}/health`).then(
          (res) => res.status,
          () => 0,
        ),
      (status) => status === 200,
      30_000,
      250,
    )
    expect(health).toBe(200)
  }, 180_000)

  afterAll(() => suite.closeSockets())
})
