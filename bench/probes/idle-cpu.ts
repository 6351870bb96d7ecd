// What an idle cluster costs (issue 27): starts `gochat cluster up` on the local Kafka, MariaDB and Redis with a
// topic and key prefix of its own, lets it settle with no client and no traffic, then reads each process's CPU
// time (utime + stime from /proc/<pid>/stat) over a quiet window. CPU time, not wall time: a busy neighbour on the
// machine slows the probe's clock but does not add to what the roles themselves spend.
//
//   npx tsx bench/probes/idle-cpu.ts [settle s=45] [window s=60] [--gateways 2 --tasks 2 ...]
//
// Prints a row per process (% of one core over the window) and the target (≤ 1% each); --json for one object.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { setTimeout as sleep } from 'node:timers/promises'

const positional = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'))
const passThrough = process.argv.slice(2).filter((a, i, all) => a.startsWith('--') || all[i - 1]?.startsWith('--'))
const json = passThrough.includes('--json')
const clusterArgs = passThrough.filter((a) => a !== '--json')
const SETTLE_S = Number(positional[0] ?? 45)
const WINDOW_S = Number(positional[1] ?? 60)
const TICKS_PER_SECOND = 100 // Linux USER_HZ

function cpuTicks(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return Number(fields[11]) + Number(fields[12])
  } catch {
    return undefined
  }
}

const tag = `idle${Date.now().toString(36)}`
const child = spawn(
  process.execPath,
  [
    'bin/run.js',
    'cluster',
    'up',
    '--json',
    `--topic-prefix=${tag}`,
    `--redis-key-prefix=${tag}:`,
    `--mysql=mysql://root@127.0.0.1:3306/gochat_${tag}`,
    `--log-dir=.gochat/${tag}`,
    ...clusterArgs,
  ],
  { detached: true, stdio: ['ignore', 'pipe', 'inherit'] },
)
const stop = () => {
  try {
    process.kill(-child.pid!, 'SIGTERM')
  } catch {}
}
process.on('SIGINT', () => {
  stop()
  process.exit(130)
})

try {
  const lines = createInterface({ input: child.stdout! })
  let started: { processes: Array<{ name: string; pid: number | null }> } | undefined
  for await (const line of lines) {
    if (!line.trim().startsWith('{')) continue
    started = JSON.parse(line)
    break
  }
  if (!started) throw new Error('cluster up exited before printing its processes')
  const procs = started.processes.filter((p): p is { name: string; pid: number } => p.pid !== null)
  if (!json)
    console.error(`cluster up (${procs.length} processes); settling ${SETTLE_S} s, then ${WINDOW_S} s measured`)
  await sleep(SETTLE_S * 1000)
  const before = procs.map((p) => cpuTicks(p.pid))
  const t0 = performance.now()
  await sleep(WINDOW_S * 1000)
  const seconds = (performance.now() - t0) / 1000
  const rows = procs.map((p, i) => {
    const after = cpuTicks(p.pid)
    const used = after === undefined || before[i] === undefined ? undefined : (after - before[i]!) / TICKS_PER_SECOND
    return {
      process: p.name,
      pid: p.pid,
      cpuSeconds: used,
      percentOfCore: used === undefined ? undefined : (used / seconds) * 100,
    }
  })
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
  if (json) console.log(JSON.stringify({ settleSeconds: SETTLE_S, windowSeconds: seconds, load, processes: rows }))
  else {
    for (const r of rows)
      console.log(
        `${r.process.padEnd(10)} pid ${String(r.pid).padEnd(8)} ${r.percentOfCore === undefined ? 'gone' : `${r.percentOfCore.toFixed(2)}% of a core`}`,
      )
    console.log(`load average ${load}; target: each role process ≤ 1% of a core`)
  }
} finally {
  stop()
}
