// Distributed benches end to end: two `gochat bench agent` processes register on a control topic of the real Kafka,
// and `bench fanout|send --agents` run their clients on them against `gochat up`. The merged result must account
// for exactly the agents' samples, a breached threshold must exit 99 (with the JUnit file saying so), and an agent
// killed mid-run, or one that falls behind while alive, must fail the run by name with its deliveries still expected.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { connect, createServer, type AddressInfo, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FanoutReport } from '../../bench/report/fanout-report.js'
import type { Verdict } from '../../bench/verdict.js'
import type { SendRun } from '../../bench/one-to-one.js'
import { runGochat } from '../helpers/cli.js'
import { deleteTopicsWithPrefix } from '../helpers/cleanup.js'
import { infraAvailable, KAFKA } from '../helpers/infra.js'
import { startUp, TEST_ADMIN_SECRET } from '../helpers/up.js'
import { sleep, until } from '../helpers/until.js'
import { NetHosts, netnsPermitted } from '../helpers/netns.js'
import { parseXml } from '../helpers/xml.js'

const BIN = fileURLToPath(new URL('../../bin/run.js', import.meta.url))
const available = await infraAvailable('kafka')

/** a gochat command whose stderr is watched while it runs (to act at a phase of the run) */
function startGochat(args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (d) => (stdout += d))
  child.stderr!.on('data', (d) => (stderr += d))
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  return { stdout: () => stdout, stderr: () => stderr, exited, kill: () => child.kill('SIGKILL') }
}

async function waitFor(cond: () => boolean, timeoutMs: number, what: string): Promise<void> {
  if (!(await until(cond, Boolean, timeoutMs))) throw new Error(`timed out waiting until ${what}`)
}

describe.skipIf(!available)('bench agents coordinated through Kafka', () => {
  const prefix = `bagents${Date.now().toString(36)}`
  const dir = mkdtempSync(join(tmpdir(), 'gochat-bench-agents-'))
  const agents = new Map<string, { child: ChildProcess; output: () => string }>()
  let up: Awaited<ReturnType<typeof startUp>>
  const control = ['--kafka', KAFKA, '--topic-prefix', prefix]

  function startAgent(name: string) {
    const child = spawn(process.execPath, [BIN, 'bench', 'agent', '--name', name, '--workers', '1', ...control], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout!.on('data', (d) => (out += d))
    child.stderr!.on('data', (d) => (out += d))
    agents.set(name, { child, output: () => out })
  }

  const bench = (args: string[], timeoutMs = 120_000) =>
    runGochat([...args, '--gateway', up.url, '--admin-secret', TEST_ADMIN_SECRET, '--no-progress', ...control], {
      timeoutMs,
    })

  beforeAll(async () => {
    up = await startUp()
    startAgent('a')
    startAgent('b')
    for (const [name, a] of agents)
      await waitFor(() => a.output().includes('waiting for a coordinator'), 30_000, `agent ${name} registered`)
  }, 90_000)

  afterAll(async () => {
    for (const a of agents.values()) a.child.kill('SIGKILL')
    await up?.stop()
    rmSync(dir, { recursive: true, force: true })
    await deleteTopicsWithPrefix(prefix)
  }, 60_000)

  const FANOUT = [
    'bench',
    'fanout',
    '--group-size',
    '120',
    '--online',
    '1',
    '--messages',
    '4',
    '--rate',
    '20',
    '--json',
  ]

  it('merges the agents into one result: the histogram holds exactly the samples of both, per-agent rows, a JUnit file', async () => {
    const junit = join(dir, 'fanout.xml')
    const { code, stdout, stderr } = await bench([
      ...FANOUT,
      '--agents',
      '2',
      '--threshold',
      'p99<60s',
      '--threshold',
      'missing==0',
      '--junit',
      junit,
    ])
    expect(code, stderr).toBe(0)
    const report = JSON.parse(stdout) as FanoutReport & Verdict
    const g = report.gochat
    expect(g.completeness).toMatchObject({ expected: 119 * 4, received: 119 * 4, missing: 0, complete: true })
    const rows = g.agents!.agents
    expect(rows.map((r) => r.name).sort()).toEqual(['a', 'b'])
    expect(rows.reduce((n, r) => n + r.connections, 0)).toBe(119)
    // every sample of every agent is in the merged histogram, once
    expect(g.latencyMs.count).toBe(rows.reduce((n, r) => n + r.received, 0))
    expect(g.latencyMs.count).toBe(119 * 4)
    expect(g.deliveriesBySecond.reduce((a, b) => a + b, 0)).toBe(119 * 4)
    for (const r of rows) {
      expect(r.failure).toBeNull()
      expect(r.clock.samples).toBeGreaterThan(0)
      // same host: the true offset is 0, within the measured uncertainty (1 ms for the processes' time origins)
      expect(Math.abs(r.clock.offsetMs)).toBeLessThanOrEqual(r.clock.uncertaintyMs + 1)
    }
    expect(report.thresholds.map((t) => t.ok)).toEqual([true, true])
    const suite = parseXml(readFileSync(junit, 'utf8')).children[0]!
    expect(suite.attributes).toMatchObject({ tests: '3', failures: '0' })
  }, 150_000)

  it('runs bench send on named agents, starting them together', async () => {
    const { code, stdout, stderr } = await bench([
      'bench',
      'send',
      '--pairs',
      '20',
      '--messages',
      '4',
      '--rate',
      '10',
      '--agents',
      'b,a',
      '--json',
    ])
    expect(code, stderr).toBe(0)
    const run = JSON.parse(stdout) as SendRun
    expect(run.completeness).toMatchObject({ expected: 80, received: 80, missing: 0 })
    expect(run.agents!.agents.map((r) => [r.name, r.connections])).toEqual([
      ['b', 10],
      ['a', 10],
    ])
    expect(run.latencyMs.count).toBe(80)
  }, 150_000)

  it('exits 99 on a breached threshold, listed in the report and the JUnit file', async () => {
    const junit = join(dir, 'breach.xml')
    const { code, stdout } = await bench([...FANOUT, '--agents', '2', '--threshold', 'p50<0.001ms', '--junit', junit])
    expect(code).toBe(99)
    const report = JSON.parse(stdout) as FanoutReport & Verdict
    expect(report.ok).toBe(false)
    expect(report.thresholds).toMatchObject([{ expression: 'p50<0.001ms', ok: false }])
    expect(report.failures.some((f) => f.startsWith('threshold p50<0.001ms breached'))).toBe(true)
    const cases = parseXml(readFileSync(junit, 'utf8')).children[0]!.children
    expect(cases.map((c) => c.children.length)).toEqual([0, 1]) // the run was sound; the threshold failed
  }, 150_000)

  it('fails the run and names an agent that falls behind mid-run though alive; its deliveries stay expected', async () => {
    const b = agents.get('b')!
    const run = startGochat([
      ...['bench', 'fanout', '--group-size', '120', '--online', '1', '--messages', '150', '--rate', '10'],
      // never silent long enough to count as dead, but stalled past the lag bound
      ...['--agents', 'a,b', '--agent-timeout', '30', '--agent-max-lag', '3', '--json'],
      ...['--gateway', up.url, '--admin-secret', TEST_ADMIN_SECRET, '--no-progress', ...control],
    ])
    try {
      await waitFor(() => run.stderr().includes('sending 150 messages'), 90_000, 'the measured phase began')
      await sleep(1500)
      // a host starved of CPU for 7 s: b's loops and workers stop, then go on. b can only report the stall once it runs
      // again, so the sending must outlast it (15 s at 10/s): with 8 s it sometimes ended first and the stall fell in the
      // close phase
      b.child.kill('SIGSTOP')
      await sleep(7000)
      b.child.kill('SIGCONT')
      expect(await run.exited, run.stderr()).toBe(1)
    } finally {
      b.child.kill('SIGCONT')
      run.kill()
    }
    const report = JSON.parse(run.stdout()) as FanoutReport
    // b alone is named (beside the deliveries the run then missed)
    const named = report.failures.filter((f) => f.startsWith('agent '))
    expect(named).toHaveLength(1)
    expect(named[0]).toMatch(/^agent b: fell behind: .* during the measured phase$/)
    const g = report.gochat
    expect(g.completeness.expected).toBe(119 * 150)
    const row = g.agents!.agents.find((r) => r.name === 'b')!
    // whatever b received, none of it counts: all its deliveries stay in the denominator, as missing
    expect(row).toMatchObject({ received: 0, missing: row.connections * 150 })
    expect(g.completeness.received + g.completeness.missing).toBe(119 * 150)
    expect(g.agents!.agents.find((r) => r.name === 'a')!.failure).toBeNull()
    // alive, b was let go and is free for the next run
    await waitFor(() => b.output().includes('released (run over)'), 30_000, 'agent b was released')
  }, 180_000)

  it('fails the run and names an agent killed mid-run; its deliveries stay expected', async () => {
    const run = startGochat([
      'bench',
      'fanout',
      '--group-size',
      '120',
      '--online',
      '1',
      '--messages',
      '80',
      '--rate',
      '10',
      '--agents',
      'a,b',
      '--agent-timeout',
      '3',
      '--json',
      '--gateway',
      up.url,
      '--admin-secret',
      TEST_ADMIN_SECRET,
      '--no-progress',
      ...control,
    ])
    try {
      await waitFor(() => run.stderr().includes('sending 80 messages'), 90_000, 'the measured phase began')
      await sleep(1500)
      agents.get('b')!.child.kill('SIGKILL')
      expect(await run.exited, run.stderr()).toBe(1)
    } finally {
      run.kill()
    }
    const stdout = run.stdout()
    const report = JSON.parse(stdout) as FanoutReport
    expect(report.failures[0]).toMatch(/^agent b: no heartbeat for 3 s during the measured phase/)
    const g = report.gochat
    expect(g.completeness.expected).toBe(119 * 80)
    const b = g.agents!.agents.find((r) => r.name === 'b')!
    expect(b).toMatchObject({ received: 0, missing: b.connections * 80 })
    expect(g.completeness.missing).toBeGreaterThanOrEqual(b.connections * 80)
    expect(g.completeness.received + g.completeness.missing).toBe(119 * 80)
  }, 180_000)
})

// The same with each agent on a network host of its own (test/helpers/netns.ts): its clients reach the gateway
// through the bridge, from an address that is not this machine's, and it reaches Kafka only through a relay (Kafka
// advertises 127.0.0.1:9092, so each host gets a forwarder there, to one on the bridge, to the real broker).
const hostsPermitted = available && netnsPermitted()

describe.skipIf(!hostsPermitted)('bench agents on network hosts of their own', () => {
  const prefix = `bagentsns${Date.now().toString(36)}`
  const dir = mkdtempSync(join(tmpdir(), 'gochat-bench-agents-ns-'))
  let hosts: NetHosts
  let relay: Server
  let up: Awaited<ReturnType<typeof startUp>>
  const agents = new Map<string, ChildProcess>()

  beforeAll(async () => {
    hosts = NetHosts.create(['load1', 'load2'])
    relay = createServer((socket) => {
      const [host, port] = KAFKA.split(':')
      const upstream = connect(Number(port), host!)
      socket.pipe(upstream).pipe(socket)
      socket.on('error', () => upstream.destroy())
      upstream.on('error', () => socket.destroy())
    })
    await new Promise<void>((resolve) => relay.listen(0, hosts.rootIp, resolve))
    const relayPort = (relay.address() as AddressInfo).port
    const forward = `const net=require('node:net');net.createServer(s=>{const u=net.connect(${relayPort},'${hosts.rootIp}');s.pipe(u).pipe(s);s.on('error',()=>u.destroy());u.on('error',()=>s.destroy())}).listen(9092,'127.0.0.1')`
    // the agents' addresses are not this machine's: exempt them from the per-address connection cap, as a
    // deployment would its load hosts
    up = await startUp(['--host', hosts.rootIp], { GOCHAT_MAX_CONNECTIONS_PER_IP_EXEMPT: `${hosts.subnet}.0/24` })
    for (const name of ['load1', 'load2']) {
      hosts.spawn(name, process.execPath, ['-e', forward], join(dir, `${name}-relay.log`))
      const log = join(dir, `${name}.log`)
      agents.set(
        name,
        hosts.spawn(
          name,
          process.execPath,
          [
            BIN,
            'bench',
            'agent',
            '--name',
            name,
            '--workers',
            '1',
            '--kafka',
            '127.0.0.1:9092',
            '--topic-prefix',
            prefix,
          ],
          log,
        ),
      )
      await waitFor(
        () => existsSync(log) && readFileSync(log, 'utf8').includes('waiting for a coordinator'),
        60_000,
        `agent ${name} registered`,
      )
    }
  }, 120_000)

  afterAll(async () => {
    hosts?.destroy()
    relay?.close()
    await up?.stop()
    rmSync(dir, { recursive: true, force: true })
    await deleteTopicsWithPrefix(prefix)
  }, 60_000)

  it('merges two hosts into one result and fails the run by name when one host dies', async () => {
    const args = [
      'bench',
      'fanout',
      '--group-size',
      '120',
      '--online',
      '1',
      '--rate',
      '10',
      '--json',
      '--no-progress',
      '--gateway',
      up.url,
      '--admin-secret',
      TEST_ADMIN_SECRET,
      '--kafka',
      KAFKA,
      '--topic-prefix',
      prefix,
      '--agents',
      'load1,load2',
    ]
    const ok = await runGochat([...args, '--messages', '4'], { timeoutMs: 150_000 })
    expect(ok.code, ok.stderr).toBe(0)
    const report = JSON.parse(ok.stdout) as FanoutReport
    const rows = report.gochat.agents!.agents
    expect(rows.map((r) => [r.name, r.connections, r.failure])).toEqual([
      ['load1', 60, null],
      ['load2', 59, null],
    ])
    expect(report.gochat.latencyMs.count).toBe(rows.reduce((n, r) => n + r.received, 0))
    expect(report.gochat.completeness).toMatchObject({ expected: 476, received: 476, missing: 0 })

    // load2 goes off the network mid-run: silent, it fails the run by name
    const run = startGochat([...args, '--messages', '60', '--agent-timeout', '3'])
    try {
      await waitFor(() => run.stderr().includes('sending 60 messages'), 120_000, 'the measured phase began')
      await sleep(1500)
      hosts.cut('load2')
      expect(await run.exited, run.stderr()).toBe(1)
    } finally {
      run.kill()
      hosts.restore('load2')
    }
    const failed = { stdout: run.stdout() }
    const after = JSON.parse(failed.stdout) as FanoutReport
    expect(after.failures[0]).toMatch(/^agent load2: no heartbeat for 3 s/)
    expect(after.gochat.completeness.expected).toBe(119 * 60)
  }, 300_000)
})
