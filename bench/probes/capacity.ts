// The per-instance costs behind docs/capacity.md: starts a cluster on the local infrastructure (`gochat infra up`),
// runs a one-to-one burst and a group fanout through the bench's own code, and reads every process's CPU time
// (utime + stime from /proc, the process and its descendants) at each phase boundary, less the CPU each spends idle
// (measured for 10 s before the load). CPU per unit of work holds
// up far better on a shared, noisy machine than throughput does, and it is what a capacity model multiplies.
//
//   npx tsx bench/probes/capacity.ts [--pairs 50] [--messages 20] [--group 2000] [--online 0.8] [--fanout-messages 10]
//
// Prints a table per phase and, with --json, everything as JSON on stdout.
import { readdirSync, readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import { Cluster } from '../../runtime/cluster.js'
import { deleteTopicsWithPrefix, dropDatabase } from '../../test/helpers/cleanup.js'
import { deleteKeys } from '../../test/helpers/redis.js'
import { runFanout } from '../fanout.js'
import { runSend } from '../one-to-one.js'
import { gochatTarget } from '../targets.js'

const { values: a } = parseArgs({
  options: {
    pairs: { type: 'string', default: '50' },
    messages: { type: 'string', default: '20' },
    group: { type: 'string', default: '2000' },
    online: { type: 'string', default: '0.8' },
    'fanout-messages': { type: 'string', default: '10' },
    gateways: { type: 'string', default: '2' },
    tasks: { type: 'string', default: '2' },
    json: { type: 'boolean', default: false },
  },
})
const num = (k: keyof typeof a) => Number(a[k])
const say = (text: string) => process.stderr.write(`${text}\n`)

const TICKS = 100 // Linux USER_HZ
/** pid → [ppid, cpu ms] for every process on the machine */
function processTable(): Map<number, [number, number]> {
  const out = new Map<number, [number, number]>()
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8')
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      out.set(Number(d), [Number(f[1]), ((Number(f[11]) + Number(f[12])) * 1000) / TICKS])
    } catch {
      // gone meanwhile
    }
  }
  return out
}
/** CPU ms of a process and all its descendants */
function treeCpu(table: Map<number, [number, number]>, root: number): number {
  let sum = 0
  const stack = [root]
  while (stack.length) {
    const pid = stack.pop()!
    sum += table.get(pid)?.[1] ?? 0
    for (const [child, [ppid]] of table) if (ppid === pid) stack.push(child)
  }
  return sum
}
function pidsOf(match: (cmdline: string) => boolean): number[] {
  const out: number[] = []
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue
    try {
      if (match(readFileSync(`/proc/${d}/cmdline`, 'utf8'))) out.push(Number(d))
    } catch {
      // gone meanwhile
    }
  }
  return out
}

const prefix = `cap${Date.now().toString(36)}`
const mysqlUrl = new URL(process.env.GOCHAT_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306')
mysqlUrl.pathname = `/gochat_${prefix}`
const redisUrl = process.env.GOCHAT_REDIS_URL ?? 'redis://127.0.0.1:6379'
const kafka = process.env.GOCHAT_KAFKA_BROKERS ?? '127.0.0.1:9092'
const cluster = new Cluster({
  gateways: num('gateways'),
  tasks: num('tasks'),
  kafka,
  mysql: mysqlUrl.toString(),
  redis: redisUrl,
  topicPrefix: prefix,
  env: { GOCHAT_REDIS_KEY_PREFIX: `${prefix}:` },
})

type Snapshot = Record<string, number>
function snapshot(): Snapshot {
  const table = processTable()
  const s: Snapshot = {}
  for (const [name, p] of cluster.procs) if (p.child?.pid) s[name] = treeCpu(table, p.child.pid)
  const engines: Record<string, (c: string) => boolean> = {
    mariadb: (c) => c.startsWith('/usr/sbin/mariadbd') || c.startsWith('mariadbd'),
    kafka: (c) => c.includes('kafka.Kafka'),
    redis: (c) => c.startsWith('redis-server'),
  }
  for (const [name, match] of Object.entries(engines))
    s[name] = pidsOf(match).reduce((sum, pid) => sum + treeCpu(table, pid), 0)
  return s
}
const diff = (b: Snapshot, a: Snapshot): Snapshot =>
  Object.fromEntries(Object.keys(b).map((k) => [k, b[k]! - (a[k] ?? 0)]))
/** role totals: gw-1 + gw-2 → gateway, task-1 + task-2 → task, … */
function byRole(d: Snapshot): Snapshot {
  const out: Snapshot = {}
  for (const [name, ms] of Object.entries(d)) {
    const role = name.startsWith('gw-') ? 'gateway' : name.replace(/-\d+$/, '')
    out[role] = (out[role] ?? 0) + ms
  }
  return out
}

const marks: Array<{ label: string; at: Snapshot; ms: number }> = []
const mark = (label: string) => marks.push({ label, at: snapshot(), ms: Date.now() })
const find = (label: string) => marks.find((m) => m.label === label)!
/** CPU of each role between two marks; `net` less what the role spends idle (heartbeats, consumer polls) meanwhile */
function phase(from: string, to: string, net = true): Snapshot {
  const [a, b] = [find(from), find(to)]
  const raw = byRole(diff(b.at, a.at))
  if (!net) return raw
  const [i0, i1] = [find('idle:start'), find('idle:end')]
  const idle = byRole(diff(i1.at, i0.at))
  const scale = (b.ms - a.ms) / (i1.ms - i0.ms)
  return Object.fromEntries(Object.entries(raw).map(([k, ms]) => [k, Math.max(0, ms - (idle[k] ?? 0) * scale)]))
}
const IDLE_MS = 10_000

try {
  say(`starting a cluster (${a.gateways} gateways, ${a.tasks} tasks, 1 logic, 1 repo) on ${kafka}`)
  await cluster.start()
  const gateways = cluster.gatewayUrls
  // what the roles (and the shared engines) burn with nothing to do, subtracted from every phase
  await new Promise((r) => setTimeout(r, 10_000)) // past the start-up's group joins and JIT warm-up
  mark('idle:start')
  await new Promise((r) => setTimeout(r, IDLE_MS))
  mark('idle:end')

  const send = await runSend({
    gateways,
    adminSecret: cluster.adminSecret,
    pairs: num('pairs'),
    messages: num('messages'),
    rate: 'max',
    payloadBytes: 100,
    workers: 2,
    connectConcurrency: 16,
    drainTimeoutMs: 120_000,
    progress: false,
    log: (t) => {
      say(t)
      if (t.startsWith('sending')) mark('send:start')
    },
  })
  mark('send:end')

  const groupSize = num('group')
  const fanout = await runFanout(
    gochatTarget({ gateways, adminSecret: cluster.adminSecret, groupSize, online: num('online'), memberChunk: 1000 }),
    {
      messages: num('fanout-messages'),
      rate: 'max',
      inflight: 4,
      payloadBytes: 100,
      workers: 2,
      connectConcurrency: 32,
      warmupTimeoutMs: 60_000,
      drainTimeoutMs: 120_000,
      progress: false,
      log: (t) => {
        say(t)
        if (t.includes('opening')) mark('connect:start')
        if (t.includes('sending')) mark('fanout:start')
      },
    },
  )
  mark('fanout:end')

  const sent = send.completeness.received
  const connects = fanout.setup.connected
  const deliveries = fanout.completeness.received
  const fanoutBatch = 500 // fanout_batch_size's default
  const shards = fanout.messages * Math.ceil(groupSize / fanoutBatch)
  const per = (cpu: Snapshot, n: number) =>
    Object.fromEntries(Object.entries(cpu).map(([k, ms]) => [k, Math.round((ms / Math.max(1, n)) * 1000) / 1000]))
  const report = {
    cluster: { gateways: num('gateways'), tasks: num('tasks'), logics: 1, repos: 1 },
    idleCores: per(byRole(diff(find('idle:end').at, find('idle:start').at)), IDLE_MS),
    loadAverage: loadavg()[0],
    oneToOne: {
      messages: sent,
      messagesPerSec: send.messagesPerSec,
      missing: send.completeness.missing,
      cpuMsPerMessage: per(phase('send:start', 'send:end'), sent),
      rawCpuMsPerMessage: per(phase('send:start', 'send:end', false), sent),
    },
    connect: {
      connections: connects,
      connectsPerSec: fanout.setup.connectsPerSec,
      cpuMsPerConnect: per(phase('connect:start', 'fanout:start'), connects),
      rawCpuMsPerConnect: per(phase('connect:start', 'fanout:start', false), connects),
      gatewayKiBPerConnection: fanout.server ? Math.round(fanout.server.bytesPerConnection / 102.4) / 10 : null,
    },
    fanout: {
      groupSize,
      online: fanout.online,
      messages: fanout.messages,
      deliveries,
      shards,
      deliveriesPerSec: fanout.deliveriesPerSec,
      missing: fanout.completeness.missing,
      cpuMsPerThousandDeliveries: per(phase('fanout:start', 'fanout:end'), deliveries / 1000),
      cpuMsPerShard: per(phase('fanout:start', 'fanout:end'), shards),
      rawCpuMsPerThousandDeliveries: per(phase('fanout:start', 'fanout:end', false), deliveries / 1000),
    },
  }
  if (a.json) console.log(JSON.stringify(report, null, 2))
  else {
    const rows = (title: string, o: Record<string, number>) =>
      `${title}\n${Object.entries(o)
        .map(([k, v]) => `  ${k.padEnd(8)} ${v.toFixed(3)}`)
        .join('\n')}`
    console.log(
      [
        `one-to-one: ${sent} messages, ${send.messagesPerSec}/s, missing ${send.completeness.missing}`,
        rows('CPU ms per message', report.oneToOne.cpuMsPerMessage),
        `connect: ${connects} connections, ${fanout.setup.connectsPerSec}/s, gateway ${report.connect.gatewayKiBPerConnection} KiB each (single reading)`,
        rows('CPU ms per connect', report.connect.cpuMsPerConnect),
        `fanout: ${groupSize} members, ${fanout.online} online, ${fanout.messages} messages, ${deliveries} deliveries, ${fanout.deliveriesPerSec}/s, ${shards} shards, missing ${fanout.completeness.missing}`,
        rows('CPU ms per 1,000 deliveries', report.fanout.cpuMsPerThousandDeliveries),
        rows('CPU ms per shard', report.fanout.cpuMsPerShard),
      ].join('\n'),
    )
  }
} finally {
  await cluster.stop()
  await deleteTopicsWithPrefix(prefix).catch(() => undefined)
  await dropDatabase(mysqlUrl.toString()).catch(() => undefined)
  await deleteKeys(`${prefix}:`).catch(() => undefined)
}
