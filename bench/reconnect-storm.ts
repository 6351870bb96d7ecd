// The reconnect storm, measured: N gochat/client clients (default 5,000), all online in one group, lose their
// gateway (`gochat up` on a data directory of its own, killed with SIGKILL) and reconnect when it restarts on the
// same port, while messages are sent to the group. The gateway's admission limit applies to them (this host is not
// exempt): at most ws_max_upgrades_per_ip upgrades in progress from one address, more refused 429 with
// Retry-After. Prints: time until every client was online again and until every one had caught up, the peak
// connect rate (upgrades accepted in any one second), refused connects, and whether every client ended with every
// message of the group once and in seq order. test/e2e/reconnect-storm.test.ts is the same with a few hundred.
//
//   npx tsx bench/reconnect-storm.ts [--clients 5000] [--upgrades-per-ip 16] [--while-away 10]
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { GochatClient } from '../src/client/node.js'
import { RestClient } from '../src/client/rest.js'
import { createUsers } from './admin.js'
import { freePort } from './chaos/free-port.js'
import { machine } from './machine.js'

const { values: flags } = parseArgs({
  options: {
    clients: { type: 'string', default: '5000' },
    'upgrades-per-ip': { type: 'string', default: '16' },
    'while-away': { type: 'string', default: '10' },
  },
})
const CLIENTS = Number(flags.clients)
const UPGRADES_PER_IP = Number(flags['upgrades-per-ip'])
const WHILE_AWAY = Number(flags['while-away'])
const BIN = fileURLToPath(new URL('../bin/run.js', import.meta.url))
const ADMIN = `storm-${randomUUID()}`
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const log = (s: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`)

/** `gochat up` on `dir` and `port`, resolved once it serves */
async function up(dir: string, port: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [BIN, 'up', '--data-dir', dir, '--port', String(port), '--metrics-port', '0', '--log-level', 'warn'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        GOCHAT_ADMIN_SECRET: ADMIN,
        GOCHAT_MAX_CONNECTIONS_PER_IP_EXEMPT: '',
        GOCHAT_MAX_CONNECTIONS_PER_IP: String(CLIENTS * 4),
        GOCHAT_WS_MAX_UPGRADES_PER_IP: String(UPGRADES_PER_IP),
        GOCHAT_AUTH_RATE_PER_IP: '100000',
        GOCHAT_AUTH_BURST_PER_IP: '100000',
      },
    },
  )
  let out = ''
  child.stdout!.on('data', (d) => (out += d))
  child.stderr!.on('data', (d) => (out += d))
  for (let i = 0; !out.includes('Ctrl-C stops it'); i++) {
    if (child.exitCode !== null || i > 600) throw new Error(`gochat up did not start:\n${out}`)
    await sleep(100)
  }
  return child
}

/** a call after the restart: a pooled connection to the killed process fails once; busy answers pass too */
async function again<T>(call: () => Promise<T>): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await call()
    } catch (err) {
      const code = (err as { code?: string }).code
      if (i >= 20 || !['network', 'unavailable', 'rate_limited'].includes(code ?? '')) throw err
      await sleep(500)
    }
  }
}

async function refusedUpgrades(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text()
  return Number(/gochat_gateway_connections_closed_total\{reason="upgrades_per_address"\} (\d+)/.exec(text)?.[1] ?? 0)
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gochat-storm-'))
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  let server = await up(dir, port)
  try {
    log(`creating ${CLIENTS} users and their group`)
    const { users } = await createUsers(url, ADMIN, CLIENTS + 1, 'storm')
    const owner = new RestClient(url, users[0]!.token)
    const ids = users.slice(1).map((u) => u.userId)
    const { conversationId } = await owner.createGroup('storm', ids.slice(0, 100), ADMIN)
    for (let i = 100; i < ids.length; i += 100) await owner.addMembers(conversationId, ids.slice(i, i + 100), ADMIN)

    const got = new Map<GochatClient, number[]>()
    const onlineAt: number[] = []
    let refusedSeen = 0
    let retryBeforeRetryAfter = 0
    const clients = users.slice(1).map((s) => {
      const c = new GochatClient({ url, backoff: { baseMs: 500, capMs: 10_000 }, requestTimeoutMs: 30_000 })
      got.set(c, [])
      c.on('message', (d) => {
        if (d.message.conversationId === conversationId) got.get(c)!.push(d.message.seq)
      })
      c.on('state', (e) => {
        if (e.state === 'online') onlineAt.push(Date.now())
        if (e.error?.code === 'http_429') {
          refusedSeen++
          if ((e.retryInMs ?? 0) < (e.error.retryAfterMs ?? 1000)) retryBeforeRetryAfter++
        }
      })
      c.useSession(s)
      return c
    })
    log(`connecting ${CLIENTS} clients`)
    const t0 = Date.now()
    await Promise.all(clients.map((c) => c.connect()))
    log(`all online in ${Date.now() - t0} ms (${await refusedUpgrades(url)} upgrades refused 429 on the way)`)
    await owner.send(conversationId, 'before', randomUUID())
    while (!clients.every((c) => got.get(c)!.length >= 1)) await sleep(100)

    server.kill('SIGKILL')
    await new Promise((r) => server.once('exit', r))
    while (!clients.every((c) => c.state !== 'online')) await sleep(50)
    log('gateway killed; every client offline; restarting')
    onlineAt.length = 0
    refusedSeen = 0
    await sleep(2000) // the clients back off against a closed port meanwhile
    server = await up(dir, port)
    const back = Date.now()
    for (let i = 0; i < WHILE_AWAY; i++) {
      const key = randomUUID() // the same key on every attempt: stored once
      await again(() => owner.send(conversationId, `while away ${i}`, key))
    }
    const history: number[] = []
    for (let after = 0; ; ) {
      const page = await again(() => owner.history(conversationId, after, 200))
      history.push(...page.messages.map((m) => m.seq))
      if (!page.hasMore) break
      after = page.messages.at(-1)!.seq
    }
    let allOnlineMs: number | undefined
    const deadline = Date.now() + 300_000
    for (;;) {
      if (allOnlineMs === undefined && clients.every((c) => c.state === 'online')) allOnlineMs = Date.now() - back
      if (clients.every((c) => got.get(c)!.length >= history.length) || Date.now() > deadline) break
      await sleep(100)
    }
    const caughtUpMs = Date.now() - back
    const perSecond = new Map<number, number>()
    for (const t of onlineAt)
      perSecond.set(Math.floor((t - back) / 1000), (perSecond.get(Math.floor((t - back) / 1000)) ?? 0) + 1)
    const wrong = clients.filter((c) => JSON.stringify(got.get(c)) !== JSON.stringify(history)).length
    const result = {
      clients: CLIENTS,
      upgradesPerIp: UPGRADES_PER_IP,
      messagesWhileAway: WHILE_AWAY,
      allOnlineMs,
      caughtUpMs,
      peakConnectsPerSecond: Math.max(0, ...perSecond.values()),
      refusedUpgrades: await again(() => refusedUpgrades(url)),
      refusalsSeenByClients: refusedSeen,
      retriedBeforeRetryAfter: retryBeforeRetryAfter,
      clientsNotExact: wrong,
      machine: machine(),
    }
    console.log(JSON.stringify(result, null, 2))
    for (const c of clients) c.close()
    process.exitCode = wrong === 0 && allOnlineMs !== undefined ? 0 : 1
  } finally {
    server.kill('SIGKILL')
    rmSync(dir, { recursive: true, force: true })
  }
}

await main()
