// Login latency under a flood of bad logins (issue 11, finding 6): how long one good login takes while N
// concurrent logins with wrong passwords are in flight, against a running gochat: its first answer, and the time
// until it succeeds when the client tries again 250 ms after a refusal (503 while the hash queue is full).
//
//   npx tsx bench/probes/login-flood.ts [gateway=http://127.0.0.1:8080] [flood=200] [rounds=3]
//   npx tsx bench/probes/login-flood.ts compare [flood=200] [rounds=3]
//
// `compare` starts `gochat up` (embedded) twice, one after the other, and measures both in the same run: once
// with the guards off (hash slots and queue unbounded, no lockout: gochat before issue 11) and once with the
// defaults, and prints the ratio of the good login's median latency under each flood.
//
// Two floods: every bad login for one account (brute force), and each for a different unknown username (which
// costs the same scrypt work: logins of unknown users verify against a dummy hash). Prints the good login's
// latency alone and under each flood, its status, and how the bad logins were answered.
import { randomBytes } from 'node:crypto'
import { startUp } from '../../test/helpers/up.js'

const compare = process.argv[2] === 'compare'
let url = compare ? '' : (process.argv[2] ?? 'http://127.0.0.1:8080')
const FLOOD = Number(process.argv[3] ?? 200)
const ROUNDS = Number(process.argv[4] ?? 3)

async function login(username: string, password: string): Promise<{ ms: number; status: number }> {
  const t0 = performance.now()
  const res = await fetch(`${url}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  await res.arrayBuffer()
  return { ms: performance.now() - t0, status: res.status }
}

async function register(username: string, password: string): Promise<void> {
  const res = await fetch(`${url}/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (res.status !== 201) throw new Error(`register ${username}: HTTP ${res.status} ${await res.text()}`)
}

async function measure(): Promise<Record<string, number>> {
  const tag = randomBytes(3).toString('hex')
  const good = { username: `flood-good-${tag}`, password: 'the-right-password' }
  await register(good.username, good.password)

  const alone: number[] = []
  for (let i = 0; i < 5; i++) alone.push((await login(good.username, good.password)).ms)
  const out: Record<string, number> = { alone: median(alone) }
  console.log(`good login alone: median ${median(alone).toFixed(0)} ms`)

  for (const mode of ['one account', 'distinct unknown usernames'] as const) {
    const target = `flood-victim-${tag}-${mode.length}`
    if (mode === 'one account') await register(target, 'victim-password')
    const times: number[] = []
    const untilOk: number[] = []
    const statuses = new Map<number, number>()
    let goodStatus = ''
    for (let r = 0; r < ROUNDS; r++) {
      const flood = Array.from({ length: FLOOD }, (_, i) =>
        login(mode === 'one account' ? target : `nobody-${tag}-${r}-${i}`, `wrong-${i}`),
      )
      await new Promise((res) => setTimeout(res, 20)) // the flood is in flight
      const t0 = performance.now()
      let g = await login(good.username, good.password)
      times.push(g.ms)
      goodStatus += `${g.status} `
      while (g.status !== 200 && performance.now() - t0 < 30_000) {
        await new Promise((res) => setTimeout(res, 250))
        g = await login(good.username, good.password)
      }
      untilOk.push(performance.now() - t0)
      for (const b of await Promise.all(flood)) statuses.set(b.status, (statuses.get(b.status) ?? 0) + 1)
    }
    const answers = [...statuses].map(([s, n]) => `${n}×${s}`).join(', ')
    console.log(
      `${mode}: good login under ${FLOOD} concurrent bad logins: first answer median ${median(times).toFixed(0)} ms (${times.map((t) => t.toFixed(0)).join(', ')}; status ${goodStatus.trim()}), logged in after median ${median(untilOk).toFixed(0)} ms; bad logins answered ${answers}`,
    )
    out[`${mode}, first answer`] = median(times)
    out[`${mode}, logged in`] = median(untilOk)
  }
  return out
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

if (!compare) {
  await measure()
} else {
  const runs: Record<string, Record<string, number>> = {}
  const settings = {
    'guards off (before)': {
      GOCHAT_PASSWORD_HASH_CONCURRENCY: '100000',
      GOCHAT_PASSWORD_HASH_QUEUE: '100000',
      GOCHAT_LOGIN_MAX_FAILURES: '1000000',
    },
    'defaults (after)': {},
  }
  for (const [name, env] of Object.entries(settings)) {
    const up = await startUp([], { GOCHAT_LOG_LEVEL: 'warn', ...env })
    url = up.url
    console.log(`-- ${name}`)
    try {
      runs[name] = await measure()
    } finally {
      await up.stop()
    }
  }
  const [before, after] = Object.values(runs) as [Record<string, number>, Record<string, number>]
  for (const key of Object.keys(before))
    console.log(
      `${key}: ${before[key]!.toFixed(0)} ms before, ${after[key]!.toFixed(0)} ms after: ${(before[key]! / after[key]!).toFixed(1)}x`,
    )
}
