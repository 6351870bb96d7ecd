// How much memory a cluster gateway keeps per idle connection, over time: starts a one-gateway cluster on the local
// infrastructure (`gochat infra up`), opens N idle connections, and prints the gateway's RSS and V8 heap (from its
// /metrics) every few seconds for a minute. The per-connection figure of `gochat bench fanout` is a single reading
// a second after the ramp, which also counts the garbage the ramp left for V8's next full GC; this shows both.
//
//   npx tsx bench/probes/gateway-memory.ts [connections=4000] [seconds=60]
import WebSocket from 'ws'
import { createUsers } from '../admin.js'
import { Cluster } from '../../runtime/cluster.js'
import { deleteTopicsWithPrefix, dropDatabase } from '../../test/helpers/cleanup.js'
import { deleteKeys } from '../../test/helpers/redis.js'

const N = Number(process.argv[2] ?? 4000)
const SECONDS = Number(process.argv[3] ?? 60)
const prefix = `memprobe${Date.now().toString(36)}`
const mysqlUrl = new URL(process.env.GOCHAT_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306')
mysqlUrl.pathname = `/gochat_${prefix}` // a throwaway database, dropped at the end
const db = mysqlUrl.toString()
const MiB = 2 ** 20

const cluster = new Cluster({
  gateways: 1,
  tasks: 1,
  kafka: process.env.GOCHAT_KAFKA_BROKERS ?? '127.0.0.1:9092',
  mysql: db,
  redis: process.env.GOCHAT_REDIS_URL ?? 'redis://127.0.0.1:6379',
  topicPrefix: prefix,
  env: { GOCHAT_REDIS_KEY_PREFIX: `${prefix}:` },
})
let url = ''

async function reading() {
  const text = await (await fetch(`${url}/metrics`)).text()
  const value = (name: string) =>
    Number(
      text
        .split('\n')
        .find((l) => l.startsWith(`${name} `))
        ?.split(' ')[1] ?? NaN,
    )
  return {
    connections: value('gochat_gateway_connections'),
    rss: value('process_resident_memory_bytes'),
    heap: value('nodejs_heap_size_used_bytes'),
  }
}

const sockets: WebSocket[] = []
try {
  await cluster.start()
  url = cluster.gatewayUrls[0]!
  const { users } = await createUsers(url, cluster.adminSecret, N, 'memprobe')
  await new Promise((r) => setTimeout(r, 2000))
  const before = await reading()
  let next = 0
  const t0 = Date.now()
  await Promise.all(
    Array.from({ length: 64 }, async () => {
      while (next < users.length) {
        const ws = new WebSocket(
          `${url.replace(/^http/, 'ws')}/v1/ws?token=${encodeURIComponent(users[next++]!.token)}`,
        )
        await new Promise((resolve, reject) => {
          ws.once('open', resolve)
          ws.once('error', reject)
        })
        sockets.push(ws)
      }
    }),
  )
  const rampS = (Date.now() - t0) / 1000
  console.log(
    `${N} connections in ${rampS.toFixed(1)} s (${Math.round(N / rampS)}/s); before: RSS ${(before.rss / MiB).toFixed(1)} MiB, heap ${(before.heap / MiB).toFixed(1)} MiB`,
  )
  console.log('seconds after ramp | connections | RSS MiB | heap MiB | KiB/conn RSS | KiB/conn heap')
  for (let s = 0; s <= SECONDS; s += 5) {
    const r = await reading()
    const per = (now: number, then: number) => ((now - then) / 1024 / N).toFixed(1)
    console.log(
      `${String(s).padStart(3)} | ${r.connections} | ${(r.rss / MiB).toFixed(1)} | ${(r.heap / MiB).toFixed(1)} | ${per(r.rss, before.rss)} | ${per(r.heap, before.heap)}`,
    )
    await new Promise((res) => setTimeout(res, 5000))
  }
} finally {
  for (const ws of sockets) ws.terminate()
  await cluster.stop()
  await dropDatabase(db)
  await deleteTopicsWithPrefix(prefix)
  await deleteKeys(`${prefix}:`)
}
