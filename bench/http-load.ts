// `gochat bench http`: autocannon against two REST routes that matter for capacity — login (password check
// and token signing on logic) and history sync (a page of stored messages from repo).
import autocannon, { type Options as AutocannonOptions } from 'autocannon'
import { randomBytes } from 'node:crypto'
import { RestClient } from '../src/client/rest.js'

export interface HttpOptions {
  url: string
  connections: number
  durationSec: number
  pipelining: number
  /** messages stored in the history conversation, and the page size read */
  historyMessages: number
  log: (text: string) => void
}

export interface HttpScenario {
  name: 'login' | 'history'
  route: string
  requests: number
  requestsPerSec: number
  latencyMs: { mean: number; p50: number; p90: number; p99: number; max: number }
  ok: number
  non2xx: number
  errors: number
  timeouts: number
  throughputBytesPerSec: number
}

export interface HttpRun {
  url: string
  connections: number
  durationSec: number
  pipelining: number
  scenarios: HttpScenario[]
}

async function scenario(name: HttpScenario['name'], route: string, opts: AutocannonOptions): Promise<HttpScenario> {
  const r = await autocannon(opts)
  return {
    name,
    route,
    requests: r.requests.total,
    requestsPerSec: Math.round(r.requests.mean),
    latencyMs: {
      mean: Math.round(r.latency.mean * 100) / 100,
      p50: r.latency.p50,
      p90: r.latency.p90,
      p99: r.latency.p99,
      max: r.latency.max,
    },
    ok: r['2xx'],
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    throughputBytesPerSec: Math.round(r.throughput.mean),
  }
}

export async function runHttp(o: HttpOptions): Promise<HttpRun> {
  const username = `bench-${randomBytes(4).toString('hex')}`
  const password = randomBytes(12).toString('hex')
  const me = new RestClient(o.url)
  await me.register(username, password)
  const peer = await new RestClient(o.url).guest('bench-peer')
  const { conversationId } = await me.direct(peer.userId)
  o.log(`storing ${o.historyMessages} messages for the history scenario`)
  for (let i = 0; i < o.historyMessages; i++) await me.send(conversationId, `history message ${i}`, `${username}-${i}`)

  const common = { connections: o.connections, duration: o.durationSec, pipelining: o.pipelining, timeout: 10 }
  const scenarios: HttpScenario[] = []
  o.log(`login: ${o.connections} connections for ${o.durationSec}s`)
  scenarios.push(
    await scenario('login', 'POST /v1/auth/login', {
      ...common,
      url: `${o.url}/v1/auth/login`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    }),
  )
  const history = `/v1/conversations/${conversationId}/messages?afterSeq=0&limit=${o.historyMessages}`
  o.log(`history: ${o.connections} connections for ${o.durationSec}s`)
  scenarios.push(
    await scenario('history', `GET ${history}`, {
      ...common,
      url: o.url + history,
      headers: { authorization: `Bearer ${me.token}` },
    }),
  )
  return { url: o.url, connections: o.connections, durationSec: o.durationSec, pipelining: o.pipelining, scenarios }
}
